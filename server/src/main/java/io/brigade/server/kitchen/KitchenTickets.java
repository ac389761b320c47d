package io.brigade.server.kitchen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenFire;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.kitchen.KitchenVoid;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.auth.Secrets;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where kitchen tickets are made and changed, inside the caller's transaction: a paid sale's ticket (a step of the
 * sale path), a check's round ({@link #fire}), a sent line's void ({@link #voidLine}), a sale's status moved by
 * another face, and the kitchen's own actions. Every change locks the ticket, works out its status from its lines
 * and stations, and appends the whole ticket as a {@link KitchenEvent#TICKET_UPDATED} event; the caller wakes the
 * streams once it has committed.
 */
public final class KitchenTickets {
    static final String FIRE = "FIRE";
    static final String VOID = "VOID";
    private final KitchenRepository kitchen;
    private final KitchenStationRepository stations;
    private final MenuService menus;
    private final OrgRepository orgs;
    private final Clock clock;

    public KitchenTickets(KitchenRepository kitchen, KitchenStationRepository stations, MenuService menus,
                          OrgRepository orgs, Clock clock) {
        this.kitchen = kitchen;
        this.stations = stations;
        this.menus = menus;
        this.orgs = orgs;
        this.clock = clock;
    }

    // --- a paid sale: one ticket, made with the sale ------------------------------------------------------------

    /**
     * Writes the tickets of {@code records} (one JDBC batch); their ticket-created events are numbered and
     * appended by {@link #appendTicketEvents}, later in the batch: numbering takes the org's sequence row, which
     * every batch shares, and it then stays locked until the batch commits. A sale that closes a check makes
     * none: its lines reached the kitchen as rounds.
     */
    public NewTickets addTickets(Connection c, List<SaleRecord> records) throws SQLException {
        List<KitchenRepository.NewTicketRow> rows = new ArrayList<>(records.size());
        Map<String, List<KitchenRepository.NewTicketRow>> byOrg = new TreeMap<>();
        Map<String, StationSetup> setups = new HashMap<>();
        Map<String, String> shown = new HashMap<>(); // each new ticket as screens show it, by ticket id
        for (SaleRecord record : records) {
            if (closesCheck(record.sale().metadata())) {
                continue;
            }
            String key = record.orgId() + '\n' + record.propertyId();
            StationSetup setup = setups.get(key);
            if (setup == null) {
                setup = setup(c, record.orgId(), record.propertyId());
                setups.put(key, setup);
            }
            KitchenTicket ticket = saleTicket(c, record, setup);
            KitchenRepository.NewTicketRow row = new KitchenRepository.NewTicketRow(record.orgId(), ticket.ticketId(),
                    ticket.propertyId(), ticket.saleId(), null, ticket.orderedAt(), ticket.createdAt(), json(ticket));
            rows.add(row);
            byOrg.computeIfAbsent(record.orgId(), o -> new ArrayList<>()).add(row);
            shown.put(ticket.ticketId(), json(TicketView.fresh(ticket, setup)));
        }
        if (!rows.isEmpty()) {
            kitchen.insertTickets(c, rows);
        }
        return new NewTickets(byOrg, shown);
    }

    /** Tickets {@link #addTickets} wrote, by org in id order, and each as screens show it, by ticket id. */
    public record NewTickets(Map<String, List<KitchenRepository.NewTicketRow>> byOrg, Map<String, String> shown) {
    }

    /**
     * Numbers the ticket-created events of {@code tickets} and appends them (one JDBC batch): one sequence update
     * per org, orgs in id order, so that two batches (or two nodes) lock the sequence rows in the same order.
     */
    public void appendTicketEvents(Connection c, NewTickets tickets) throws SQLException {
        if (tickets.byOrg().isEmpty()) {
            return;
        }
        List<KitchenRepository.NewEvent> events = new ArrayList<>();
        for (Map.Entry<String, List<KitchenRepository.NewTicketRow>> org : tickets.byOrg().entrySet()) {
            List<KitchenRepository.NewTicketRow> inOrder = org.getValue();
            long seq = kitchen.reserveSeqs(c, org.getKey(), inOrder.size()) - inOrder.size();
            for (KitchenRepository.NewTicketRow t : inOrder) {
                events.add(new KitchenRepository.NewEvent(t.orgId(), ++seq, t.propertyId(), t.ticketId(),
                        KitchenEvent.TICKET_CREATED, tickets.shown().get(t.ticketId()), t.createdAt()));
            }
        }
        kitchen.appendEvents(c, events);
    }

    private KitchenTicket saleTicket(Connection c, SaleRecord record, StationSetup setup) throws SQLException {
        Optional<Catalog> catalog = menus.catalog(c, record.orgId(), record.sale().menuId(), record.menuRevisionId());
        List<KitchenItem> items = new ArrayList<>();
        List<SaleItem> lines = Catalog.nonNull(record.sale().items());
        for (int i = 0; i < lines.size(); i++) {
            SaleItem line = lines.get(i);
            items.add(item(String.valueOf(i + 1), line.menuItemId(), line.quantity(), null, line.notes(),
                    line.modifierItems(), catalog.orElse(null), setup));
        }
        String table = record.sale().dineIn() == null ? null : record.sale().dineIn().tableId();
        Integer guests = record.sale().dineIn() == null ? null : record.sale().dineIn().guests();
        // A sale rung offline carries the time it was rung; one for later is ordered when it arrives.
        Instant ordered = record.dateTime().isBefore(record.createdAt()) ? record.dateTime() : record.createdAt();
        return new KitchenTicket(record.saleId(), KitchenTicket.SALE, record.saleId(), null, record.displayId(),
                record.propertyId(), record.sale().dispatchType(), table, guests, null, null, ordered,
                record.createdAt(), KitchenTicket.NEW, null, null, items, List.of());
    }

    static boolean closesCheck(String metadata) {
        if (metadata == null || !metadata.contains(KitchenFire.CHECK_SALE_METADATA_KEY)) {
            return false;
        }
        try {
            JsonNode tree = Json.mapper().readTree(metadata);
            return tree != null && tree.isObject() && tree.hasNonNull(KitchenFire.CHECK_SALE_METADATA_KEY);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * A stored sale moved from {@code before} to {@code after.status()}; its ticket follows when another face moved
     * it: cancelled voids every line, dispatched or delivered clears it from the pass, prepared bumps every station
     * still to bump, in preparation brings a ready ticket back. A move the kitchen made itself finds the ticket
     * there already and changes nothing; a change of a time only is not the kitchen's business.
     */
    public void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before) throws SQLException {
        if (after.status() == before) {
            return;
        }
        Optional<KitchenRepository.TicketRow> row = kitchen.lockTicketOfSale(c, orgId, after.saleId());
        if (row.isEmpty() || KitchenTicket.SERVED.equals(row.get().status())) {
            return;
        }
        Change change = load(c, orgId, row.get());
        Instant now = clock.instant();
        KitchenTicket t = change.shown();
        switch (after.status()) {
            case SALE_CANCELLED -> {
                for (KitchenItem i : t.items()) {
                    if (!i.fullyVoided()) {
                        change.mark(i.lineId(), m -> new KitchenRepository.LineMark(m.doneAt(), i.quantity(),
                                "sale cancelled"));
                    }
                }
                change.voidedAt = now;
            }
            case SALE_DISPATCHED, SALE_ON_THE_WAY, SALE_DELIVERED -> change.servedAt = now;
            case SALE_PREPARED_BY_KITCHEN -> {
                for (KitchenTicket.Station s : t.stations()) {
                    if (!s.bumped() && s.liveLines() > 0) {
                        change.progress(s.stationId(), p -> new KitchenRepository.Progress(
                                p.startedAt() == null ? now : p.startedAt(), now));
                    }
                }
            }
            case SALE_IN_PREPARATION -> {
                if (KitchenTicket.READY.equals(t.status())) {
                    for (KitchenTicket.Station s : t.stations()) {
                        change.progress(s.stationId(), p -> new KitchenRepository.Progress(p.startedAt(), null));
                    }
                }
            }
            default -> {
            }
        }
        if (change.changed()) {
            save(c, orgId, change, now);
        }
    }

    // --- a check's round -------------------------------------------------------------------------------------------

    /** A fired round: the ticket, and whether this call made it (false: the same operation was applied before). */
    public record Fired(KitchenTicket ticket, boolean created) {
    }

    /**
     * Makes the ticket of a check's round, in the caller's transaction (the caller wakes the streams after its
     * commit). The same {@code operationId} again answers the ticket it made; with other content it is refused
     * (422); a line that was already sent is refused (409) whatever the operation id; a missing property is 404.
     */
    public Fired fire(Connection c, String orgId, KitchenFire fire) throws SQLException {
        checkFire(fire);
        String hash = Secrets.sha256Hex(json(fire));
        Optional<Fired> earlier = replay(c, orgId, fire.operationId(), FIRE, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (orgs.findProperty(c, orgId, fire.propertyId()).isEmpty()) {
            throw new NotFoundException("property " + fire.propertyId());
        }
        long revision;
        try {
            revision = Long.parseLong(fire.menuRevisionId().strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.malformed("menuRevisionId", "must be a revision number");
        }
        Catalog catalog = menus.catalog(c, orgId, fire.menuId(), revision).orElseThrow(() ->
                InvalidInputException.unprocessable("menuRevisionId", "menu " + fire.menuId() + " has no revision "
                        + fire.menuRevisionId()));
        checkAgainstMenu(fire, catalog);
        List<String> lineIds = fire.lines().stream().map(KitchenFire.Line::lineId).toList();

        Instant now = clock.instant();
        String ticketId = "K" + Secrets.crockford(15);
        // The operation first: the same operation sent twice at once waits here for the other to commit and then
        // answers its ticket, where a look at the lines would already find them sent (by itself).
        if (!kitchen.insertOperation(c, orgId, fire.operationId(), new KitchenRepository.Operation(FIRE, hash,
                ticketId), now)) {
            return replay(c, orgId, fire.operationId(), FIRE, hash).orElseThrow();
        }
        refuseSentLines(c, orgId, fire.checkId(), lineIds);
        if (!kitchen.claimCheckLines(c, orgId, fire.checkId(), lineIds, ticketId)) {
            refuseSentLines(c, orgId, fire.checkId(), lineIds);
            throw new ConflictException("a line of this round was sent to the kitchen meanwhile");
        }
        StationSetup setup = setup(c, orgId, fire.propertyId());
        List<KitchenItem> items = new ArrayList<>();
        for (KitchenFire.Line l : fire.lines()) {
            items.add(item(l.lineId(), l.menuItemId(), l.quantity(), l.seat(), l.notes(), l.modifierItems(),
                    catalog, setup));
        }
        Instant ordered = fire.sentAt().isAfter(now) ? now : fire.sentAt(); // a till's clock ahead of ours
        String label = blankToNull(fire.displayId()) != null ? fire.displayId().strip()
                : fire.table() != null ? "T" + fire.table().strip() : fire.checkId().strip();
        KitchenTicket ticket = new KitchenTicket(ticketId, KitchenTicket.CHECK, null, fire.checkId(), label,
                fire.propertyId(), fire.dispatchType() == null ? DispatchType.DineIn : fire.dispatchType(),
                blankToNull(fire.table()), fire.guests(), fire.round() == null ? 1 : fire.round(),
                fire.course() == null ? 1 : fire.course(), ordered, now, KitchenTicket.NEW, null, null, items,
                List.of());
        String json = json(ticket);
        kitchen.insertTickets(c, List.of(new KitchenRepository.NewTicketRow(orgId, ticketId, fire.propertyId(), null,
                fire.checkId(), ordered, now, json)));
        KitchenRepository.TicketRow row = kitchen.findTicket(c, orgId, ticketId, false).orElseThrow();
        KitchenTicket shown = TicketView.show(row, Map.of(), Map.of(), setup);
        kitchen.appendEvent(c, orgId, kitchen.nextSeq(c, orgId), fire.propertyId(), ticketId,
                KitchenEvent.TICKET_CREATED, json(shown), now);
        return new Fired(shown, true);
    }

    private void refuseSentLines(Connection c, String orgId, String checkId, List<String> lineIds)
            throws SQLException {
        Map<String, String> sent = kitchen.sentCheckLines(c, orgId, checkId, lineIds);
        if (!sent.isEmpty()) {
            List<io.brigade.protocol.Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < lineIds.size(); i++) {
                String ticket = sent.get(lineIds.get(i));
                if (ticket != null) {
                    errors.add(new io.brigade.protocol.Problem.FieldError("lines[" + i + "].lineId",
                            "line " + lineIds.get(i) + " was already sent to the kitchen (ticket " + ticket + ")"));
                }
            }
            throw new ConflictException(errors);
        }
    }

    private Optional<Fired> replay(Connection c, String orgId, String operationId, String kind, String hash)
            throws SQLException {
        Optional<KitchenRepository.Operation> op = kitchen.findOperation(c, orgId, operationId);
        if (op.isEmpty()) {
            return Optional.empty();
        }
        if (!op.get().kind().equals(kind) || !op.get().requestHash().equals(hash)) {
            throw InvalidInputException.unprocessable("operationId", "was used before for another request");
        }
        KitchenRepository.TicketRow row = kitchen.findTicket(c, orgId, op.get().ticketId(), false).orElseThrow();
        return Optional.of(new Fired(show(c, orgId, row), false));
    }

    private static void checkFire(KitchenFire f) {
        if (f == null) {
            throw InvalidInputException.malformed("a round to fire is required");
        }
        io.brigade.server.domain.Validation v = new io.brigade.server.domain.Validation();
        if (v.require(f.operationId(), "operationId")) {
            v.text(f.operationId(), 64, "operationId");
        }
        v.require(f.propertyId(), "propertyId");
        if (v.require(f.checkId(), "checkId")) {
            v.text(f.checkId(), 64, "checkId");
        }
        v.text(f.displayId(), 20, "displayId");
        v.text(f.table(), 40, "table");
        range(v, f.guests(), 1, 999, "guests");
        range(v, f.round(), 1, 999, "round");
        range(v, f.course(), 1, 20, "course");
        if (v.require(f.sentAt(), "sentAt") && (f.sentAt().isBefore(Instant.parse("1970-01-01T00:00:00Z"))
                || f.sentAt().isAfter(Instant.parse("9000-01-01T00:00:00Z")))) {
            v.error("sentAt", "must be between 1970 and 9000");
        }
        v.require(f.menuId(), "menuId");
        v.require(f.menuRevisionId(), "menuRevisionId");
        if (f.lines() == null || f.lines().isEmpty()) {
            v.error("lines", "must hold at least one line");
        } else if (f.lines().size() > 200) {
            v.error("lines", "must hold at most 200 lines");
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < f.lines().size(); i++) {
                KitchenFire.Line l = f.lines().get(i);
                String at = "lines[" + i + "]";
                if (l == null) {
                    v.error(at, "is required");
                    continue;
                }
                if (v.require(l.lineId(), at + ".lineId") && v.text(l.lineId(), 64, at + ".lineId")
                        && !seen.add(l.lineId())) {
                    v.error(at + ".lineId", "appears twice in this round");
                }
                v.require(l.menuItemId(), at + ".menuItemId");
                range(v, l.quantity(), 1, 999, at + ".quantity");
                range(v, l.seat(), 1, 999, at + ".seat");
                v.text(l.notes(), 500, at + ".notes");
            }
        }
        v.throwIfMalformed();
    }

    private static void range(io.brigade.server.domain.Validation v, Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            v.error(field, "must be between " + min + " and " + max);
        }
    }

    private static void checkAgainstMenu(KitchenFire f, Catalog catalog) {
        io.brigade.server.domain.Validation v = new io.brigade.server.domain.Validation();
        for (int i = 0; i < f.lines().size(); i++) {
            KitchenFire.Line l = f.lines().get(i);
            if (catalog.item(l.menuItemId()) == null) {
                v.error("lines[" + i + "].menuItemId", "no item " + l.menuItemId() + " on menu " + f.menuId());
            }
            checkModifiers(l.modifierItems(), catalog, "lines[" + i + "].modifierItems", v);
        }
        v.throwIfUnprocessable();
    }

    private static void checkModifiers(List<SaleItem> modifiers, Catalog catalog, String path,
                                       io.brigade.server.domain.Validation v) {
        List<SaleItem> list = Catalog.nonNull(modifiers);
        for (int i = 0; i < list.size(); i++) {
            SaleItem m = list.get(i);
            String at = path + "[" + i + "]";
            if (m == null || m.menuItemId() == null || catalog.modifierItem(m.menuItemId()) == null) {
                v.error(at + ".menuItemId", "no such modifier on this menu");
            } else {
                checkModifiers(m.modifierItems(), catalog, at + ".modifierItems", v);
            }
        }
    }

    // --- a sent line voided ---------------------------------------------------------------------------------------

    /**
     * Voids {@code quantity} of a sent check line (all that is left when null), in the caller's transaction; the
     * screens show it at once. The same {@code operationId} again answers the ticket and voids nothing more.
     */
    public KitchenTicket voidLine(Connection c, String orgId, KitchenVoid request) throws SQLException {
        if (request == null) {
            throw InvalidInputException.malformed("a void is required");
        }
        io.brigade.server.domain.Validation v = new io.brigade.server.domain.Validation();
        if (v.require(request.operationId(), "operationId")) {
            v.text(request.operationId(), 64, "operationId");
        }
        v.require(request.checkId(), "checkId");
        v.require(request.lineId(), "lineId");
        if (v.require(request.reason(), "reason")) {
            v.text(request.reason(), 200, "reason");
        }
        range(v, request.quantity(), 1, 999, "quantity");
        v.throwIfMalformed();
        String hash = Secrets.sha256Hex(json(request));
        Optional<Fired> earlier = replay(c, orgId, request.operationId(), VOID, hash);
        if (earlier.isPresent()) {
            return earlier.get().ticket();
        }
        String ticketId = kitchen.ticketOfCheckLine(c, orgId, request.checkId(), request.lineId())
                .orElseThrow(() -> new NotFoundException("line " + request.lineId() + " of check "
                        + request.checkId() + " on a kitchen ticket"));
        Change change = lock(c, orgId, ticketId);
        // Under the ticket's lock: the same void sent twice at once finds the other's operation here, and answers
        // its ticket instead of finding the line already void.
        Instant now = clock.instant();
        if (!kitchen.insertOperation(c, orgId, request.operationId(), new KitchenRepository.Operation(VOID, hash,
                ticketId), now)) {
            return replay(c, orgId, request.operationId(), VOID, hash).orElseThrow().ticket();
        }
        KitchenItem line = change.shown().items().stream().filter(i -> i.lineId().equals(request.lineId()))
                .findFirst().orElseThrow();
        int left = line.liveQuantity();
        int quantity = request.quantity() == null ? left : request.quantity();
        if (left == 0) {
            throw new ConflictException("line " + request.lineId() + " is already void");
        }
        if (quantity > left) {
            throw new ConflictException("quantity", "only " + left + " of line " + request.lineId()
                    + " are left to void");
        }
        change.mark(line.lineId(), m -> new KitchenRepository.LineMark(m.doneAt(), m.voidedQuantity() + quantity,
                request.reason().strip()));
        change.voidedAt = now;
        return save(c, orgId, change, now);
    }

    // --- changing a ticket ----------------------------------------------------------------------------------------

    /** A ticket being changed: locked, with its marks and progress, and what was changed. */
    final class Change {
        final KitchenRepository.TicketRow row;
        final StationSetup setup;
        private final Map<String, KitchenRepository.LineMark> marks;
        private final Map<String, KitchenRepository.Progress> progress;
        private final Map<String, KitchenRepository.LineMark> changedMarks = new LinkedHashMap<>();
        private final Map<String, KitchenRepository.Progress> changedProgress = new LinkedHashMap<>();
        Instant servedAt;
        Instant voidedAt;

        Change(KitchenRepository.TicketRow row, StationSetup setup, Map<String, KitchenRepository.LineMark> marks,
               Map<String, KitchenRepository.Progress> progress) {
            this.row = row;
            this.setup = setup;
            this.marks = new HashMap<>(marks);
            this.progress = new HashMap<>(progress);
            this.servedAt = row.servedAt();
        }

        KitchenTicket shown() {
            return TicketView.show(withServed(row, servedAt, row.status(), row.readyAt()), marks, progress, setup);
        }

        void mark(String lineId, java.util.function.UnaryOperator<KitchenRepository.LineMark> f) {
            KitchenRepository.LineMark m = f.apply(marks.getOrDefault(lineId, new KitchenRepository.LineMark(null, 0,
                    null)));
            marks.put(lineId, m);
            changedMarks.put(lineId, m);
        }

        void progress(String stationId, java.util.function.UnaryOperator<KitchenRepository.Progress> f) {
            KitchenRepository.Progress p = f.apply(progress.getOrDefault(stationId, new KitchenRepository.Progress(null,
                    null)));
            progress.put(stationId, p);
            changedProgress.put(stationId, p);
        }

        boolean changed() {
            return !changedMarks.isEmpty() || !changedProgress.isEmpty() || !java.util.Objects.equals(servedAt,
                    row.servedAt());
        }
    }

    /** Locks an org's ticket for a change; 404 when the org has no such ticket. */
    Change lock(Connection c, String orgId, String ticketId) throws SQLException {
        KitchenRepository.TicketRow row = kitchen.findTicket(c, orgId, ticketId, true)
                .orElseThrow(() -> new NotFoundException("kitchen ticket " + ticketId));
        return load(c, orgId, row);
    }

    private Change load(Connection c, String orgId, KitchenRepository.TicketRow row) throws SQLException {
        List<String> id = List.of(row.ticketId());
        return new Change(row, setup(c, orgId, row.propertyId()),
                kitchen.marks(c, id).getOrDefault(row.ticketId(), Map.of()),
                kitchen.progress(c, id).getOrDefault(row.ticketId(), Map.of()));
    }

    /**
     * Writes a change: its marks and progress, the status that follows (a void ticket every station has seen is
     * cleared by itself), and the ticket-updated event. Returns the ticket as it now is.
     */
    KitchenTicket save(Connection c, String orgId, Change change, Instant now) throws SQLException {
        String id = change.row.ticketId();
        for (Map.Entry<String, KitchenRepository.Progress> p : change.changedProgress.entrySet()) {
            kitchen.setProgress(c, id, p.getKey(), p.getValue());
        }
        for (Map.Entry<String, KitchenRepository.LineMark> m : change.changedMarks.entrySet()) {
            kitchen.setMark(c, id, m.getKey(), m.getValue(), change.voidedAt);
        }
        KitchenTicket shown = change.shown();
        String status = TicketView.status(shown);
        if (KitchenTicket.VOIDED.equals(status) && shown.stations().stream().allMatch(KitchenTicket.Station::bumped)) {
            change.servedAt = now;
            status = KitchenTicket.SERVED;
        }
        Instant readyAt = switch (status) {
            case KitchenTicket.READY -> KitchenTicket.READY.equals(change.row.status()) && change.row.readyAt() != null
                    ? change.row.readyAt() : now;
            case KitchenTicket.SERVED -> change.row.readyAt();
            default -> null;
        };
        kitchen.updateTicket(c, id, status, readyAt, change.servedAt);
        KitchenTicket after = TicketView.show(withServed(change.row, change.servedAt, status, readyAt), change.marks,
                change.progress, change.setup);
        kitchen.appendEvent(c, orgId, kitchen.nextSeq(c, orgId), change.row.propertyId(), id,
                KitchenEvent.TICKET_UPDATED, json(after), now);
        return after;
    }

    private static KitchenRepository.TicketRow withServed(KitchenRepository.TicketRow r, Instant servedAt,
                                                          String status, Instant readyAt) {
        return new KitchenRepository.TicketRow(r.ticketId(), r.propertyId(), r.saleId(), r.checkId(), status,
                r.orderedAt(), r.createdAt(), readyAt, servedAt, r.ticketJson());
    }

    /** A stored ticket as screens see it now. */
    KitchenTicket show(Connection c, String orgId, KitchenRepository.TicketRow row) throws SQLException {
        return load(c, orgId, row).shown();
    }

    /** The store's stations (the default one when it never set any). */
    StationSetup setup(Connection c, String orgId, String propertyId) throws SQLException {
        return new StationSetup(stations.stations(c, orgId, propertyId));
    }

    // --- lines ------------------------------------------------------------------------------------------------------

    private static KitchenItem item(String lineId, String menuItemId, Integer quantity, Integer seat, String notes,
                                    List<SaleItem> modifierItems, Catalog catalog, StationSetup setup) {
        MenuItem menuItem = catalog == null ? null : catalog.item(menuItemId);
        Category category = catalog == null ? null : catalog.categoryOf(menuItemId);
        List<String> modifiers = new ArrayList<>();
        addModifiers(modifierItems, catalog, "", modifiers);
        String categoryId = category == null ? null : category.id();
        return new KitchenItem(lineId, menuItem == null ? "Item " + menuItemId : menuItem.caption(), categoryId,
                category == null ? null : category.caption(), setup.route(categoryId),
                quantity == null ? 1 : quantity, 0, modifiers, blankToNull(notes), seat, false, null);
    }

    private static void addModifiers(List<SaleItem> modifiers, Catalog catalog, String indent, List<String> out) {
        for (SaleItem m : Catalog.nonNull(modifiers)) {
            MenuItem option = catalog == null ? null : catalog.modifierItem(m.menuItemId());
            String name = option == null ? m.menuItemId() : option.caption();
            int quantity = m.quantity() == null ? 1 : m.quantity();
            out.add(indent + (quantity > 1 ? quantity + " x " : "") + name
                    + (blankToNull(m.notes()) == null ? "" : " (" + m.notes().strip() + ")"));
            addModifiers(m.modifierItems(), catalog, indent + "  ", out);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write kitchen JSON", e);
        }
    }
}
