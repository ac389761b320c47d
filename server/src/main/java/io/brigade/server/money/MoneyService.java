package io.brigade.server.money;

import io.brigade.protocol.Json;
import io.brigade.protocol.money.DrawerMovement;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.money.OutboxReport;
import io.brigade.protocol.money.Shift;
import io.brigade.protocol.money.ShiftCount;
import io.brigade.protocol.money.ShiftOpening;
import io.brigade.protocol.money.ZReportSummary;
import io.brigade.protocol.money.ZRequest;
import io.brigade.protocol.org.Property;
import io.brigade.server.access.Caller;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Shifts and drawers, X and Z reports. A shift belongs to one device and one drawer: a till opens it with a counted
 * float, its cash sales (sales whose metadata names the shift), pay-ins and pay-outs move the cash it should hold,
 * and a blind count closes it. Every write is named by the till (shift id, movement id), so a queued write that
 * arrives twice is applied once and answered the same.
 */
public final class MoneyService {
    static final String PAY_IN = "PAY_IN";
    static final String PAY_OUT = "PAY_OUT";
    static final String NO_SALE = "NO_SALE";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final Database database;
    private final ShiftRepository shifts;
    private final DayRepository days;
    private final ZReportRepository zReports;
    private final OrgRepository orgs;
    private final MenuService menus;
    private final Approvals approvals;
    private final Clock clock;

    public MoneyService(Database database, ShiftRepository shifts, DayRepository days, ZReportRepository zReports,
                        OrgRepository orgs, MenuService menus, Approvals approvals, Clock clock) {
        this.database = database;
        this.shifts = shifts;
        this.days = days;
        this.zReports = zReports;
        this.orgs = orgs;
        this.menus = menus;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** Who acts: the device (a paired till's id and name, or the terminal the body names). */
    record Device(String id, String name) {
        static Device of(Caller caller, String terminal, Validation v) {
            if (caller instanceof Caller.Device d) {
                return new Device(d.deviceId(), d.name());
            }
            if (v.require(terminal, "terminal") && v.text(terminal, 100, "terminal")) {
                return new Device(terminal.strip(), terminal.strip());
            }
            return null;
        }
    }

    // ---- shifts ----

    /** Opens a shift; answers it with true when it is new, false when it was opened before under this id. */
    public Opened open(String orgId, String propertyId, Caller caller, ShiftOpening body) {
        Validation v = new Validation();
        id(body.shiftId(), "shiftId", v);
        Device device = Device.of(caller, body.terminal(), v);
        String drawer = body.drawer() == null || body.drawer().isBlank() ? "1" : body.drawer().strip();
        v.text(drawer, 40, "drawer");
        amount(body.openingFloat(), "openingFloat", true, v);
        staff(body.staffId(), body.staffName(), v);
        v.throwIfMalformed();
        Instant now = clock.instant();
        Instant openedAt = body.openedAt() == null ? now : body.openedAt();
        try {
            return database.inTransaction(c -> {
                Property store = store(c, orgId, propertyId);
                Optional<ShiftRepository.Row> before = shifts.find(c, orgId, body.shiftId());
                if (before.isPresent()) {
                    return new Opened(replayed(before.get(), propertyId, device), false);
                }
                Optional<ShiftRepository.Row> open = shifts.openOn(c, propertyId, device.id());
                if (open.isPresent()) {
                    throw stillOpen(open.get());
                }
                LocalDate date = openedAt.atZone(ZoneId.of(store.timeZone())).toLocalDate();
                ShiftRepository.Row row = new ShiftRepository.Row(body.shiftId(), orgId, propertyId, device.id(),
                        device.name(), drawer, date, openedAt, body.staffId(), body.staffName(),
                        body.openingFloat(), null, null, null, null, null);
                shifts.insert(c, row, now);
                approvals.record(c, new AuditRepository.Entry(orgId, propertyId, openedAt, "SHIFT_OPEN",
                        body.staffId(), body.staffName(), device.id(), device.name(), body.openingFloat(),
                        "float counted", "shift " + body.shiftId() + ", drawer " + drawer, null, null));
                return new Opened(row.view(), true);
            });
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                // Another request opened a shift on this device (or under this id) at the same moment.
                Optional<ShiftRepository.Row> same = database.read(c -> shifts.find(c, orgId, body.shiftId()));
                if (same.isPresent()) {
                    return new Opened(replayed(same.get(), propertyId, device), false);
                }
                throw new ConflictException("this device opened another shift at the same moment; close it first");
            }
            throw e;
        }
    }

    /** A shift and whether this request opened it. */
    public record Opened(Shift shift, boolean created) {
    }

    private static Shift replayed(ShiftRepository.Row row, String propertyId, Device device) {
        if (!row.propertyId().equals(propertyId) || !row.deviceId().equals(device.id())) {
            throw new ConflictException("shiftId", "is the id of another device's shift; a new shift needs a new id");
        }
        return row.view();
    }

    private static ConflictException stillOpen(ShiftRepository.Row open) {
        return new ConflictException("shift " + open.shiftId() + " is still open on " + open.deviceName()
                + " (drawer " + open.drawer() + ", opened " + open.openedAt() + "); close it with its count first: "
                + "a handover closes one shift and opens the next");
    }

    public Shift shift(String orgId, String propertyId, Caller caller, String shiftId) {
        return database.read(c -> mine(c, orgId, propertyId, caller, shifts.find(c, orgId, shiftId), shiftId)).view();
    }

    /** The shift open on the calling device (a paired till) or on {@code terminal}, if any. */
    public Optional<Shift> current(String orgId, String propertyId, Caller caller, String terminal) {
        Validation v = new Validation();
        Device device = Device.of(caller, terminal, v);
        v.throwIfMalformed();
        return database.read(c -> {
            store(c, orgId, propertyId);
            return shifts.openOn(c, propertyId, device.id()).map(ShiftRepository.Row::view);
        });
    }

    /** A pay-in, pay-out or no-sale open at an open shift's drawer. */
    public DrawerMovement move(String orgId, String propertyId, Caller caller, String shiftId, DrawerMovement body) {
        Validation v = new Validation();
        id(body.movementId(), "movementId", v);
        String kind = body.kind();
        if (v.require(kind, "kind") && !List.of(PAY_IN, PAY_OUT, NO_SALE).contains(kind)) {
            v.error("kind", "must be PAY_IN, PAY_OUT or NO_SALE");
        }
        BigDecimal amount = body.amount();
        if (NO_SALE.equals(kind)) {
            if (amount != null && amount.signum() != 0) {
                v.error("amount", "a no-sale open moves no money: leave it out");
            }
            amount = BigDecimal.ZERO;
        } else if (kind != null) {
            amount(amount, "amount", false, v);
            if (v.require(body.reason(), "reason")) {
                v.text(body.reason(), 500, "reason");
            }
        }
        if (NO_SALE.equals(kind)) {
            v.text(body.reason(), 500, "reason");
        }
        staff(body.staffId(), body.staffName(), v);
        v.throwIfMalformed();
        BigDecimal moved = amount;
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            ShiftRepository.Row shift = mine(c, orgId, propertyId, caller, shifts.lock(c, orgId, shiftId), shiftId);
            Optional<ShiftRepository.Movement> before = shifts.findMovement(c, orgId, body.movementId());
            if (before.isPresent()) {
                if (!before.get().shiftId().equals(shiftId) || !before.get().kind().equals(kind)
                        || before.get().amount().compareTo(moved) != 0) {
                    throw new ConflictException("movementId", "was used for another movement; a new one needs a new id");
                }
                return view(before.get());
            }
            if (!shift.open()) {
                throw new ConflictException("shift " + shiftId + " was closed at " + shift.closedAt()
                        + "; open a new shift for this drawer");
            }
            ShiftRepository.Movement m = new ShiftRepository.Movement(body.movementId(), shiftId, kind, moved,
                    body.reason() == null ? null : body.reason().strip(), body.staffId(), body.staffName(),
                    body.at() == null ? now : body.at());
            String by = NO_SALE.equals(kind) ? approvals.require(c, orgId, propertyId, Approvals.NO_SALE, null,
                    body.approvalId(), "no sale " + body.movementId(),
                    approvals.settings(c, propertyId).noSaleNeedsManager(), "opening the drawer for no sale") : null;
            shifts.insertMovement(c, orgId, propertyId, m, now);
            approvals.record(c, new AuditRepository.Entry(orgId, propertyId, m.at(), kind, body.staffId(),
                    body.staffName(), shift.deviceId(), shift.deviceName(), moved, m.reason(), "shift " + shiftId
                    + ", drawer " + shift.drawer(), body.approvalId(), by));
            return view(m);
        });
    }

    private static DrawerMovement view(ShiftRepository.Movement m) {
        return new DrawerMovement(m.movementId(), m.kind(), m.amount(), m.reason(), m.at(), m.staffId(),
                m.staffName(), null);
    }

    /** Closes a shift with the blind count; answers it with what the drawer should have held and the difference. */
    public Shift close(String orgId, String propertyId, Caller caller, String shiftId, ShiftCount body) {
        Validation v = new Validation();
        BigDecimal counted = counted(body, v);
        staff(body.staffId(), body.staffName(), v);
        v.throwIfMalformed();
        Instant now = clock.instant();
        Instant closedAt = body.closedAt() == null ? now : body.closedAt();
        return database.inTransaction(c -> {
            ShiftRepository.Row shift = mine(c, orgId, propertyId, caller, shifts.lock(c, orgId, shiftId), shiftId);
            if (!shift.open()) {
                if (shift.countedCash().compareTo(counted) == 0) {
                    return shift.view(); // the same count sent again (a queued close)
                }
                throw new ConflictException("shift " + shiftId + " was closed at " + shift.closedAt()
                        + " with a count of " + shift.countedCash() + "; a count is final");
            }
            if (closedAt.isBefore(shift.openedAt())) {
                throw InvalidInputException.unprocessable("closedAt", "is before the shift opened ("
                        + shift.openedAt() + ")");
            }
            Property store = store(c, orgId, propertyId);
            ZoneId zone = ZoneId.of(store.timeZone());
            ShiftMoney money = shiftMoney(c, orgId, shift, closedAt, zone);
            MoneyReport.Cash cash = cash(shift, money.sales(), shifts.movements(c, List.of(shiftId)), money.later(),
                    money.given());
            shifts.close(c, shiftId, closedAt, body.staffId(), body.staffName(), counted,
                    body.denominations() == null || body.denominations().isEmpty() ? null
                            : json(new TreeMap<>(body.denominations())), cash.expected());
            approvals.record(c, new AuditRepository.Entry(orgId, propertyId, closedAt, "SHIFT_CLOSE", body.staffId(),
                    body.staffName(), shift.deviceId(), shift.deviceName(), counted, "counted " + counted.toPlainString()
                    + ", expected " + cash.expected().toPlainString() + ", over/short "
                    + counted.subtract(cash.expected()).toPlainString(), "shift " + shiftId + ", drawer "
                    + shift.drawer(), null, null));
            return shifts.find(c, orgId, shiftId).orElseThrow().view();
        });
    }

    private BigDecimal counted(ShiftCount body, Validation v) {
        BigDecimal total = null;
        if (body.denominations() != null && !body.denominations().isEmpty()) {
            total = BigDecimal.ZERO;
            for (Map.Entry<String, Integer> d : body.denominations().entrySet()) {
                String field = "denominations." + d.getKey();
                BigDecimal face;
                try {
                    face = new BigDecimal(d.getKey().strip());
                } catch (NumberFormatException e) {
                    v.error(field, "must name a face value such as 20 or 0.50");
                    continue;
                }
                if (face.signum() <= 0 || face.scale() > 2 || face.compareTo(MAX_AMOUNT) > 0) {
                    v.error(field, "must name a face value such as 20 or 0.50");
                } else if (d.getValue() == null || d.getValue() < 0 || d.getValue() > 100_000) {
                    v.error(field, "must be how many (0 to 100000)");
                } else {
                    total = total.add(face.multiply(BigDecimal.valueOf(d.getValue())));
                }
            }
            if (body.countedCash() != null && v.isEmpty() && body.countedCash().compareTo(total) != 0) {
                v.error("countedCash", "is " + body.countedCash() + " but the denominations add up to " + total
                        + "; send one of them, or both when they agree");
            }
        } else if (body.countedCash() == null) {
            v.error("countedCash", "is required (the cash counted in the drawer), or send denominations");
        } else {
            amount(body.countedCash(), "countedCash", true, v);
            total = body.countedCash();
        }
        return total;
    }

    /** A device reports its outbox: how many sales wait to reach the store server. */
    public void outbox(String orgId, String propertyId, Caller caller, OutboxReport body) {
        Validation v = new Validation();
        Device device = Device.of(caller, body.terminal(), v);
        if (v.require(body.pendingSales(), "pendingSales") && (body.pendingSales() < 0
                || body.pendingSales() > 10_000_000)) {
            v.error("pendingSales", "must be 0 or more");
        }
        v.throwIfMalformed();
        database.inTransaction(c -> {
            store(c, orgId, propertyId);
            shifts.reportOutbox(c, orgId, propertyId, device.id(), device.name(), body.pendingSales(),
                    body.pendingSales() == 0 ? null : body.oldestAt(), clock.instant());
            return null;
        });
    }

    // ---- reports ----

    /**
     * An X report: the store's business day so far (today in the store's zone when {@code date} is null), of one
     * device when {@code deviceId} is given, or of one shift. It changes nothing.
     */
    public MoneyReport x(String orgId, String propertyId, String dateText, String deviceId, String shiftId) {
        LocalDate asked = date(dateText, "businessDate", false);
        return database.read(c -> {
            Property store = store(c, orgId, propertyId);
            ZoneId zone = ZoneId.of(store.timeZone());
            if (shiftId != null) {
                ShiftRepository.Row shift = shifts.find(c, orgId, shiftId).filter(s -> s.propertyId().equals(propertyId))
                        .orElseThrow(() -> new NotFoundException("shift " + shiftId));
                Instant until = shift.open() ? clock.instant() : shift.closedAt();
                ShiftMoney money = shiftMoney(c, orgId, shift, until, zone);
                // The voids on the shift's device while it was open.
                List<MoneyReport.Line> voids = shift.deviceId() == null ? List.of() : approvals.lineVoids(c, orgId,
                        propertyId, shift.openedAt(), until.plusMillis(1), shift.deviceId());
                return report(c, "X", null, store, shift.businessDate(), null, shiftId, money.sales(), money.given(),
                        List.of(shift), List.of(), voids, null, DayFigures.Scope.shift(shiftId));
            }
            LocalDate date = asked != null ? asked : clock.instant().atZone(zone).toLocalDate();
            return dayReport(c, "X", null, store, date, deviceId, null);
        });
    }

    /** Takes the Z report of a store's business day: numbered, stored, and the day closed. */
    public MoneyReport z(String orgId, String propertyId, ZRequest body, String takenBy) {
        Validation v = new Validation();
        v.require(body.businessDate(), "businessDate");
        v.throwIfMalformed();
        return database.inTransaction(c -> {
            Property store = orgs.lockProperty(c, orgId, propertyId)
                    .orElseThrow(() -> new NotFoundException("property " + propertyId));
            Optional<ZReportRepository.Stored> taken = zReports.ofDay(c, orgId, propertyId, body.businessDate());
            if (taken.isPresent()) {
                throw new ConflictException("businessDate", "Z " + taken.get().zNumber() + " closed "
                        + body.businessDate() + " at " + taken.get().takenAt() + "; a day has one Z report");
            }
            ZoneId zone = ZoneId.of(store.timeZone());
            if (!body.businessDate().isBefore(clock.instant().atZone(zone).toLocalDate().plusDays(1))) {
                throw InvalidInputException.unprocessable("businessDate", "is in the future for this store");
            }
            List<String> open = new ArrayList<>();
            for (ShiftRepository.Row s : shifts.ofDay(c, propertyId, body.businessDate())) {
                if (s.open() && !s.businessDate().isAfter(body.businessDate())) {
                    open.add(s.deviceName() + " (shift " + s.shiftId() + ", drawer " + s.drawer() + ")");
                }
            }
            if (!open.isEmpty()) {
                throw new ConflictException("close the open shifts before the Z report: " + String.join(", ", open));
            }
            long number = zReports.nextNumber(c, propertyId);
            MoneyReport z = dayReport(c, "Z", number, store, body.businessDate(), null, takenBy);
            zReports.insert(c, orgId, new ZReportRepository.Stored(number, propertyId, body.businessDate(),
                    z.takenAt(), takenBy, json(z)));
            approvals.record(c, new AuditRepository.Entry(orgId, propertyId, z.takenAt(), "Z_REPORT", null, takenBy,
                    null, null, z.netSales(), "business day " + body.businessDate() + " closed", "Z " + number, null,
                    null));
            return z;
        });
    }

    public List<ZReportSummary> zList(String orgId, String propertyId) {
        return database.read(c -> {
            store(c, orgId, propertyId);
            List<ZReportSummary> out = new ArrayList<>();
            for (ZReportRepository.Stored z : zReports.list(c, orgId, propertyId)) {
                MoneyReport r = parse(z.body());
                out.add(new ZReportSummary(z.zNumber(), propertyId, z.businessDate(), z.takenAt(), z.takenBy(),
                        r.netSales(), r.checks()));
            }
            return out;
        });
    }

    public MoneyReport zReport(String orgId, String propertyId, String numberText) {
        long number;
        try {
            number = Long.parseLong(numberText);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Z report " + numberText);
        }
        return database.read(c -> zReports.find(c, orgId, propertyId, number))
                .map(z -> parse(z.body())).orElseThrow(() -> new NotFoundException("Z report " + numberText));
    }

    private MoneyReport dayReport(Connection c, String type, Long number, Property store, LocalDate date,
                                  String deviceId, String takenBy) throws SQLException {
        Collection<DayRepository.DaySale> all = days.sales(c, store.orgId(), store.propertyId(), date).values();
        DayFigures.Scope scope = DayFigures.Scope.device(deviceId);
        List<DayRepository.DaySale> sales = new ArrayList<>();
        for (DayRepository.DaySale s : all) {
            if (scope.touches(s)) {
                sales.add(s);
            }
        }
        List<ShiftRepository.Row> dayShifts = new ArrayList<>();
        for (ShiftRepository.Row s : shifts.ofDay(c, store.propertyId(), date)) {
            if (s.businessDate().equals(date) && (deviceId == null || deviceId.equals(s.deviceId()))) {
                dayShifts.add(s);
            }
        }
        List<ShiftRepository.Outbox> unsynced = new ArrayList<>();
        for (ShiftRepository.Outbox o : shifts.unsynced(c, store.propertyId())) {
            if (deviceId == null || deviceId.equals(o.deviceId())) {
                unsynced.add(o);
            }
        }
        List<DayRepository.GivenRefund> given = new ArrayList<>();
        for (DayRepository.GivenRefund r : days.refundsOf(c, store.orgId(), store.propertyId(), date)) {
            if (deviceId == null || deviceId.equals(r.deviceId())) {
                given.add(r);
            }
        }
        ZoneId zone = ZoneId.of(store.timeZone());
        List<MoneyReport.Line> voids = approvals.lineVoids(c, store.orgId(), store.propertyId(),
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(), deviceId);
        return report(c, type, number, store, date, deviceId, null, sales, given, dayShifts, unsynced, voids,
                takenBy, scope);
    }

    private MoneyReport report(Connection c, String type, Long number, Property store, LocalDate date,
                               String deviceId, String shiftId, List<DayRepository.DaySale> sales,
                               List<DayRepository.GivenRefund> given, List<ShiftRepository.Row> dayShifts,
                               List<ShiftRepository.Outbox> unsynced, List<MoneyReport.Line> lineVoids,
                               String takenBy, DayFigures.Scope scope) throws SQLException {
        ZoneId zone = ZoneId.of(store.timeZone());
        boolean applicable = store.vat() != null && Boolean.TRUE.equals(store.vat().isVatApplicable());
        boolean inclusive = store.vat() == null || !Boolean.FALSE.equals(store.vat().isVatInclusive());
        DayFigures f = new DayFigures(applicable, inclusive, zone);
        Map<String, Catalog> catalogs = new HashMap<>();
        SqlFunction<DayRepository.DaySale, Catalog> catalogOf = s -> {
            String key = s.menuId + '/' + s.revisionId;
            if (!catalogs.containsKey(key)) {
                catalogs.put(key, menus.catalog(c, store.orgId(), s.menuId, s.revisionId).orElse(null));
            }
            return catalogs.get(key);
        };
        java.util.Set<String> later = new java.util.HashSet<>();
        for (LocalDate d : datesOf(sales, date)) {
            later.addAll(days.laterRefundLines(c, store.orgId(), store.propertyId(), d));
        }
        for (DayRepository.DaySale s : sales) {
            f.add(s, unchecked(catalogOf), later, scope);
        }
        for (DayRepository.GivenRefund r : given) {
            f.addRefund(r);
        }
        List<String> shiftIds = dayShifts.stream().map(ShiftRepository.Row::shiftId).toList();
        List<ShiftRepository.Movement> movements = shifts.movements(c, shiftIds);
        List<MoneyReport.Cash> cash = new ArrayList<>();
        for (ShiftRepository.Row s : dayShifts) {
            cash.add(cash(s, sales, movements, later, given));
        }
        List<MoneyReport.Unsynced> waiting = unsynced.stream().map(o -> new MoneyReport.Unsynced(o.deviceId(),
                o.deviceName(), o.pendingSales(), o.oldestAt(), o.reportedAt())).toList();
        return new MoneyReport(type, number, store.orgId(), store.propertyId(), store.name(), date, store.timeZone(),
                store.currency(), deviceId, shiftId, inclusive, clock.instant(), takenBy, DayFigures.money(f.gross),
                DayFigures.money(f.discounts), DayFigures.money(f.refunds), DayFigures.money(f.net()),
                DayFigures.money(f.service), DayFigures.money(f.tips), DayFigures.money(f.otherCharges),
                f.vatTotal(), f.checks, f.covers, f.averageCheck(), f.refundCount,
                f.voidCount, DayFigures.money(f.voidAmount), f.methods(), f.vatLines(), f.discountTypes(),
                f.categories(), f.hours(), cash, f.devices(), waiting, lineVoids);
    }

    /** The business dates of {@code sales} (the report's own when there are none). */
    private static java.util.Set<LocalDate> datesOf(List<DayRepository.DaySale> sales, LocalDate date) {
        java.util.Set<LocalDate> out = new java.util.TreeSet<>();
        out.add(date);
        for (DayRepository.DaySale s : sales) {
            out.add(s.businessDate);
        }
        return out;
    }

    /**
     * A shift's drawer: the float, its cash sales and the cash refunds pushed with them, the cash refunds given from
     * its drawer later ({@code given}), pay-ins and pay-outs, and the count once closed.
     */
    static MoneyReport.Cash cash(ShiftRepository.Row shift, Collection<DayRepository.DaySale> sales,
                                 List<ShiftRepository.Movement> movements, java.util.Set<String> later,
                                 List<DayRepository.GivenRefund> given) {
        BigDecimal cashSales = BigDecimal.ZERO;
        BigDecimal cashRefunds = BigDecimal.ZERO;
        for (DayRepository.DaySale s : sales) {
            if ("SALE_CANCELLED".equals(s.status)) {
                continue;
            }
            for (int i = 0; i < s.payments.size(); i++) {
                DayRepository.Payment p = s.payments.get(i);
                // Each payment in the drawer of the till that took it (a table's check may be paid at several).
                if ("Cash".equals(p.method()) && shift.shiftId().equals(s.origin().payment(i).shiftId())
                        && !later.contains(s.saleId + '/' + p.lineNo())) {
                    if ("Refund".equals(p.type())) {
                        cashRefunds = cashRefunds.add(p.amount());
                    } else {
                        cashSales = cashSales.add(p.amount());
                    }
                }
            }
        }
        for (DayRepository.GivenRefund r : given) {
            if ("Cash".equals(r.method()) && shift.shiftId().equals(r.shiftId())) {
                cashRefunds = cashRefunds.add(r.amount());
            }
        }
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        int noSales = 0;
        for (ShiftRepository.Movement mv : movements) {
            if (!mv.shiftId().equals(shift.shiftId())) {
                continue;
            }
            switch (mv.kind()) {
                case PAY_IN -> in = in.add(mv.amount());
                case PAY_OUT -> out = out.add(mv.amount());
                default -> noSales++;
            }
        }
        BigDecimal expected = DayFigures.money(shift.openingFloat().add(cashSales).subtract(cashRefunds).add(in)
                .subtract(out));
        BigDecimal counted = shift.countedCash();
        return new MoneyReport.Cash(shift.shiftId(), shift.deviceId(), shift.deviceName(), shift.drawer(),
                shift.openedAt(), shift.closedAt(), DayFigures.money(shift.openingFloat()),
                DayFigures.money(cashSales), DayFigures.money(cashRefunds), DayFigures.money(in),
                DayFigures.money(out), noSales, shift.open() ? expected : DayFigures.money(shift.expectedCash()),
                counted == null ? null : DayFigures.money(counted),
                counted == null ? null : DayFigures.money(counted.subtract(shift.expectedCash())));
    }

    /** A shift's sales, the refunds among their payment lines given later, and the refunds its drawer gave. */
    private record ShiftMoney(List<DayRepository.DaySale> sales, java.util.Set<String> later,
                              List<DayRepository.GivenRefund> given) {
    }

    /** What a shift took and gave over the business days it spans (from its opening day to {@code until}'s). */
    private ShiftMoney shiftMoney(Connection c, String orgId, ShiftRepository.Row shift, Instant until, ZoneId zone)
            throws SQLException {
        List<DayRepository.DaySale> sales = new ArrayList<>();
        java.util.Set<String> later = new java.util.HashSet<>();
        List<DayRepository.GivenRefund> given = new ArrayList<>();
        LocalDate last = until.atZone(zone).toLocalDate();
        for (LocalDate d = shift.businessDate(); !d.isAfter(last) && !d.isAfter(shift.businessDate().plusDays(2));
             d = d.plusDays(1)) {
            for (DayRepository.DaySale s : days.sales(c, orgId, shift.propertyId(), d).values()) {
                if (s.origin().touchesShift(shift.shiftId())) {
                    sales.add(s);
                }
            }
            later.addAll(days.laterRefundLines(c, orgId, shift.propertyId(), d));
            for (DayRepository.GivenRefund r : days.refundsOf(c, orgId, shift.propertyId(), d)) {
                if (shift.shiftId().equals(r.shiftId())) {
                    given.add(r);
                }
            }
        }
        return new ShiftMoney(sales, later, given);
    }

    // ---- table service ----

    /**
     * Which drawer a payment at a table goes into: the shift it names (this store's, and for a paired till its own),
     * else the shift open on the paired till that takes it; none when no shift is open, as for a till's own sale.
     */
    public io.brigade.server.checks.PaymentTills forChecks() {
        return (c, caller, orgId, propertyId, shiftId) -> {
            if (shiftId != null) {
                ShiftRepository.Row shift = shifts.find(c, orgId, shiftId)
                        .filter(s -> s.propertyId().equals(propertyId))
                        .orElseThrow(() -> InvalidInputException.unprocessable("shiftId", "no shift " + shiftId
                                + " in this store: a payment goes into a shift of the till that takes it"));
                if (caller instanceof Caller.Device d && !d.deviceId().equals(shift.deviceId())) {
                    throw InvalidInputException.unprocessable("shiftId", "is the shift of " + shift.deviceName()
                            + ": a payment goes into the drawer of the till that takes it");
                }
                return new io.brigade.server.checks.PaymentTills.Taker(shift.deviceId(), shift.deviceName(),
                        shift.shiftId());
            }
            if (caller instanceof Caller.Device d) {
                return new io.brigade.server.checks.PaymentTills.Taker(d.deviceId(), d.name(),
                        shifts.openOn(c, propertyId, d.deviceId()).map(ShiftRepository.Row::shiftId).orElse(null));
            }
            return null;
        };
    }

    // ---- checks ----

    private Property store(Connection c, String orgId, String propertyId) throws SQLException {
        return orgs.findProperty(c, orgId, propertyId).orElseThrow(() -> new NotFoundException("property "
                + propertyId));
    }

    /** The shift, if it is of this store and, for a paired till, its own. */
    private static ShiftRepository.Row mine(Connection c, String orgId, String propertyId, Caller caller,
                                            Optional<ShiftRepository.Row> row, String shiftId) {
        ShiftRepository.Row shift = row.filter(s -> s.propertyId().equals(propertyId))
                .orElseThrow(() -> new NotFoundException("shift " + shiftId));
        if (caller instanceof Caller.Device d && !d.deviceId().equals(shift.deviceId())) {
            throw new NotFoundException("shift " + shiftId);
        }
        return shift;
    }

    private static void id(String id, String field, Validation v) {
        if (v.require(id, field) && (id.length() > 40 || !id.matches("[A-Za-z0-9-]+"))) {
            v.error(field, "must be the till's own id for it (a UUID; letters, digits and '-', at most 40)");
        }
    }

    private static void amount(BigDecimal amount, String field, boolean zeroAllowed, Validation v) {
        if (amount == null) {
            v.error(field, "is required");
        } else if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            v.error(field, zeroAllowed ? "must not be negative" : "must be more than 0");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            v.error(field, "must be in whole cents (at most two decimals)");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            v.error(field, "must be at most " + MAX_AMOUNT.toPlainString());
        }
    }

    private static void staff(String staffId, String staffName, Validation v) {
        v.text(staffId, 100, "staffId");
        v.text(staffName, 200, "staffName");
    }

    static LocalDate date(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw InvalidInputException.malformed(field, "is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.malformed(field, "must be a date as YYYY-MM-DD");
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MoneyReport parse(String body) {
        try {
            return Json.mapper().readValue(body, MoneyReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    private static <A, B> Function<A, B> unchecked(SqlFunction<A, B> f) {
        return a -> {
            try {
                return f.apply(a);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        };
    }
}
