package io.brigade.server.money;

import io.brigade.protocol.money.Approval;
import io.brigade.protocol.money.ApprovalRequest;
import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.Ids;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.RefundGate;
import io.brigade.server.staff.PinIndex;
import io.brigade.server.staff.SignInLockoutRepository;
import io.brigade.server.staff.StaffRepository;
import io.brigade.server.staff.StaffService;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What needs a manager at a store, and the managers' approvals: given with a manager's PIN on the till that asks
 * (or by a manager signed in at the office), for one action, with a reason, used once within ten minutes by the
 * action it approves. Also the store's vouchers and the audit log of money-affecting actions.
 */
public final class Approvals {
    static final String DISCOUNT = "DISCOUNT";
    static final String REFUND = "REFUND";
    static final String VOID = "VOID";
    static final String NO_SALE = "NO_SALE";
    static final String REOPEN_CHECK = "REOPEN_CHECK";
    static final Set<String> ACTIONS = Set.of(DISCOUNT, REFUND, VOID, NO_SALE, REOPEN_CHECK);
    /** Until a manager sets them: discounts above 20 % or 10.00 need a manager, and so do the rest. */
    public static final MoneySettings DEFAULTS = new MoneySettings(new BigDecimal("20"), new BigDecimal("10.00"),
            true, true, true, true);
    static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final Database database;
    private final ApprovalRepository approvals;
    private final AuditRepository audit;
    private final OrgRepository orgs;
    private final StaffRepository staff;
    private final PinIndex pins;
    private final SignInLockoutRepository lockouts = new SignInLockoutRepository();
    private final Clock clock;

    public Approvals(Database database, ApprovalRepository approvals, AuditRepository audit, OrgRepository orgs,
                     StaffRepository staff, Clock clock) {
        this.database = database;
        this.approvals = approvals;
        this.audit = audit;
        this.orgs = orgs;
        this.staff = staff;
        this.pins = new PinIndex(database, staff);
        this.clock = clock;
    }

    /** Refuses (404) a store that is not the org's. */
    public void requireStore(String orgId, String propertyId) {
        database.read(c -> store(c, orgId, propertyId));
    }

    void requireStore(Connection c, String orgId, String propertyId) throws SQLException {
        store(c, orgId, propertyId);
    }

    // ---- settings ----

    public MoneySettings settings(String orgId, String propertyId) {
        return database.read(c -> {
            store(c, orgId, propertyId);
            return settings(c, propertyId);
        });
    }

    MoneySettings settings(Connection c, String propertyId) throws SQLException {
        return approvals.settings(c, propertyId).orElse(DEFAULTS);
    }

    public MoneySettings saveSettings(String orgId, String propertyId, MoneySettings body) {
        Validation v = new Validation();
        BigDecimal pct = body.discountPercentLimit();
        if (pct != null && (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0 || pct.scale() > 4)) {
            v.error("discountPercentLimit", "must be a percentage from 0 to 100 (null: no limit by percentage)");
        }
        BigDecimal amount = body.discountAmountLimit();
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(new BigDecimal("1000000")) > 0)) {
            v.error("discountAmountLimit", "must be an amount of 0 or more, in whole cents (null: no limit by amount)");
        }
        for (Object[] flag : new Object[][] {{body.refundsNeedManager(), "refundsNeedManager"},
                {body.voidsNeedManager(), "voidsNeedManager"}, {body.noSaleNeedsManager(), "noSaleNeedsManager"},
                {body.reopenNeedsManager(), "reopenNeedsManager"}}) {
            v.require(flag[0], (String) flag[1]);
        }
        v.throwIfMalformed();
        return database.inTransaction(c -> {
            store(c, orgId, propertyId);
            approvals.saveSettings(c, orgId, propertyId, body, clock.instant());
            return settings(c, propertyId);
        });
    }

    // ---- approvals ----

    /** A manager approves one action; a wrong PIN counts towards the device's lockout, as a sign-in does. */
    public Approval approve(String orgId, String propertyId, Caller caller, ApprovalRequest body) {
        Validation v = new Validation();
        if (v.require(body.action(), "action") && !ACTIONS.contains(body.action())) {
            v.error("action", "must be one of " + new java.util.TreeSet<>(ACTIONS));
        }
        if (v.require(body.reason(), "reason")) {
            v.text(body.reason(), 500, "reason");
        }
        if (body.amount() != null && (body.amount().signum() < 0 || body.amount().stripTrailingZeros().scale() > 2
                || body.amount().compareTo(new BigDecimal("1000000")) > 0)) {
            v.error("amount", "must be an amount of 0 or more, in whole cents");
        }
        v.text(body.subject(), 100, "subject");
        v.text(body.requestedBy(), 200, "requestedBy");
        MoneyService.Device device = caller instanceof Caller.Staff ? new MoneyService.Device("office", "office")
                : MoneyService.Device.of(caller, body.terminal(), v);
        boolean office = caller instanceof Caller.Staff s && s.role() == StaffRole.MANAGER;
        if (!office && v.require(body.managerPin(), "managerPin") && !body.managerPin().matches("[0-9]{4,8}")) {
            v.error("managerPin", "must be the manager's PIN (4 to 8 digits)");
        }
        v.throwIfMalformed();
        Instant now = clock.instant();
        String pinIndex = office ? null : pins.of(orgId, body.managerPin());
        String lockSubject = "approval:" + orgId + ":" + (device == null ? caller.subject() : device.id());
        Outcome outcome = database.inTransaction(c -> {
            store(c, orgId, propertyId);
            String managerId;
            String managerName;
            if (office) {
                managerId = ((Caller.Staff) caller).staffId();
                managerName = staff.list(c, orgId).stream().filter(m -> m.staffId().equals(managerId))
                        .map(io.brigade.protocol.staff.StaffMember::name).findFirst().orElse(managerId);
            } else {
                Optional<Instant> locked = lockouts.lockedUntil(c, lockSubject, now);
                if (locked.isPresent()) {
                    return new Outcome(null, locked.get(), false);
                }
                Optional<StaffRepository.Holder> who = staff.findByPinIndex(c, pinIndex)
                        .filter(h -> h.orgId().equals(orgId) && h.role() == StaffRole.MANAGER && !h.pinChangeRequired()
                                && (h.demoOrg() || !StaffService.DEMO_PINS.contains(body.managerPin())));
                if (who.isEmpty()) {
                    Optional<Instant> nowLocked = lockouts.failed(c, lockSubject,
                            SignInLockoutRepository.Policy.DEFAULT, now);
                    return new Outcome(null, nowLocked.orElse(null), true);
                }
                lockouts.succeeded(c, lockSubject);
                managerId = who.get().staffId();
                managerName = who.get().name();
            }
            return new Outcome(grant(c, orgId, propertyId, body.action(), body.amount(), body.subject(),
                    body.reason().strip(), managerId, managerName, body.requestedBy(), device, now), null, false);
        });
        if (outcome.approval() != null) {
            return outcome.approval();
        }
        if (outcome.lockedUntil() != null) {
            throw new TooManyRequestsException("too many wrong PINs on this device: approvals are locked until "
                    + outcome.lockedUntil(), Duration.ofSeconds(Math.max(1, Duration.between(now,
                    outcome.lockedUntil()).toSeconds())), java.util.Map.of());
        }
        throw new ForbiddenException("that is not the PIN of a manager of this store; nothing was approved");
    }

    private record Outcome(Approval approval, Instant lockedUntil, boolean wrong) {
    }

    /** Writes a manager's approval of one action (and its audit row), good for ten minutes from {@code now}. */
    Approval grant(Connection c, String orgId, String propertyId, String action, BigDecimal amount, String subject,
                   String reason, String managerId, String managerName, String requestedBy,
                   MoneyService.Device device, Instant now) throws SQLException {
        ApprovalRepository.Row row = new ApprovalRepository.Row(Ids.uuid(), orgId, propertyId, action, amount, subject,
                reason, managerId, managerName, requestedBy, device == null ? null : device.id(),
                device == null ? null : device.name(), now, now.plus(VALID_FOR), null);
        approvals.insert(c, row);
        audit.insert(c, new AuditRepository.Entry(orgId, propertyId, now, "APPROVAL", managerId, managerName,
                row.deviceId(), row.deviceName(), amount, reason, action + (subject == null ? "" : " " + subject),
                row.approvalId(), managerName));
        return new Approval(row.approvalId(), action, amount, subject, reason, managerName, now, row.expiresAt());
    }

    /** The name of staff member {@code staffId} of the org (their id when not found). */
    String staffName(Connection c, String orgId, String staffId) throws SQLException {
        return staff.list(c, orgId).stream().filter(m -> m.staffId().equals(staffId)).map(StaffMember::name)
                .findFirst().orElse(staffId);
    }

    /**
     * In the transaction of an action the store wants approved ({@code needed}): uses the approval sent with it,
     * which must be for this store, this action and at least this amount, unused and in time. Answers the
     * approving manager's name, or null when no approval was needed.
     */
    String require(Connection c, String orgId, String propertyId, String action, BigDecimal amount, String approvalId,
                   String usedFor, boolean needed, String what) throws SQLException {
        return require(c, orgId, propertyId, action, amount, approvalId, usedFor, needed, what, clock.instant());
    }

    /** As above, for an action done at {@code at} (an offline till's sale: in time when it was rung). */
    String require(Connection c, String orgId, String propertyId, String action, BigDecimal amount, String approvalId,
                   String usedFor, boolean needed, String what, Instant at) throws SQLException {
        if (!needed) {
            return null;
        }
        if (approvalId == null || approvalId.isBlank()) {
            throw new ForbiddenException(what + " needs a manager's approval at this store: ask a manager to "
                    + "approve it with their PIN (POST .../approvals), then send its approvalId");
        }
        Instant now = at;
        ApprovalRepository.Row a = approvals.lock(c, orgId, approvalId).filter(r -> r.propertyId().equals(propertyId))
                .orElseThrow(() -> InvalidInputException.unprocessable("approvalId", "is not an approval of this store"));
        if (!a.action().equals(action)) {
            throw InvalidInputException.unprocessable("approvalId", "approves " + a.action() + ", not " + action);
        }
        if (a.usedAt() != null) {
            throw InvalidInputException.unprocessable("approvalId", "was used at " + a.usedAt()
                    + "; an approval is for one action");
        }
        if (now.isAfter(a.expiresAt())) {
            throw InvalidInputException.unprocessable("approvalId", "expired at " + a.expiresAt()
                    + "; ask the manager again");
        }
        if (a.amount() != null && amount != null && amount.compareTo(a.amount()) > 0) {
            throw InvalidInputException.unprocessable("approvalId", "approves up to " + a.amount().toPlainString()
                    + ", not " + amount.toPlainString());
        }
        approvals.use(c, approvalId, usedFor, clock.instant());
        return a.managerName();
    }

    /**
     * The store's rules for its tills' sales (a sale is a till's when its metadata names a shift or a paired
     * device): a voucher must be on the list, valid on the sale's day, with uses left and worth at least the
     * discount (its use is counted); other discounts above the store's limit (a percentage of the items or an
     * amount) must carry a manager's DISCOUNT approval in the metadata ({@code approvalId}), used up here.
     */
    public io.brigade.server.sales.TillSaleRules tillSaleRules() {
        return (c, r) -> {
            io.brigade.protocol.sales.Sale sale = r.sale();
            if (sale.discounts() == null || sale.discounts().isEmpty()) {
                return;
            }
            String shift = field(sale.metadata(), "shiftId");
            String device = field(sale.metadata(), "deviceId");
            if (shift == null && device == null) {
                return;
            }
            BigDecimal others = BigDecimal.ZERO;
            for (io.brigade.protocol.sales.SaleDiscount d : sale.discounts()) {
                if (d.type() == io.brigade.protocol.sales.DiscountType.Voucher) {
                    Voucher v = usable(c, r.orgId(), d.code(), r.businessDate());
                    if (d.amount().compareTo(v.amount()) > 0) {
                        throw InvalidInputException.unprocessable("discounts", "voucher " + v.code() + " is worth "
                                + v.amount().toPlainString() + ", not " + d.amount().toPlainString());
                    }
                    if (!useVoucher(c, r.orgId(), v.code(), r.businessDate())) {
                        throw InvalidInputException.unprocessable("discounts", "voucher " + v.code()
                                + " has no uses left");
                    }
                } else {
                    others = others.add(d.amount());
                }
            }
            if (others.signum() == 0) {
                return;
            }
            MoneySettings rules = settings(c, r.propertyId());
            BigDecimal items = r.totals().items();
            boolean overAmount = rules.discountAmountLimit() != null && others.compareTo(rules.discountAmountLimit()) > 0;
            boolean overPercent = rules.discountPercentLimit() != null && others.multiply(BigDecimal.valueOf(100))
                    .compareTo(rules.discountPercentLimit().multiply(items)) > 0;
            require(c, r.orgId(), r.propertyId(), DISCOUNT, others, field(sale.metadata(), "approvalId"),
                    "sale " + r.saleId(), overAmount || overPercent, "a discount of " + others.toPlainString()
                            + " on " + items.toPlainString() + " (this store's limit: " + limits(rules) + ")",
                    r.dateTime());
        };
    }

    private static String limits(MoneySettings rules) {
        List<String> parts = new ArrayList<>();
        if (rules.discountPercentLimit() != null) {
            parts.add(rules.discountPercentLimit().stripTrailingZeros().toPlainString() + " %");
        }
        if (rules.discountAmountLimit() != null) {
            parts.add(rules.discountAmountLimit().toPlainString());
        }
        return String.join(" or ", parts);
    }

    /** The store's rule for refunds, and the refund's line in the audit log. */
    public RefundGate refundGate() {
        return (c, r) -> {
            String by = require(c, r.orgId(), r.propertyId(), REFUND, r.amount(), r.approvalId(),
                    "refund " + r.refundId(), settings(c, r.propertyId()).refundsNeedManager(), "a refund");
            audit.insert(c, new AuditRepository.Entry(r.orgId(), r.propertyId(), r.at(), REFUND, r.staffId(),
                    r.staffName(), r.deviceId(), r.deviceName(), r.amount(), r.reason(), "sale " + r.displayId()
                    + " (" + r.saleId() + "), " + r.paymentMethod(), r.approvalId(), by));
        };
    }

    /**
     * A void of a line the kitchen already has (table service asks here, in the void's transaction): approved when
     * the store wants it, and written to the audit log.
     */
    public void voidOfSentLine(Connection c, Caller caller, String orgId, String propertyId, String subject,
                               BigDecimal amount, String reason, String approvalId, String staffName)
            throws SQLException {
        String by = require(c, orgId, propertyId, VOID, amount, approvalId, "void " + subject,
                settings(c, propertyId).voidsNeedManager(), "a void of a line the kitchen has");
        String device = caller instanceof Caller.Device d ? d.name() : null;
        audit.insert(c, new AuditRepository.Entry(orgId, propertyId, clock.instant(), VOID, null, staffName,
                caller instanceof Caller.Device d ? d.deviceId() : null, device, amount, reason, subject, approvalId,
                by));
    }

    /** Table service's questions: voids of sent lines and reopened checks. */
    public io.brigade.server.checks.CheckApprovals forChecks() {
        return new io.brigade.server.checks.CheckApprovals() {
            @Override
            public void voidOfSentLine(Connection c, Caller caller, VoidRequest v) throws SQLException {
                Approvals.this.voidOfSentLine(c, caller, v.orgId(), v.propertyId(), "line " + v.lineId()
                        + " of check " + v.checkId(), v.amount(), v.reason(), v.approvalId(), null);
            }

            @Override
            public void reopen(Connection c, Caller caller, ReopenRequest r) throws SQLException {
                reopenCheck(c, caller, r.orgId(), r.propertyId(), r.checkId(), r.label(), r.amount(), r.saleIds(),
                        r.reason(), r.approvalId());
            }
        };
    }

    /**
     * Reopening a closed check (table service asks here, in the reopen's transaction): refused when a day its sales
     * were counted on has its Z report (the Z is kept unchanged; a refund is the way back then), approved when the
     * store wants it, and written to the audit log with what the check's sales charged.
     */
    public void reopenCheck(Connection c, Caller caller, String orgId, String propertyId, String checkId, String label,
                            BigDecimal amount, List<String> saleIds, String reason, String approvalId)
            throws SQLException {
        for (String saleId : saleIds) {
            Optional<Long> z = audit.zOfSaleDay(c, orgId, saleId);
            if (z.isPresent()) {
                throw new ConflictException("the day of check " + label + "'s sale is closed by Z report " + z.get()
                        + ": refund the sale instead of reopening the check");
            }
        }
        String subject = "check " + label;
        String by = require(c, orgId, propertyId, REOPEN_CHECK, amount, approvalId, "reopen " + subject,
                settings(c, propertyId).reopenNeedsManager(), "reopening a closed check");
        audit.insert(c, new AuditRepository.Entry(orgId, propertyId, clock.instant(), REOPEN_CHECK,
                caller instanceof Caller.Staff s ? s.staffId() : null, null,
                caller instanceof Caller.Device d ? d.deviceId() : null,
                caller instanceof Caller.Device d ? d.name() : null, amount, reason, subject
                + ", " + saleIds.size() + " sale(s) cancelled", approvalId, by));
    }

    /**
     * Who took a report, as the audit log names people: a staff member by their name (a manager signed in at the
     * office), a device by its name, else the credential's kind and id (the org's own client).
     */
    public String who(Caller caller) {
        if (caller instanceof Caller.Staff s) {
            Optional<String> name = database.read(c -> staff.list(c, s.orgId()).stream()
                    .filter(m -> m.staffId().equals(s.staffId())).map(StaffMember::name).findFirst());
            if (name.isPresent()) {
                return name.get();
            }
        }
        return caller instanceof Caller.Device d ? "device " + d.name() : caller.kind() + " " + caller.subject();
    }

    /** The voids of lines the kitchen had in [from, to) (of one device when given), by reason, for a report. */
    List<io.brigade.protocol.money.MoneyReport.Line> lineVoids(Connection c, String orgId, String propertyId,
                                                             Instant from, Instant to, String deviceId)
            throws SQLException {
        return audit.lineVoids(c, orgId, propertyId, from, to, deviceId);
    }

    /** Records a money-affecting action in the audit log, in the caller's transaction. */
    void record(Connection c, AuditRepository.Entry entry) throws SQLException {
        audit.insert(c, entry);
    }

    // ---- vouchers ----

    public List<Voucher> vouchers(String orgId) {
        return database.read(c -> approvals.vouchers(c, orgId));
    }

    public Voucher addVoucher(String orgId, Voucher body) {
        Validation v = new Validation();
        if (v.require(body.code(), "code") && !body.code().strip().matches("[A-Za-z0-9_-]{3,40}")) {
            v.error("code", "must be 3 to 40 letters, digits, '-' or '_'");
        }
        if (body.amount() == null || body.amount().signum() <= 0 || body.amount().stripTrailingZeros().scale() > 2
                || body.amount().compareTo(new BigDecimal("100000")) > 0) {
            v.error("amount", "must be an amount above 0, in whole cents");
        }
        v.require(body.validFrom(), "validFrom");
        if (v.require(body.validTo(), "validTo") && body.validFrom() != null
                && body.validTo().isBefore(body.validFrom())) {
            v.error("validTo", "is before validFrom");
        }
        if (body.maxUses() != null && (body.maxUses() < 1 || body.maxUses() > 1_000_000)) {
            v.error("maxUses", "must be 1 or more (null: no limit)");
        }
        v.text(body.note(), 200, "note");
        v.throwIfMalformed();
        Voucher clean = new Voucher(body.code().strip().toUpperCase(java.util.Locale.ROOT), body.amount(),
                body.validFrom(), body.validTo(), body.maxUses(), 0, body.note(), true);
        try {
            database.inTransaction(c -> approvals.insertVoucher(c, orgId, clean, clock.instant()));
        } catch (io.brigade.server.db.DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw new ConflictException("code", "a voucher " + clean.code() + " exists already");
            }
            throw e;
        }
        return database.read(c -> approvals.voucher(c, orgId, clean.code())).orElseThrow();
    }

    public void disableVoucher(String orgId, String code) {
        if (!database.inTransaction(c -> approvals.disableVoucher(c, orgId, code.toUpperCase(java.util.Locale.ROOT), clock.instant()))) {
            throw new NotFoundException("voucher " + code);
        }
    }

    /** A voucher the till may take today at this store, with its value; refused with why not. */
    public Voucher checkVoucher(String orgId, String propertyId, String code) {
        return database.read(c -> {
            ZoneId zone = ZoneId.of(store(c, orgId, propertyId).timeZone());
            return usable(c, orgId, code, clock.instant().atZone(zone).toLocalDate());
        });
    }

    Voucher usable(Connection c, String orgId, String code, LocalDate date) throws SQLException {
        Voucher v = approvals.voucher(c, orgId, code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> InvalidInputException.unprocessable("code", "is not a voucher of this store"));
        if (!v.active()) {
            throw InvalidInputException.unprocessable("code", "voucher " + v.code() + " was withdrawn");
        }
        if (date.isBefore(v.validFrom()) || date.isAfter(v.validTo())) {
            throw InvalidInputException.unprocessable("code", "voucher " + v.code() + " is valid from "
                    + v.validFrom() + " to " + v.validTo());
        }
        if (v.maxUses() != null && v.uses() >= v.maxUses()) {
            throw InvalidInputException.unprocessable("code", "voucher " + v.code() + " has been used "
                    + v.uses() + " times, its limit");
        }
        return v;
    }

    boolean useVoucher(Connection c, String orgId, String code, LocalDate date) throws SQLException {
        return approvals.useVoucher(c, orgId, code.strip().toUpperCase(java.util.Locale.ROOT), date);
    }

    // ---- audit ----

    /**
     * The store's money-affecting actions between two business dates (inclusive), oldest first: what was recorded,
     * and the discounts and cancellations of its sales. Filters (null: all) by action, staff name and device name.
     */
    public List<AuditEntry> audit(String orgId, String propertyId, String fromText, String toText, String action,
                                  String staffName, String deviceName) {
        LocalDate from = MoneyService.date(fromText, "fromDate", true);
        LocalDate to = MoneyService.date(toText, "toDate", true);
        if (to.isBefore(from) || to.isAfter(from.plusDays(92))) {
            throw InvalidInputException.malformed("toDate", "must be from fromDate to 92 days after it");
        }
        return database.read(c -> {
            ZoneId zone = ZoneId.of(store(c, orgId, propertyId).timeZone());
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            List<AuditEntry> all = new ArrayList<>(audit.between(c, orgId, propertyId, start, end));
            for (AuditRepository.SaleLine d : audit.discounts(c, orgId, propertyId, start, end)) {
                DayFigures.Origin o = DayFigures.Origin.of(d.metadata());
                all.add(new AuditEntry(d.at(), DISCOUNT, staffName(d.metadata()), o.deviceName(), d.amount(),
                        d.what(), "sale " + d.displayId(), d.approvedBy()));
            }
            for (AuditRepository.SaleLine x : audit.cancellations(c, orgId, propertyId, start, end)) {
                all.add(new AuditEntry(x.at(), "VOID_SALE", staffName(x.metadata()),
                        DayFigures.Origin.of(x.metadata()).deviceName(), x.amount(), x.what(), "sale " + x.displayId(),
                        null));
            }
            all.sort(Comparator.comparing(AuditEntry::at));
            return all.stream().filter(e -> action == null || action.isBlank() || action.equals(e.action()))
                    .filter(e -> staffName == null || staffName.isBlank() || staffName.equals(e.staffName()))
                    .filter(e -> deviceName == null || deviceName.isBlank() || deviceName.equals(e.deviceName()))
                    .toList();
        });
    }

    private static String staffName(String metadata) {
        return field(metadata, "staffName");
    }

    private static String field(String metadata, String name) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode m = io.brigade.protocol.Json.mapper().readTree(metadata);
            return m != null && m.hasNonNull(name) && m.get(name).isTextual() ? m.get(name).asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private io.brigade.protocol.org.Property store(Connection c, String orgId, String propertyId) throws SQLException {
        return orgs.findProperty(c, orgId, propertyId).orElseThrow(() -> new NotFoundException("property "
                + propertyId));
    }
}
