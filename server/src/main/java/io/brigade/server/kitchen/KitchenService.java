package io.brigade.server.kitchen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kitchen's actions. Status moves (start, bump, recall) go through {@link SaleService}, the one path for
 * sale changes, which checks the state machine and fires the {@code sales.pos.status.updated.v1} webhook;
 * the ticket and its event follow from {@link KitchenTickets} in that same transaction, and the sale path wakes
 * the streams after it commits.
 */
public final class KitchenService {
    /** How long a bumped ticket stays in the ready column of a fresh snapshot. */
    public static final Duration READY_WINDOW = Duration.ofMinutes(30);
    private final Database database;
    private final KitchenRepository kitchen;
    private final OrgRepository orgs;
    private final SaleService sales;
    private final KitchenStreams streams;
    private final Clock clock;

    public KitchenService(Database database, KitchenRepository kitchen, OrgRepository orgs, SaleService sales,
                          KitchenStreams streams, Clock clock) {
        this.database = database;
        this.kitchen = kitchen;
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

    /** The open tickets and the cursor they are consistent with (see {@link KitchenSnapshot}). */
    public KitchenSnapshot snapshot(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            // Holding the org's sequence row keeps new events out until the tickets are read.
            long cursor = kitchen.currentSeq(c, orgId, true);
            List<KitchenRepository.TicketRow> rows = kitchen.openTickets(c, orgId, propertyId,
                    now.minus(READY_WINDOW));
            Map<String, Set<Integer>> done = kitchen.doneLines(c, rows.stream()
                    .map(KitchenRepository.TicketRow::saleId).toList());
            List<KitchenTicket> tickets = rows.stream().map(r -> ticket(r, done.getOrDefault(r.saleId(), Set.of())))
                    .toList();
            return new KitchenSnapshot(cursor, tickets, today(c, orgId, propertyId, now));
        });
    }

    private KitchenSnapshot.Today today(Connection c, String orgId, String propertyId, Instant now)
            throws SQLException {
        ZoneId zone = ZoneId.of(orgs.timeZone(c, orgId, propertyId).orElse("UTC"));
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        List<KitchenRepository.TicketRow> bumped = kitchen.bumpedSince(c, orgId, propertyId, startOfDay);
        long total = bumped.stream().mapToLong(r -> Duration.between(r.createdAt(), r.bumpedAt()).toSeconds()).sum();
        return new KitchenSnapshot.Today(bumped.size(), bumped.isEmpty() ? null : total / bumped.size());
    }

    /** New -> in preparation (the cook started it). */
    public KitchenTicket start(String orgId, String saleId) {
        return move(orgId, saleId, SaleStatus.SALE_IN_PREPARATION);
    }

    /** Ticket prepared: the sale goes to {@code SALE_PREPARED_BY_KITCHEN}. */
    public KitchenTicket bump(String orgId, String saleId) {
        return move(orgId, saleId, SaleStatus.SALE_PREPARED_BY_KITCHEN);
    }

    /**
     * Brings back the property's last bumped ticket that is still ready: its sale returns to
     * {@code SALE_IN_PREPARATION} (the state machine's recall edge). 409 when there is none.
     */
    public KitchenTicket recall(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        KitchenRepository.TicketRow last = database.read(c -> kitchen.lastBumpedReady(c, orgId, propertyId))
                .orElseThrow(() -> new ConflictException("no bumped ticket is waiting at the pass to be recalled"));
        return move(orgId, last.saleId(), SaleStatus.SALE_IN_PREPARATION);
    }

    /** Marks one line of an open ticket done or not done. */
    public KitchenTicket markItem(String orgId, String saleId, int lineNo, boolean done) {
        KitchenTicket marked = database.inTransaction(c -> {
            KitchenRepository.TicketRow row = row(c, orgId, saleId);
            KitchenTicket ticket = ticket(row, Set.of());
            if (lineNo < 1 || lineNo > ticket.items().size()) {
                throw InvalidInputException.malformed("lineNo", "must be between 1 and "
                        + ticket.items().size() + " on ticket " + ticket.displayId());
            }
            if (!isOpen(row.status())) {
                throw new ConflictException("ticket " + ticket.displayId() + " has left the kitchen (" + row.status()
                        + ")");
            }
            // The sequence row is taken first: item marks of one org are serialised with its other events.
            long seq = kitchen.nextSeq(c, orgId);
            Instant now = clock.instant();
            kitchen.setItemDone(c, saleId, lineNo, done, now);
            kitchen.appendEvent(c, orgId, seq, row.propertyId(), saleId, KitchenEvent.ITEM_DONE,
                    KitchenTickets.json(new KitchenEvent.ItemDone(saleId, lineNo, done, now)), now);
            return ticket(row, kitchen.doneLines(c, List.of(saleId)).getOrDefault(saleId, Set.of()));
        });
        streams.wake(orgId); // the event is committed: the displays may read it
        return marked;
    }

    private KitchenTicket move(String orgId, String saleId, SaleStatus target) {
        database.read(c -> row(c, orgId, saleId));
        sales.posStatus(orgId, saleId, new StatusUpdate(target.name(), null, null, null, null));
        return database.read(c -> {
            KitchenRepository.TicketRow row = row(c, orgId, saleId);
            return ticket(row, kitchen.doneLines(c, List.of(saleId)).getOrDefault(saleId, Set.of()));
        });
    }

    private KitchenRepository.TicketRow row(Connection c, String orgId, String saleId) throws SQLException {
        return kitchen.findTicket(c, orgId, saleId).orElseThrow(() -> new NotFoundException("kitchen ticket " + saleId));
    }

    private static boolean isOpen(String status) {
        return status.equals("SALE_CREATED") || status.equals("SALE_IN_PREPARATION")
                || status.equals("SALE_PREPARED_BY_KITCHEN");
    }

    private static KitchenTicket ticket(KitchenRepository.TicketRow row, Set<Integer> done) {
        try {
            return Json.mapper().readValue(row.ticketJson(), KitchenTicket.class).withStatus(row.status(), row.bumpedAt())
                    .withDone(done);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored kitchen ticket " + row.saleId() + " is not readable", e);
        }
    }
}
