package io.brigade.server.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.checks.CheckList;
import io.brigade.protocol.checks.CheckOperation;
import io.brigade.protocol.kitchen.KitchenFire;
import io.brigade.protocol.kitchen.KitchenVoid;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.sales.DineIn;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.server.access.Caller;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.kitchen.KitchenTickets;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.PushedSale;
import io.brigade.server.sales.SaleService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table service on the store server. A check changes only by operations made on devices ({@link CheckOperation}),
 * each applied once under the check's row lock, in the order they arrive: an operation id seen before answers the
 * check as it now is. Sending makes kitchen rounds through {@link KitchenTickets} in the same transaction (the
 * round's kitchen operation id is derived from the check operation's, so it is made once); closing writes the sale
 * (one per part of a split by items or seats) beside the check and pushes it through {@link SaleService} right
 * after the commit, keyed by the check and part, so the sale path, its webhooks and analytics count it once.
 */
public final class CheckService {
    private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
    private final Database database;
    private final CheckRepository checks;
    private final KitchenTickets kitchen;
    private final MenuService menus;
    private final OrgRepository orgs;
    private final SaleService sales;
    private final CheckApprovals approvals;
    private final PaymentTills tills;
    private final Consumer<String> kitchenChanged;
    private final Consumer<String> checksChanged;
    private final Clock clock;

    /**
     * {@code kitchenChanged} and {@code checksChanged} hear of an org whose kitchen events or check events were
     * committed (they wake the streams). {@code tills} says which till's drawer a payment goes into.
     */
    public CheckService(Database database, CheckRepository checks, KitchenTickets kitchen, MenuService menus,
                        OrgRepository orgs, SaleService sales, CheckApprovals approvals, PaymentTills tills,
                        Consumer<String> kitchenChanged, Consumer<String> checksChanged, Clock clock) {
        this.database = database;
        this.checks = checks;
        this.kitchen = kitchen;
        this.menus = menus;
        this.orgs = orgs;
        this.sales = sales;
        this.approvals = approvals;
        this.tills = tills;
        this.kitchenChanged = kitchenChanged;
        this.checksChanged = checksChanged;
        this.clock = clock;
    }

    /** The check after an operation, and whether this call applied it (false: it was applied before). */
    public record Applied(Check check, boolean applied) {
    }

    // --- reads ------------------------------------------------------------------------------------------------------

    public Check get(String orgId, String checkId) {
        return database.read(c -> checks.find(c, orgId, checkId, false))
                .map(row -> read(row.body()).toWire())
                .orElseThrow(() -> new NotFoundException("check " + checkId));
    }

    /** The store's open checks and the floor stream's cursor they are consistent with. */
    public CheckList open(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        return database.inTransaction(c -> {
            long cursor = checks.currentSeq(c, orgId, true);
            List<Check> open = new ArrayList<>();
            for (CheckRepository.Row row : checks.open(c, orgId, propertyId)) {
                open.add(read(row.body()).toWire());
            }
            return new CheckList(propertyId, cursor, open);
        });
    }

    /** The store's checks closed in the last day, the latest first (at most 100): those a manager may reopen. */
    public CheckList closed(String orgId, String propertyId) {
        checkProperty(orgId, propertyId);
        return database.read(c -> {
            List<Check> closed = new ArrayList<>();
            for (CheckRepository.Row row : checks.closedSince(c, orgId, propertyId,
                    clock.instant().minus(java.time.Duration.ofDays(1)), 100)) {
                closed.add(read(row.body()).toWire());
            }
            return new CheckList(propertyId, checks.currentSeq(c, orgId, false), closed);
        });
    }

    /** Refuses a missing property (400) or another org's (404). */
    public void checkProperty(String orgId, String propertyId) {
        if (propertyId == null || propertyId.isBlank()) {
            throw InvalidInputException.malformed("propertyId", "is required: checks are kept per store");
        }
        if (database.read(c -> orgs.findProperty(c, orgId, propertyId)).isEmpty()) {
            throw new NotFoundException("property " + propertyId);
        }
    }

    // --- applying an operation ----------------------------------------------------------------------------------

    /** Applies {@code op} to check {@code checkId} once; see {@link CheckOperation}. */
    public Applied apply(String orgId, String checkId, CheckOperation op, Caller caller) {
        CheckRules.checkShape(checkId, op);
        String type = CheckRules.type(op);
        String hash = Secrets.sha256Hex(json(op));
        Optional<Applied> replayed = database.read(c -> replay(c, orgId, checkId, op.operationId(), type, hash));
        if (replayed.isPresent()) {
            pushPending(orgId, checkId);
            return replayed.get();
        }
        if (op instanceof CheckOperation.Reopen) {
            // A sale the close left unstored is stored first, so that it is cancelled with the others.
            pushPending(orgId, checkId);
        }
        // Lines are checked as the sale they will end in would be (menu revision, modifiers, prices) before the
        // check is locked: that reads only the immutable revision and the check's channel.
        Map<String, Naming> names = op instanceof CheckOperation.Add add ? checkLines(orgId, checkId, add)
                : Map.of();
        Outcome outcome = database.inTransaction(c -> {
            Optional<Applied> again = replay(c, orgId, checkId, op.operationId(), type, hash);
            if (again.isPresent()) {
                return new Outcome(again.get(), false, List.of(), List.of());
            }
            Work work = new Work(c, orgId, caller, clock.instant());
            CheckState s;
            if (op instanceof CheckOperation.Open open) {
                s = opened(c, orgId, checkId, open, caller, work.now);
                if (!checks.insertOperation(c, orgId, op.operationId(), checkId, type, hash, 1, work.now)) {
                    return new Outcome(null, false, List.of(), List.of());
                }
                if (!checks.insert(c, orgId, s, json(s))) {
                    throw new ConflictException("check " + checkId + " is open already");
                }
                work.changed(s);
            } else {
                // Two checks are locked in id order, so two operations on the same pair never wait on each other.
                String other = CheckRules.otherCheck(op);
                if (other != null && other.compareTo(checkId) < 0) {
                    checks.find(c, orgId, other, true);
                }
                s = lock(c, orgId, checkId);
                if (s.mergedInto != null || s.closed && !(op instanceof CheckOperation.Reopen)) {
                    throw new ConflictException("check " + s.label() + " is " + (s.mergedInto != null
                            ? "merged into another check" : "closed") + ": nothing more can change on it");
                }
                if (!checks.insertOperation(c, orgId, op.operationId(), checkId, type, hash, s.version + 1,
                        work.now)) {
                    return new Outcome(null, false, List.of(), List.of());
                }
                work.changed(s);
                applyTo(s, op, work, names);
            }
            s.version++;
            s.updatedAt = work.now;
            for (CheckState changed : work.changed.values()) {
                if (changed != s) {
                    changed.version++;
                    changed.updatedAt = work.now;
                }
                changed.reshare();
                checks.update(c, orgId, changed, json(changed));
                checks.appendEvent(c, orgId, changed.propertyId, changed.checkId, json(changed.toWire()), work.now);
            }
            return new Outcome(new Applied(s.toWire(), true), work.kitchen, work.sales, work.cancelled);
        });
        if (outcome.applied() == null) {
            // The same operation committed meanwhile (a retry racing its original): answer as a replay.
            return database.read(c -> replay(c, orgId, checkId, op.operationId(), type, hash)).orElseThrow();
        }
        if (outcome.kitchen()) {
            kitchenChanged.accept(orgId);
        }
        outcome.cancelled().forEach(saleId -> sales.announceCancelled(orgId, saleId));
        checksChanged.accept(orgId);
        if (!outcome.sales().isEmpty()) {
            pushPending(orgId, checkId);
            return new Applied(get(orgId, checkId), true);
        }
        return outcome.applied();
    }

    private record Outcome(Applied applied, boolean kitchen, List<CheckRepository.PendingSale> sales,
                           List<String> cancelled) {
    }

    /** What one operation does: the checks it changed (locked), kitchen work made, sales to push. */
    private static final class Work {
        final Connection c;
        final String orgId;
        final Caller caller;
        final Instant now;
        final Map<String, CheckState> changed = new LinkedHashMap<>();
        final List<CheckRepository.PendingSale> sales = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        boolean kitchen;
        /** The till that took this operation's payment, once asked (a sale it settles is that till's). */
        PaymentTills.Taker taker;

        Work(Connection c, String orgId, Caller caller, Instant now) {
            this.c = c;
            this.orgId = orgId;
            this.caller = caller;
            this.now = now;
        }

        void changed(CheckState s) {
            changed.put(s.checkId, s);
        }
    }

    private Optional<Applied> replay(Connection c, String orgId, String checkId, String operationId, String type,
                                     String hash) throws SQLException {
        Optional<CheckRepository.Operation> op = checks.findOperation(c, orgId, operationId);
        if (op.isEmpty()) {
            return Optional.empty();
        }
        if (!op.get().checkId().equals(checkId) || !op.get().type().equals(type)
                || !op.get().requestHash().equals(hash)) {
            throw InvalidInputException.unprocessable("operationId", "was used before for another operation; "
                    + "a new operation needs a new id");
        }
        CheckRepository.Row row = checks.find(c, orgId, checkId, false).orElseThrow();
        return Optional.of(new Applied(read(row.body()).toWire(), false));
    }

    private CheckState lock(Connection c, String orgId, String checkId) throws SQLException {
        return checks.find(c, orgId, checkId, true).map(row -> read(row.body()))
                .orElseThrow(() -> new NotFoundException("check " + checkId));
    }

    private CheckState opened(Connection c, String orgId, String checkId, CheckOperation.Open op, Caller caller,
                              Instant now) throws SQLException {
        if (orgs.findProperty(c, orgId, op.propertyId()).isEmpty() || !caller.seesStore(orgId, op.propertyId())) {
            throw InvalidInputException.unprocessable("propertyId", "no store " + op.propertyId()
                    + " this credential may reach");
        }
        Optional<SalesChannel> channel = orgs.findChannel(c, orgId, op.salesChannelId());
        if (channel.isEmpty() || !channel.get().propertyId().equals(op.propertyId())) {
            throw InvalidInputException.unprocessable("salesChannelId", "no sales channel " + op.salesChannelId()
                    + " in store " + op.propertyId());
        }
        long revision = Long.parseLong(op.menuRevisionId().strip());
        if (menus.catalog(c, orgId, op.menuId(), revision).isEmpty()) {
            throw InvalidInputException.unprocessable("menuRevisionId", "menu " + op.menuId()
                    + " has no revision " + op.menuRevisionId());
        }
        CheckState s = new CheckState();
        s.checkId = checkId;
        s.propertyId = op.propertyId();
        s.salesChannelId = op.salesChannelId();
        s.dispatchType = op.dispatchType() == null ? DispatchType.DineIn : op.dispatchType();
        s.table = blankToNull(op.table());
        s.name = blankToNull(op.name());
        s.guests = op.guests();
        s.openedAt = earlier(op.at(), now);
        s.updatedAt = now;
        s.menuId = op.menuId();
        s.menuRevisionId = op.menuRevisionId().strip();
        s.version = 0;
        return s;
    }

    private void applyTo(CheckState s, CheckOperation op, Work w, Map<String, Naming> names) throws SQLException {
        if (op instanceof CheckOperation.Add add) {
            add(s, add, w, names);
        } else if (op instanceof CheckOperation.Send send) {
            send(s, send, w);
        } else if (op instanceof CheckOperation.Fire fire) {
            fire(s, fire, w);
        } else if (op instanceof CheckOperation.VoidLine v) {
            voidLine(s, v, w);
        } else if (op instanceof CheckOperation.Guests g) {
            s.guests = g.guests();
        } else if (op instanceof CheckOperation.Move m) {
            if (m.table() != null) {
                s.table = blankToNull(m.table());
            }
            if (m.name() != null) {
                s.name = blankToNull(m.name());
            }
        } else if (op instanceof CheckOperation.Merge m) {
            merge(s, m, w);
        } else if (op instanceof CheckOperation.Transfer t) {
            transfer(s, t, w);
        } else if (op instanceof CheckOperation.Split split) {
            split(s, split);
        } else if (op instanceof CheckOperation.Bill) {
            s.billed = true;
        } else if (op instanceof CheckOperation.Pay pay) {
            pay(s, pay, w);
        } else if (op instanceof CheckOperation.Close close) {
            close(s, close, w);
        } else if (op instanceof CheckOperation.Reopen reopen) {
            reopen(s, reopen, w);
        } else {
            throw new ConflictException("check " + s.label() + " is open already");
        }
    }

    // --- lines ------------------------------------------------------------------------------------------------------

    /** A new line's name and its modifiers' names on the check's menu revision. */
    private record Naming(String name, List<String> modifiers) {
    }

    private Map<String, Naming> checkLines(String orgId, String checkId, CheckOperation.Add add) {
        CheckState s = database.read(c -> checks.find(c, orgId, checkId, false)).map(row -> read(row.body()))
                .orElseThrow(() -> new NotFoundException("check " + checkId));
        List<SaleItem> items = new ArrayList<>();
        for (CheckOperation.NewLine l : add.lines()) {
            items.add(new SaleItem(l.menuItemId(), l.quantity(), l.unitPrice(), l.notes(), l.modifierItems()));
        }
        Sale asSold = new Sale(s.salesChannelId, "POS", null, true, s.dispatchType, null, null, s.menuId,
                s.menuRevisionId, null, null, null, items, List.of(), List.of(), List.of(), null, null, null, null);
        try {
            sales.check(orgId, asSold);
        } catch (InvalidInputException e) {
            List<Problem.FieldError> errors = e.fieldErrors().stream().map(f -> new Problem.FieldError(
                    f.field() == null ? null : f.field().replaceFirst("^items\\[", "lines["), f.detail())).toList();
            throw errors.isEmpty() ? e : e.kind() == InvalidInputException.Kind.MALFORMED
                    ? InvalidInputException.malformed(errors) : InvalidInputException.unprocessable(errors);
        }
        Catalog catalog = database.read(c -> menus.catalog(c, orgId, s.menuId, Long.parseLong(s.menuRevisionId)))
                .orElseThrow();
        Map<String, Naming> out = new LinkedHashMap<>();
        for (CheckOperation.NewLine l : add.lines()) {
            List<String> modifiers = new ArrayList<>();
            modifierNames(l.modifierItems(), catalog, "", modifiers);
            MenuItem item = catalog.item(l.menuItemId());
            out.put(l.lineId(), new Naming(item == null ? l.menuItemId() : item.caption(), modifiers));
        }
        return out;
    }

    private static void modifierNames(List<SaleItem> modifiers, Catalog catalog, String indent, List<String> out) {
        for (SaleItem m : Catalog.nonNull(modifiers)) {
            MenuItem option = catalog.modifierItem(m.menuItemId());
            int quantity = m.quantity() == null ? 1 : m.quantity();
            out.add(indent + (quantity > 1 ? quantity + " x " : "") + (option == null ? m.menuItemId()
                    : option.caption()));
            modifierNames(m.modifierItems(), catalog, indent + "  ", out);
        }
    }

    private void add(CheckState s, CheckOperation.Add add, Work w, Map<String, Naming> names) throws SQLException {
        if ("evenly".equals(s.splitBy) && s.parts.stream().anyMatch(p -> s.paid(p.partId).signum() > 0)) {
            throw new ConflictException("the bill is split evenly and partly paid: open a new check for more");
        }
        Set<String> taken = new HashSet<>();
        s.lines.forEach(l -> taken.add(l.lineId));
        for (int i = 0; i < add.lines().size(); i++) {
            CheckOperation.NewLine l = add.lines().get(i);
            if (!taken.add(l.lineId())) {
                throw new ConflictException("lines[" + i + "].lineId", "line " + l.lineId()
                        + " is on a check already");
            }
            CheckState.LineState line = new CheckState.LineState();
            line.lineId = l.lineId();
            line.menuItemId = l.menuItemId();
            Naming naming = names.get(l.lineId());
            line.name = naming.name();
            line.modifiers = new ArrayList<>(naming.modifiers());
            line.quantity = l.quantity();
            line.unitPrice = l.unitPrice();
            line.modifierItems = new ArrayList<>(Catalog.nonNull(l.modifierItems()));
            line.notes = blankToNull(l.notes());
            line.seat = l.seat();
            line.course = l.course() == null ? 1 : l.course();
            line.addedAt = earlier(add.at(), w.now);
            s.lines.add(line);
            joinPart(s, line);
        }
        s.billed = false;
    }

    /** A line added to a split check joins its seat's part, or the last part still open, or a new part. */
    private static void joinPart(CheckState s, CheckState.LineState line) {
        if (s.splitBy == null || "evenly".equals(s.splitBy)) {
            return;
        }
        if ("seats".equals(s.splitBy)) {
            String label = line.seat == null ? "-" : String.valueOf(line.seat);
            for (CheckState.PartState p : s.parts) {
                if (!p.closed && label.equals(p.label)) {
                    p.lineIds.add(line.lineId);
                    return;
                }
            }
            CheckState.PartState p = newPart(s, label);
            p.lineIds.add(line.lineId);
            return;
        }
        for (int i = s.parts.size() - 1; i >= 0; i--) {
            if (!s.parts.get(i).closed) {
                s.parts.get(i).lineIds.add(line.lineId);
                return;
            }
        }
        newPart(s, String.valueOf(s.parts.size() + 1)).lineIds.add(line.lineId);
    }

    private static CheckState.PartState newPart(CheckState s, String label) {
        CheckState.PartState p = new CheckState.PartState();
        int n = 1;
        for (CheckState.PartState other : s.parts) {
            n = Math.max(n, Integer.parseInt(other.partId.substring(1)) + 1);
        }
        p.partId = "p" + n;
        p.label = label;
        s.parts.add(p);
        return p;
    }

    // --- the kitchen --------------------------------------------------------------------------------------------

    private void send(CheckState s, CheckOperation.Send send, Work w) throws SQLException {
        List<CheckState.LineState> chosen = new ArrayList<>();
        if (send.lineIds() == null) {
            for (CheckState.LineState l : s.lines) {
                if (Check.NEW.equals(l.status) && l.live() > 0) {
                    chosen.add(l);
                }
            }
        } else {
            for (int i = 0; i < send.lineIds().size(); i++) {
                CheckState.LineState l = s.line(send.lineIds().get(i));
                if (l == null) {
                    throw InvalidInputException.unprocessable("lineIds[" + i + "]", "no line "
                            + send.lineIds().get(i) + " on this check");
                }
                // A line sent (or held) meanwhile by another device is not sent again.
                if (Check.NEW.equals(l.status) && l.live() > 0) {
                    chosen.add(l);
                }
            }
        }
        List<CheckState.LineState> now = new ArrayList<>();
        for (CheckState.LineState l : chosen) {
            if (Boolean.TRUE.equals(send.hold()) || s.heldCourses.contains(l.course)) {
                l.status = Check.HELD;
                s.heldCourses.add(l.course);
            } else {
                now.add(l);
            }
        }
        fireRounds(s, now, send.operationId(), send.at(), w);
    }

    private void fire(CheckState s, CheckOperation.Fire fire, Work w) throws SQLException {
        s.heldCourses.remove(fire.course());
        List<CheckState.LineState> lines = new ArrayList<>();
        for (CheckState.LineState l : s.lines) {
            if (l.course == fire.course() && !l.sent() && l.live() > 0) {
                lines.add(l);
            }
        }
        // Fired twice (two devices at once): the second finds nothing left and changes nothing.
        fireRounds(s, lines, fire.operationId(), fire.at(), w);
    }

    /** One kitchen round per course among {@code lines}, lowest course first. */
    private void fireRounds(CheckState s, List<CheckState.LineState> lines, String operationId, Instant at, Work w)
            throws SQLException {
        Map<Integer, List<CheckState.LineState>> byCourse = new TreeMap<>();
        for (CheckState.LineState l : lines) {
            byCourse.computeIfAbsent(l.course, k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<Integer, List<CheckState.LineState>> course : byCourse.entrySet()) {
            s.rounds++;
            List<KitchenFire.Line> fired = new ArrayList<>();
            for (CheckState.LineState l : course.getValue()) {
                fired.add(new KitchenFire.Line(l.lineId, l.menuItemId, l.live(), l.seat, l.notes, l.modifierItems));
            }
            String label = s.label().length() > 20 ? s.label().substring(0, 20) : s.label();
            KitchenFire round = new KitchenFire(derivedId(operationId, "round " + course.getKey()), s.propertyId,
                    s.checkId, label, s.dispatchType, s.table, s.guests, s.rounds, course.getKey(),
                    earlier(at, w.now), s.menuId, s.menuRevisionId, fired);
            KitchenTickets.Fired ticket = kitchen.fire(w.c, w.orgId, round);
            for (CheckState.LineState l : course.getValue()) {
                l.status = Check.SENT;
                l.ticketId = ticket.ticket().ticketId();
                l.kitchenCheckId = s.checkId;
                l.round = s.rounds;
            }
            w.kitchen = true;
        }
    }

    private void voidLine(CheckState s, CheckOperation.VoidLine v, Work w) throws SQLException {
        CheckState.LineState line = s.line(v.lineId());
        if (line == null) {
            throw InvalidInputException.unprocessable("lineId", "no line " + v.lineId() + " on this check");
        }
        int left = line.live();
        if (left == 0) {
            throw new ConflictException("lineId", "line " + v.lineId() + " is void already");
        }
        int quantity = v.quantity() == null ? left : v.quantity();
        if (quantity > left) {
            throw new ConflictException("quantity", "only " + left + " of " + line.name + " are left to void");
        }
        CheckState.PartState part = s.partOf(line.lineId);
        if (part != null && (part.closed || s.paid(part.partId).signum() > 0)) {
            throw new ConflictException("lineId", line.name + " is in a part that was paid");
        }
        BigDecimal before = line.total();
        String reason = blankToNull(v.reason());
        if (line.sent()) {
            if (reason == null) {
                throw InvalidInputException.unprocessable("reason", "is required: the kitchen has this line "
                        + "(ticket " + line.ticketId + ") and shows why it was voided");
            }
            line.voidedQuantity += quantity;
            approvals.voidOfSentLine(w.c, w.caller, new CheckApprovals.VoidRequest(w.orgId, s.propertyId, s.checkId,
                    line.lineId, quantity, before.subtract(line.total()), reason, v.approvalId()));
            kitchen.voidLine(w.c, w.orgId, new KitchenVoid(derivedId(v.operationId(), "void"), line.kitchenCheckId,
                    line.lineId, quantity, reason));
            w.kitchen = true;
        } else {
            line.voidedQuantity += quantity;
        }
        line.voidReason = reason;
        s.reshare();
        refuseOverpaid(s);
    }

    /** After lines left or were voided, payments must not exceed what the check (or a part) still charges. */
    private static void refuseOverpaid(CheckState s) {
        if (s.paid(null).compareTo(s.total()) > 0) {
            throw new ConflictException("this would leave the check paid beyond its total (" + s.paid(null)
                    + " paid): refund first");
        }
        for (CheckState.PartState p : s.parts) {
            if (!"evenly".equals(s.splitBy) && s.paid(p.partId).compareTo(s.partTotal(p)) > 0) {
                throw new ConflictException("this would leave part " + p.label + " paid beyond its total");
            }
        }
    }

    // --- several checks ---------------------------------------------------------------------------------------

    private CheckState other(Work w, CheckState s, String otherId, String field) throws SQLException {
        if (otherId.equals(s.checkId)) {
            throw InvalidInputException.unprocessable(field, "names this check itself");
        }
        CheckState o = checks.find(w.c, w.orgId, otherId, true).map(row -> read(row.body()))
                .orElseThrow(() -> InvalidInputException.unprocessable(field, "no check " + otherId));
        if (!o.propertyId.equals(s.propertyId)) {
            throw InvalidInputException.unprocessable(field, "check " + otherId + " is of another store");
        }
        if (o.closed || o.mergedInto != null) {
            throw new ConflictException(field, "check " + o.label() + " is closed");
        }
        w.changed(o);
        return o;
    }

    private void merge(CheckState s, CheckOperation.Merge m, Work w) throws SQLException {
        CheckState from = other(w, s, m.fromCheckId(), "fromCheckId");
        if (!s.parts.isEmpty() && !s.payments.isEmpty() || !from.parts.isEmpty() && !from.payments.isEmpty()) {
            throw new ConflictException("a split check with payments cannot be merged");
        }
        Set<String> ids = new HashSet<>();
        s.lines.forEach(l -> ids.add(l.lineId));
        for (CheckState.LineState l : from.lines) {
            if (!ids.add(l.lineId)) {
                throw new ConflictException("line " + l.lineId + " is on both checks");
            }
        }
        s.lines.addAll(from.lines);
        s.payments.addAll(from.payments);
        s.takers.putAll(from.takers);
        s.rounds += from.rounds;
        s.heldCourses.addAll(from.heldCourses);
        if (from.guests != null) {
            s.guests = (s.guests == null ? 0 : s.guests) + from.guests;
        }
        s.parts.clear();
        s.splitBy = null;
        from.lines = new ArrayList<>();
        from.payments = new ArrayList<>();
        from.takers = new LinkedHashMap<>();
        from.parts = new ArrayList<>();
        from.splitBy = null;
        from.mergedInto = s.checkId;
        from.closedAt = w.now;
    }

    private void transfer(CheckState s, CheckOperation.Transfer t, Work w) throws SQLException {
        CheckState to = other(w, s, t.toCheckId(), "toCheckId");
        Set<String> onTarget = new HashSet<>();
        to.lines.forEach(l -> onTarget.add(l.lineId));
        for (int i = 0; i < t.lineIds().size(); i++) {
            String id = t.lineIds().get(i);
            CheckState.LineState l = s.line(id);
            if (l == null) {
                throw InvalidInputException.unprocessable("lineIds[" + i + "]", "no line " + id + " on this check");
            }
            CheckState.PartState part = s.partOf(id);
            if (part != null && (part.closed || s.paid(part.partId).signum() > 0)) {
                throw new ConflictException("lineIds[" + i + "]", l.name + " is in a part that was paid");
            }
            if (!onTarget.add(id)) {
                throw new ConflictException("lineIds[" + i + "]", "line " + id + " is on check " + to.label());
            }
            s.lines.remove(l);
            s.parts.forEach(p -> p.lineIds.remove(id));
            to.lines.add(l);
            joinPart(to, l);
            if (Check.HELD.equals(l.status)) {
                to.heldCourses.add(l.course);
            }
        }
        to.billed = false;
        if ("evenly".equals(to.splitBy) && to.parts.stream().anyMatch(p -> to.paid(p.partId).signum() > 0)) {
            throw new ConflictException("toCheckId", "check " + to.label() + " is split evenly and partly paid");
        }
        s.reshare();
        refuseOverpaid(s);
    }

    // --- paying -------------------------------------------------------------------------------------------------------

    private void split(CheckState s, CheckOperation.Split split) {
        if (!s.payments.isEmpty()) {
            throw new ConflictException("payments were taken on this check: a split comes before the first payment");
        }
        List<CheckState.LineState> live = s.lines.stream().filter(l -> l.live() > 0).toList();
        s.parts = new ArrayList<>();
        s.splitBy = split.by();
        switch (split.by()) {
            case "items" -> {
                Set<String> placed = new HashSet<>();
                for (int i = 0; i < split.parts().size(); i++) {
                    CheckState.PartState p = newPart(s, String.valueOf(i + 1));
                    List<String> ids = split.parts().get(i);
                    for (int j = 0; j < ids.size(); j++) {
                        String field = "parts[" + i + "][" + j + "]";
                        CheckState.LineState l = s.line(ids.get(j));
                        if (l == null || l.live() == 0) {
                            throw InvalidInputException.unprocessable(field, "no line " + ids.get(j)
                                    + " left to pay on this check");
                        }
                        if (!placed.add(l.lineId)) {
                            throw InvalidInputException.unprocessable(field, "line " + l.lineId
                                    + " is in two parts");
                        }
                        p.lineIds.add(l.lineId);
                    }
                }
                for (CheckState.LineState l : live) {
                    if (!placed.contains(l.lineId)) {
                        throw InvalidInputException.unprocessable("parts", l.name + " (line " + l.lineId
                                + ") is in no part: every line is paid in one part");
                    }
                }
            }
            case "seats" -> {
                for (CheckState.LineState l : live) {
                    joinPart(s, l);
                }
            }
            default -> { // evenly
                for (int i = 0; i < split.count(); i++) {
                    CheckState.PartState p = newPart(s, String.valueOf(i + 1));
                    live.forEach(l -> p.lineIds.add(l.lineId));
                }
                s.reshare();
            }
        }
    }

    private void pay(CheckState s, CheckOperation.Pay pay, Work w) throws SQLException {
        CheckState.PartState part = null;
        if (s.parts.isEmpty()) {
            if (pay.partId() != null) {
                throw InvalidInputException.unprocessable("partId", "this check is not split");
            }
        } else {
            if (pay.partId() == null) {
                throw InvalidInputException.unprocessable("partId", "is required: this check is split; each part "
                        + "is paid by itself");
            }
            part = s.part(pay.partId());
            if (part == null) {
                throw InvalidInputException.unprocessable("partId", "no part " + pay.partId() + " on this check");
            }
            if (part.closed) {
                throw new ConflictException("partId", "part " + part.label + " is paid");
            }
        }
        BigDecimal due = due(s, part);
        if (pay.amount().compareTo(due) > 0) {
            throw InvalidInputException.unprocessable("amount", "is more than what is left to pay (" + due.toPlainString()
                    + ")");
        }
        w.taker = tills.takenBy(w.c, w.caller, w.orgId, s.propertyId, blankToNull(pay.shiftId()));
        s.payments.add(new Check.Payment(pay.operationId(), pay.partId(), pay.paymentMethod(), pay.amount(),
                earlier(pay.at(), w.now)));
        if (w.taker != null) {
            s.takers.put(pay.operationId(), w.taker);
        }
        if (due(s, part).signum() == 0) {
            settle(s, part, pay.at(), w);
        }
    }

    private void close(CheckState s, CheckOperation.Close close, Work w) throws SQLException {
        CheckState.PartState part = null;
        if (close.partId() != null) {
            part = s.part(close.partId());
            if (part == null) {
                throw InvalidInputException.unprocessable("partId", "no part " + close.partId() + " on this check");
            }
            if (part.closed) {
                throw new ConflictException("partId", "part " + part.label + " is closed");
            }
        } else if (!s.parts.isEmpty() && s.parts.stream().anyMatch(p -> !p.closed)) {
            throw InvalidInputException.unprocessable("partId", "is required: this check is split");
        }
        BigDecimal due = due(s, part);
        if (due.signum() != 0) {
            throw new ConflictException((part == null ? "the check" : "part " + part.label) + " has "
                    + due.toPlainString() + " left to pay");
        }
        settle(s, part, close.at(), w);
    }

    private static BigDecimal due(CheckState s, CheckState.PartState part) {
        return part == null ? s.total().subtract(s.paid(null)) : s.partTotal(part).subtract(s.paid(part.partId));
    }

    /** A part (or the whole check) is paid: it becomes a sale; the check closes when nothing is left open. */
    private void settle(CheckState s, CheckState.PartState part, Instant at, Work w) throws SQLException {
        Instant when = earlier(at, w.now);
        if (part != null) {
            part.closed = true;
            if (!"evenly".equals(s.splitBy)) {
                List<CheckState.LineState> lines = new ArrayList<>();
                for (String id : part.lineIds) {
                    CheckState.LineState l = s.line(id);
                    if (l != null && l.live() > 0) {
                        lines.add(l);
                    }
                }
                sale(s, part, lines, s.payments.stream().filter(p -> part.partId.equals(p.partId())).toList(),
                        when, w);
            }
            if (s.parts.stream().anyMatch(p -> !p.closed)) {
                return;
            }
            if ("evenly".equals(s.splitBy)) {
                sale(s, null, s.lines.stream().filter(l -> l.live() > 0).toList(), s.payments, when, w);
            }
        } else {
            sale(s, null, s.lines.stream().filter(l -> l.live() > 0).toList(), s.payments, when, w);
        }
        s.closed = true;
        s.closedAt = w.now;
    }

    /**
     * Reopens a closed check: the store's approval asked and audited, its sales cancelled through the sale path in
     * this transaction, its lines and payments open again on one unsplit check that closes into a new sale.
     */
    private void reopen(CheckState s, CheckOperation.Reopen r, Work w) throws SQLException {
        if (!s.closed) {
            throw new ConflictException("check " + s.label() + " is open: there is nothing to reopen");
        }
        if (!checks.pendingSales(w.c, w.orgId, s.checkId).isEmpty()) {
            throw new ConflictException("the sale of check " + s.label() + " is still being stored: try again in a "
                    + "moment");
        }
        String reason = r.reason().strip();
        approvals.reopen(w.c, w.caller, new CheckApprovals.ReopenRequest(w.orgId, s.propertyId, s.checkId, s.label(),
                s.total(), List.copyOf(s.saleIds), reason, blankToNull(r.approvalId())));
        for (String saleId : s.saleIds) {
            sales.cancelWithin(w.c, w.orgId, saleId, "check " + s.label() + " reopened: " + reason, sale -> {
                if (sale.totalRefunds() != null && sale.totalRefunds().signum() > 0) {
                    throw new ConflictException("sale " + sale.displayId() + " of check " + s.label() + " was "
                            + "refunded (" + sale.totalRefunds().toPlainString() + "): refund the rest instead of "
                            + "reopening it");
                }
            });
            w.cancelled.add(saleId);
        }
        s.reopenedSaleIds.addAll(s.saleIds);
        s.saleIds.clear();
        s.parts.clear();
        s.splitBy = null;
        s.closed = false;
        s.closedAt = null;
        s.billed = false;
        s.reopens++;
    }

    /** Writes the sale of {@code lines} paid by {@code payments}, to push after the commit; none for no lines. */
    private void sale(CheckState s, CheckState.PartState part, List<CheckState.LineState> lines,
                      List<Check.Payment> payments, Instant when, Work w) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        List<SaleItem> items = new ArrayList<>();
        for (CheckState.LineState l : lines) {
            items.add(new SaleItem(l.menuItemId, l.live(), l.unitPrice, l.notes, l.modifierItems));
        }
        List<SalePayment> paid = payments.stream().map(p -> new SalePayment(PaymentType.Sale, p.paymentMethod(),
                p.amount(), p.paidAt(), null)).toList();
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put(KitchenFire.CHECK_SALE_METADATA_KEY, s.checkId);
        if (part != null) {
            metadata.put("checkPart", part.partId);
        }
        till(metadata, s, payments, w);
        String label = s.label() + (part == null ? "" : "/" + part.label);
        Sale sale = new Sale(s.salesChannelId, "POS", when, true, s.dispatchType, null,
                label.length() > 40 ? label.substring(0, 40) : label, s.menuId, s.menuRevisionId, null,
                s.dispatchType == DispatchType.DineIn ? new DineIn(s.table, s.guests) : null, null, items, List.of(),
                List.of(), paid, metadata.toString(), null, null, null);
        // A check closed again after a reopen closes into a new sale under a new key.
        String key = "check " + s.checkId + " " + (part == null ? "all" : part.partId)
                + (s.reopens == 0 ? "" : " reopened " + s.reopens);
        CheckRepository.PendingSale pending = new CheckRepository.PendingSale(w.orgId, key, s.checkId,
                part == null ? null : part.partId, json(sale), null);
        checks.insertSale(w.c, pending, w.now);
        w.sales.add(pending);
    }

    /**
     * Names the tills in a check's sale as a till's own sale names its own: the till that settled it
     * ({@code posTerminal}, {@code deviceId}, {@code shiftId}), and, when tills took its payments, each payment's
     * till in {@code paymentTills} (in the order of the sale's payments), so that each payment counts in the drawer
     * that took it and once only.
     */
    private void till(ObjectNode metadata, CheckState s, List<Check.Payment> payments, Work w) throws SQLException {
        PaymentTills.Taker settler = w.taker != null ? w.taker
                : tills.takenBy(w.c, w.caller, w.orgId, s.propertyId, null);
        if (settler != null) {
            metadata.put("posTerminal", settler.deviceName()).put("deviceId", settler.deviceId());
            if (settler.shiftId() != null) {
                metadata.put("shiftId", settler.shiftId());
            }
        }
        if (payments.stream().noneMatch(p -> s.takers.containsKey(p.paymentId()))) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode each = metadata.putArray("paymentTills");
        for (Check.Payment p : payments) {
            PaymentTills.Taker t = s.takers.get(p.paymentId());
            if (t == null) {
                each.addNull();
            } else {
                ObjectNode one = each.addObject().put("posTerminal", t.deviceName()).put("deviceId", t.deviceId());
                if (t.shiftId() != null) {
                    one.put("shiftId", t.shiftId());
                }
            }
        }
    }

    /**
     * Pushes the sales of closed checks not stored yet (one check's, or every org's when {@code checkId} is null)
     * through the sale path, under their keys: a push made twice stores one sale.
     */
    public void pushPending(String orgId, String checkId) {
        List<CheckRepository.PendingSale> pending = database.read(c -> checks.pendingSales(c, orgId, checkId));
        for (CheckRepository.PendingSale p : pending) {
            byte[] body = p.body().getBytes(StandardCharsets.UTF_8);
            PushedSale pushed;
            try {
                pushed = sales.create(p.orgId(), p.idempotencyKey(), Json.mapper().readValue(body, Sale.class), body);
            } catch (DomainException | java.io.IOException e) {
                // Left pending; the next operation on the check or the periodic sweep tries again.
                LOG.warn("the sale of check {} ({}) is not stored yet: {}", p.checkId(), p.idempotencyKey(),
                        e.getMessage());
                continue;
            }
            database.inTransaction(c -> {
                checks.saleStored(c, p.orgId(), p.idempotencyKey(), pushed.saleId());
                CheckState s = lock(c, p.orgId(), p.checkId());
                if (!s.saleIds.contains(pushed.saleId())) {
                    s.saleIds.add(pushed.saleId());
                }
                if (p.partId() != null && s.part(p.partId()) != null) {
                    s.part(p.partId()).saleId = pushed.saleId();
                }
                checks.update(c, p.orgId(), s, json(s));
                checks.appendEvent(c, p.orgId(), s.propertyId, s.checkId, json(s.toWire()), clock.instant());
                return null;
            });
            checksChanged.accept(p.orgId());
        }
    }

    /** Every org's pending check sales (the periodic sweep after a crash between a close and its push). */
    public void pushAllPending() {
        pushPending(null, null);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A kitchen operation id made from a check operation's: the same check operation makes the same round. */
    private static String derivedId(String operationId, String what) {
        return "chk-" + Secrets.sha256Hex(operationId + "\n" + what).substring(0, 40);
    }

    /** A device's time, but never later than the server's (a till whose clock runs ahead). */
    private static Instant earlier(Instant deviceTime, Instant now) {
        return deviceTime == null || deviceTime.isAfter(now) ? now : deviceTime;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static CheckState read(String body) {
        try {
            return Json.mapper().readValue(body, CheckState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored check cannot be read", e);
        }
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write check JSON", e);
        }
    }
}
