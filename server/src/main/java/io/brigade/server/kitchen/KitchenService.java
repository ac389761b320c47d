package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenFire;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenPrepTimes;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.kitchen.KitchenVoid;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen's actions, each in a transaction of its own that ends by waking the streams. A station starts and
 * bumps its own part of a ticket; the ticket is ready once every station with something left on it has bumped.
 * A sale's ticket then moves the sale too, through {@link SaleService} (the state machine and the
 * {@code sales.pos.status.updated.v1} webhook), after the kitchen's change has committed.
 */
public final class KitchenService {
    /** How long a ready ticket nobody served stays on the expo; served tickets leave at once. */
    public static final Duration READY_WINDOW = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(KitchenService.class);
    private static final Pattern STATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_STATIONS = 20;
    private final Database database;
    private final KitchenRepository kitchen;
    private final KitchenStationRepository stationRepository;
    private final KitchenTickets tickets;
    private final OrgRepository orgs;
    private final SaleService sales;
    private final KitchenStreams streams;
    private final Clock clock;

    public KitchenService(Database database, KitchenRepository kitchen, KitchenStationRepository stationRepository,
                          KitchenTickets tickets, OrgRepository orgs, SaleService sales, KitchenStreams streams,
                          Clock clock) {
        this.database = database;
        this.kitchen = kitchen;
        this.stationRepository = stationRepository;
        this.tickets = tickets;
        this.orgs = orgs;
        this.sales = sales;
        this.streams = streams;
        this.clock = clock;
    }

    /** Refuses a missing property (400) or another org's (404). */
    public void checkProperty(String orgId, String propertyId) {
        if (propertyId == null || propertyId.isBlank()) {
            throw InvalidInputException.malformed("propertyId",
                    "is required: the kitchen display shows one property");
        }
        if (database.read(c -> orgs.findProperty(c, orgId, propertyId)).isEmpty()) {
            throw new NotFoundException("property " + propertyId);
        }
    }

    /** The open tickets, the stations and today's prep times, and the cursor they are consistent with. */
    public KitchenSnapshot snapshot(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            // Holding the org's sequence row keeps new events out until the tickets are read.
            long cursor = kitchen.currentSeq(c, orgId, true);
            StationSetup setup = tickets.setup(c, orgId, propertyId);
            List<KitchenRepository.TicketRow> rows = kitchen.openTickets(c, orgId, propertyId,
                    now.minus(READY_WINDOW));
            List<String> ids = rows.stream().map(KitchenRepository.TicketRow::ticketId).toList();
            Map<String, Map<String, KitchenRepository.LineMark>> marks = kitchen.marks(c, ids);
            Map<String, Map<String, KitchenRepository.Progress>> progress = kitchen.progress(c, ids);
            List<KitchenTicket> open = new ArrayList<>(rows.size());
            for (KitchenRepository.TicketRow r : rows) {
                open.add(TicketView.show(r, marks.getOrDefault(r.ticketId(), Map.of()),
                        progress.getOrDefault(r.ticketId(), Map.of()), setup));
            }
            return new KitchenSnapshot(cursor, open, new KitchenStations(propertyId, setup.stations()),
                    prepTimes(c, orgId, propertyId, setup, now));
        });
    }

    // --- stations ---------------------------------------------------------------------------------------------------

    /** The store's stations (one catch-all "Kitchen" until a manager sets them). */
    public KitchenStations stations(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        return database.read(c -> new KitchenStations(propertyId, tickets.setup(c, orgId, propertyId).stations()));
    }

    /**
     * Replaces the store's stations. New tickets are routed by them; lines already sent stay where they were
     * routed, and those of a station that is gone show at the catch-all. Screens hear of it at once.
     */
    public KitchenStations saveStations(String orgId, String propertyId, KitchenStations body) {
        checkProperty(orgId, propertyId);
        List<KitchenStation> checked = checkStations(propertyId, body);
        Instant now = clock.instant();
        KitchenStations saved = database.inTransaction(c -> {
            stationRepository.replace(c, orgId, propertyId, checked);
            KitchenStations after = new KitchenStations(propertyId, tickets.setup(c, orgId, propertyId).stations());
            kitchen.appendEvent(c, orgId, kitchen.nextSeq(c, orgId), propertyId, KitchenEvent.NO_TICKET,
                    KitchenEvent.STATIONS, KitchenTickets.json(after), now);
            return after;
        });
        streams.wake(orgId);
        return saved;
    }

    private static List<KitchenStation> checkStations(String propertyId, KitchenStations body) {
        Validation v = new Validation();
        if (body == null || body.stations() == null || body.stations().isEmpty()) {
            v.error("stations", "must hold at least one station");
            v.throwIfMalformed();
        }
        if (body.propertyId() != null && !body.propertyId().equals(propertyId)) {
            v.error("propertyId", "must be the store of the request (" + propertyId + ") or left out");
        }
        if (body.stations().size() > MAX_STATIONS) {
            v.error("stations", "must hold at most " + MAX_STATIONS + " stations");
            v.throwIfMalformed();
        }
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> categoryStation = new HashMap<>();
        int catchAll = 0;
        for (int i = 0; i < body.stations().size(); i++) {
            KitchenStation s = body.stations().get(i);
            String at = "stations[" + i + "]";
            if (s == null) {
                v.error(at, "is required");
                continue;
            }
            if (v.require(s.name(), at + ".name") && v.text(s.name().strip(), 40, at + ".name")
                    && !names.add(s.name().strip().toLowerCase(Locale.ROOT))) {
                v.error(at + ".name", "another station is called " + s.name().strip());
            }
            if (s.id() != null) {
                if (!STATION_ID.matcher(s.id()).matches()) {
                    v.error(at + ".id", "must be 1-40 lower-case letters, digits or dashes, starting with a letter"
                            + " or digit");
                } else if (s.id().equals(KitchenStations.EXPO)) {
                    v.error(at + ".id", "expo is the screen of whole tickets, not a station");
                } else if (!ids.add(s.id())) {
                    v.error(at + ".id", "another station has the id " + s.id());
                }
            }
            if (s.catchAll()) {
                catchAll++;
            }
            List<String> categories = s.categoryIds() == null ? List.of() : s.categoryIds();
            for (int j = 0; j < categories.size(); j++) {
                String category = categories.get(j);
                String field = at + ".categoryIds[" + j + "]";
                if (v.require(category, field) && v.text(category, 100, field)) {
                    String other = categoryStation.putIfAbsent(category, s.name() == null ? at : s.name().strip());
                    if (other != null) {
                        v.error(field, "category " + category + " is already made at " + other
                                + ": a category goes to one station");
                    }
                }
            }
        }
        if (catchAll != 1) {
            v.error("stations", "exactly one station must be the catch-all (it makes items of every category no "
                    + "station names); " + catchAll + " are");
        }
        v.throwIfMalformed();
        List<KitchenStation> out = new ArrayList<>();
        for (KitchenStation s : body.stations()) {
            String id = s.id() != null ? s.id() : newId(s.name().strip(), ids);
            out.add(new KitchenStation(id, s.name().strip(), s.categoryIds() == null ? List.of()
                    : List.copyOf(s.categoryIds()), s.catchAll()));
        }
        return out;
    }

    /** An id for a new station from its name ("Cold starters" -> "cold-starters"), not taken by another one. */
    private static String newId(String name, Set<String> taken) {
        String base = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty() || base.equals(KitchenStations.EXPO)) {
            base = "station";
        }
        base = base.length() > 36 ? base.substring(0, 36) : base;
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    // --- prep times -----------------------------------------------------------------------------------------------

    /** Each station's prep times today, in the store's time zone. */
    public KitchenPrepTimes prepTimes(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        Instant now = clock.instant();
        return database.read(c -> prepTimes(c, orgId, propertyId, tickets.setup(c, orgId, propertyId), now));
    }

    private KitchenPrepTimes prepTimes(Connection c, String orgId, String propertyId, StationSetup setup, Instant now)
            throws SQLException {
        ZoneId zone = ZoneId.of(orgs.timeZone(c, orgId, propertyId).orElse("UTC"));
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, List<Long>> seconds = new LinkedHashMap<>();
        setup.stations().forEach(s -> seconds.put(s.id(), new ArrayList<>()));
        for (KitchenRepository.Bump b : kitchen.bumpsSince(c, orgId, propertyId, today.atStartOfDay(zone)
                .toInstant())) {
            seconds.computeIfAbsent(setup.current(b.stationId()), k -> new ArrayList<>())
                    .add(Math.max(0, Duration.between(b.orderedAt(), b.bumpedAt()).toSeconds()));
        }
        List<KitchenPrepTimes.Station> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> s : seconds.entrySet()) {
            List<Long> all = s.getValue();
            all.sort(null);
            Long average = all.isEmpty() ? null : Math.round(all.stream().mapToLong(Long::longValue).average()
                    .orElseThrow());
            // Nearest rank: the smallest time at least 90 % of the bumps were within.
            Long p90 = all.isEmpty() ? null : all.get((int) Math.ceil(0.9 * all.size()) - 1);
            out.add(new KitchenPrepTimes.Station(s.getKey(), setup.name(s.getKey()), all.size(), average, p90));
        }
        return new KitchenPrepTimes(propertyId, today, out);
    }

    // --- a station's actions ----------------------------------------------------------------------------------------

    /** A station started its part of a ticket. */
    public KitchenTicket start(String orgId, String ticketId, String stationId) {
        return change(orgId, ticketId, (change, now) -> {
            KitchenTicket.Station part = part(change, stationId);
            if (part.startedAt() != null || part.bumped()) {
                throw new ConflictException("ticket " + change.shown().displayId() + " was already started at "
                        + part.name());
            }
            change.progress(stationId, p -> new KitchenRepository.Progress(now, p.bumpedAt()));
        });
    }

    /** A station bumped its part of a ticket; the ticket is ready once every station with work on it has. */
    public KitchenTicket bump(String orgId, String ticketId, String stationId) {
        return change(orgId, ticketId, (change, now) -> {
            KitchenTicket.Station part = part(change, stationId);
            if (part.bumped()) {
                throw new ConflictException("ticket " + change.shown().displayId() + " was already bumped at "
                        + part.name());
            }
            change.progress(stationId, p -> new KitchenRepository.Progress(p.startedAt() == null ? now
                    : p.startedAt(), now));
        });
    }

    /** Brings back the ticket {@code stationId} bumped last (409 when it has none on the screens). */
    public KitchenTicket recall(String orgId, String propertyId, String stationId) {
        checkProperty(orgId, propertyId);
        String ticketId = database.read(c -> kitchen.lastBumpedAt(c, orgId, propertyId, stationId))
                .orElseThrow(() -> new ConflictException("station " + stationId + " has no bumped ticket to recall"));
        return change(orgId, ticketId, (change, now) -> change.progress(stationId,
                p -> new KitchenRepository.Progress(p.startedAt() == null ? now : p.startedAt(), null)));
    }

    /** The expo hands a ready ticket out (or clears a void one): it leaves every screen. */
    public KitchenTicket serve(String orgId, String ticketId) {
        return change(orgId, ticketId, (change, now) -> {
            KitchenTicket t = change.shown();
            if (KitchenTicket.SERVED.equals(t.status())) {
                throw new ConflictException("ticket " + t.displayId() + " was already served");
            }
            if (!KitchenTicket.READY.equals(t.status()) && !KitchenTicket.VOIDED.equals(t.status())) {
                throw new ConflictException("ticket " + t.displayId() + " is not ready: waiting for "
                        + String.join(", ", t.stations().stream().filter(s -> !s.bumped() && s.liveLines() > 0)
                        .map(KitchenTicket.Station::name).toList()));
            }
            change.servedAt = now;
        });
    }

    /** Brings back the ticket the store served last, within the last hour (409 when there is none). */
    public KitchenTicket recallServed(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        Instant since = clock.instant().minus(Duration.ofHours(1));
        String ticketId = database.read(c -> kitchen.lastServed(c, orgId, propertyId, since))
                .orElseThrow(() -> new ConflictException("no ticket was served in the last hour"));
        return change(orgId, ticketId, (change, now) -> change.servedAt = null);
    }

    /** Marks one line of an open ticket done at its station, or not done. */
    public KitchenTicket markLine(String orgId, String ticketId, String lineId, boolean done) {
        return change(orgId, ticketId, (change, now) -> {
            KitchenTicket t = change.shown();
            KitchenItem line = t.items().stream().filter(i -> i.lineId().equals(lineId)).findFirst()
                    .orElseThrow(() -> InvalidInputException.malformed("lineId", "ticket " + t.displayId()
                            + " has no line " + lineId));
            if (!t.open()) {
                throw new ConflictException("ticket " + t.displayId() + " has left the kitchen");
            }
            change.mark(line.lineId(), m -> new KitchenRepository.LineMark(done ? now : null, m.voidedQuantity(),
                    m.voidReason()));
        });
    }

    // --- checks ------------------------------------------------------------------------------------------------------

    /** Fires a check's round (see {@link KitchenTickets#fire}) in a transaction of its own. */
    public KitchenTickets.Fired fire(String orgId, KitchenFire fire) {
        KitchenTickets.Fired fired = database.inTransaction(c -> tickets.fire(c, orgId, fire));
        if (fired.created()) {
            streams.wake(orgId);
        }
        return fired;
    }

    /** Voids a sent check line (see {@link KitchenTickets#voidLine}) in a transaction of its own. */
    public KitchenTicket voidLine(String orgId, KitchenVoid request) {
        KitchenTicket ticket = database.inTransaction(c -> tickets.voidLine(c, orgId, request));
        streams.wake(orgId);
        return ticket;
    }

    // --- how a change runs -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Edit {
        void apply(KitchenTickets.Change change, Instant now) throws SQLException;
    }

    private static KitchenTicket.Station part(KitchenTickets.Change change, String stationId) {
        KitchenTicket t = change.shown();
        if (!t.open()) {
            throw new ConflictException("ticket " + t.displayId() + " has left the kitchen");
        }
        KitchenTicket.Station part = t.station(stationId);
        if (part == null) {
            throw new NotFoundException("station " + stationId + " on ticket " + t.displayId());
        }
        return part;
    }

    private KitchenTicket change(String orgId, String ticketId, Edit edit) {
        String[] before = new String[1];
        KitchenTicket after = database.inTransaction(c -> {
            KitchenTickets.Change change = tickets.lock(c, orgId, ticketId);
            before[0] = change.row.status();
            Instant now = clock.instant();
            edit.apply(change, now);
            return tickets.save(c, orgId, change, now);
        });
        streams.wake(orgId);
        followSale(orgId, before[0], after);
        return after;
    }

    /**
     * Moves a ticket's sale with it, once the ticket's change has committed: started, ready, or back in
     * preparation. A sale another face moved on meanwhile (handed out, cancelled) stays where it is.
     */
    private void followSale(String orgId, String before, KitchenTicket after) {
        if (after.saleId() == null || before.equals(after.status())) {
            return;
        }
        SaleStatus target = switch (after.status()) {
            case KitchenTicket.IN_PREPARATION -> SaleStatus.SALE_IN_PREPARATION;
            case KitchenTicket.READY -> SaleStatus.SALE_PREPARED_BY_KITCHEN;
            default -> null;
        };
        if (target == null) {
            return;
        }
        try {
            sales.posStatus(orgId, after.saleId(), new StatusUpdate(target.name(), null, null, null, null));
        } catch (ConflictException e) {
            LOG.info("sale {} stays as it is while its ticket went {}: {}", after.saleId(), after.status(),
                    e.getMessage());
        }
    }
}
