package io.brigade.server.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.Refund;
import io.brigade.protocol.sales.RefundRequest;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleCreated;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The one path for sales: every face (v3 sales, the marketplace alias, v1 orders, the till) creates and moves
 * sales through here. A push is validated on its own thread ({@link SaleIntake}), then stored by the
 * {@link SaleBatcher} with the {@link SaleSteps} (how a sale is stored, in one place); it is answered once it is
 * on disk. A status change runs its steps in one transaction. Every committed change is announced
 * ({@link SaleCommitted}) after its commit.
 */
public final class SaleService implements AutoCloseable {
    // Writes a parsed body with object keys sorted and null members left out: the form whose hash
    // decides whether a retry is "the same body".
    private static final ObjectMapper CANONICAL = Json.newMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

    private final Database database;
    private final SaleRepository sales;
    private final OrgRepository orgs;
    private final Clock clock;
    private final SaleSteps steps;
    private final RefundRepository refunds = new RefundRepository();
    private final Consumer<SaleCommitted> afterCommit;
    private final SaleIntake intake;
    private final SaleBatcher batcher;
    // Keys being processed on this node: a second request with the same key answers 409 at once, with
    // Retry-After: the first one's answer is coming. Across nodes the primary key on idempotency_keys decides.
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    // The single batch writer is what limits pushes. On H2, in this process, validation is CPU work too, and
    // when every HTTP thread does it at once the writer mostly waits for a core (measured: 40 % of its time
    // runnable, not running); one push per core at a time in prepare() leaves it far less to wait for. On
    // PostgreSQL validation waits for round trips, and holding a slot through them would only queue pushes.
    private final Semaphore cpuSlots;

    /** {@code afterCommit} hears of every change once it is committed and on disk. */
    public SaleService(Database database, SaleRepository sales, OrgRepository orgs, MenuService menuService,
                       Clock clock, SaleSteps steps, Consumer<SaleCommitted> afterCommit) {
        this.database = database;
        this.sales = sales;
        this.orgs = orgs;
        this.clock = clock;
        this.steps = steps;
        this.afterCommit = afterCommit;
        this.intake = new SaleIntake(orgs, menuService, new SaleIds(clock));
        this.batcher = new SaleBatcher(database, steps, afterCommit);
        this.cpuSlots = new Semaphore(database.isPostgres() ? Integer.MAX_VALUE : Runtime.getRuntime().availableProcessors());
    }

    /** The batcher of new sales (tests hold it to put several sales in one batch). */
    public SaleBatcher batcher() {
        return batcher;
    }

    /**
     * Creates a sale once per (org, key) and once per (org, channel, externalId); a retry with the key or the
     * reference answers with the sale stored first, a different body under either is refused with 422.
     * {@code rawBody} is the request as sent, which parses to {@code sale}: its canonical hash tells a retry
     * from a different request. The key is required.
     */
    public PushedSale create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody) {
        return create(orgId, idempotencyKey, sale, rawBody, null);
    }

    /** As {@link #create(String, String, Sale, byte[])}, for a sale a paired till rang ({@code till}; null if none). */
    public PushedSale create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody, TillOrigin till) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidInputException.malformed("the x-idempotency-key header is required: send a fresh GUID per sale");
        }
        return store(orgId, idempotencyKey, sale, rawBody, till);
    }

    /**
     * As {@link #create}, for the marketplace guide's pushes, which carry no key: the sale's {@code externalId}
     * (unique within its channel) stands in for a missing key.
     */
    public PushedSale createKeyedByExternalId(String orgId, String idempotencyKey, Sale sale, byte[] rawBody,
                                               TillOrigin till) {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return store(orgId, idempotencyKey, sale, rawBody, till);
        }
        String externalId = sale == null ? null : sale.externalId();
        if (externalId == null || externalId.isBlank()) {
            throw InvalidInputException.malformed("send an x-idempotency-key header, or an externalId in the body: "
                    + "one of them tells a retry from a new sale");
        }
        return store(orgId, externalIdKey(sale.salesChannelId(), externalId), sale, rawBody, till);
    }

    // A header value cannot hold a line feed, so no key a client sends looks like this one.
    static String externalIdKey(String salesChannelId, String externalId) {
        return EXTERNAL_ID_KEY + Secrets.sha256Hex(salesChannelId + '\n' + externalId);
    }

    private static final String EXTERNAL_ID_KEY = "\nexternalId ";

    private PushedSale store(String orgId, String idempotencyKey, Sale sale, byte[] rawBody, TillOrigin till) {
        if (idempotencyKey.length() > 255) {
            throw InvalidInputException.malformed("the x-idempotency-key header must be at most 255 characters");
        }
        String flightKey = orgId + '\n' + idempotencyKey;
        if (!inFlight.add(flightKey)) {
            throw new SaleInProgressException();
        }
        try {
            String hash = canonicalHash(rawBody);
            NewSale prepared;
            try {
                prepared = prepare(orgId, idempotencyKey, hash, till == null ? sale : till.stamp(sale));
            } catch (DomainException refused) {
                // A retry of a sale stored before is answered as one, even if the sale would not pass today.
                return storedAnswer(orgId, idempotencyKey, hash, sale).orElseThrow(() -> refused);
            }
            SaleBatcher.Outcome outcome = batcher.store(prepared);
            if (outcome instanceof SaleBatcher.Refused refused) {
                return storedAnswer(orgId, idempotencyKey, hash, sale).orElseThrow(refused::reason);
            }
            if (outcome instanceof SaleBatcher.KeyUsed) {
                // Used before, here or on another node: answer as a replay.
                return storedAnswer(orgId, idempotencyKey, hash, sale).orElseThrow(SaleInProgressException::new);
            }
            return new PushedSale(prepared.record().saleId(), prepared.answer().getBytes(StandardCharsets.UTF_8),
                    false);
        } finally {
            inFlight.remove(flightKey);
        }
    }

    /**
     * Checks {@code sale} as a push would (shape, channel, menu revision, modifiers, sums) and stores nothing: the
     * lines of an open check are checked so when they are added, so the sale the check closes into will pass.
     */
    public void check(String orgId, Sale sale) {
        database.read(c -> intake.validate(c, orgId, sale, clock.instant()));
    }

    // The CPU part of a push. No look-up of the key first: almost every key is new, and the batch's insert of
    // the key refuses a used one. Only a sale that is refused looks its key up, so that a retry still gets its
    // original answer.
    private NewSale prepare(String orgId, String key, String hash, Sale sale) {
        cpuSlots.acquireUninterruptibly();
        try {
            // Validation only reads (channels, immutable menu revisions); the writes go to the next batch.
            SaleRecord record = database.read(c -> intake.validate(c, orgId, sale, clock.instant()));
            SaleCreated created = new SaleCreated(record.saleId(), record.displayId(), record.createdAt(),
                    record.dispatchTime(), record.status());
            return new NewSale(record, key, hash, write(created));
        } finally {
            cpuSlots.release();
        }
    }

    // The sale stored before under this key or, failing that, under the sale's externalId in its channel.
    private Optional<PushedSale> storedAnswer(String orgId, String key, String hash, Sale sale) {
        Optional<SaleRepository.IdempotencyRow> byKey = database.read(c -> sales.findIdempotency(c, orgId, key));
        if (byKey.isPresent()) {
            return byKey.map(row -> replay(row, hash, key.startsWith(EXTERNAL_ID_KEY) ? "externalId"
                    : "x-idempotency-key"));
        }
        if (sale == null || sale.externalId() == null || sale.externalId().isBlank() || sale.salesChannelId() == null) {
            return Optional.empty();
        }
        return database.read(c -> sales.findByExternalId(c, orgId, sale.salesChannelId(), sale.externalId()))
                .map(row -> replay(row, hash, "externalId"));
    }

    private static PushedSale replay(SaleRepository.IdempotencyRow row, String hash, String usedBefore) {
        if (!row.requestHash().equals(hash)) {
            throw "externalId".equals(usedBefore)
                    ? InvalidInputException.unprocessable("externalId", "was already used in this sales channel for "
                            + "sale " + row.saleId() + " with a different body; a new sale needs a new externalId")
                    : InvalidInputException.unprocessable("this x-idempotency-key was already used for sale "
                            + row.saleId() + " with a different body; use a fresh key for a new sale");
        }
        return new PushedSale(row.saleId(), row.body().getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * A channel's sales in a business-date range (the reconciler's daily pull), checked now and read when the
     * answer is written: {@link Headers#forEach} streams them from the database in time order.
     */
    public Headers list(String orgId, String salesChannelId, String from, String to) {
        Validation v = new Validation();
        LocalDate fromDate = date(from, "fromDate", v);
        LocalDate toDate = date(to, "toDate", v);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            v.error("toDate", "must not be before fromDate");
        }
        if (fromDate != null && toDate != null && fromDate.plusDays(366).isBefore(toDate)) {
            v.error("toDate", "a range may span at most 366 days");
        }
        v.throwIfMalformed();
        database.read(c -> orgs.findChannel(c, orgId, salesChannelId))
                .orElseThrow(() -> new NotFoundException("sales channel " + salesChannelId));
        return sink -> database.inTransaction(c -> {
            try {
                sales.eachHeader(c, orgId, salesChannelId, fromDate, toDate, sink);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    /** The headers of a listing, read as they are taken. */
    @FunctionalInterface
    public interface Headers {
        void forEach(SaleRepository.HeaderSink sink);
    }

    private static LocalDate date(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            v.error(field, "is required (YYYY-MM-DD, a business date in the property's time zone)");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            v.error(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    public Sale detail(String orgId, String salesChannelId, String saleId) {
        return database.read(c -> sales.detail(c, orgId, salesChannelId, saleId))
                .orElseThrow(() -> new SaleNotFoundException(saleId));
    }

    public SaleHeader cancel(String orgId, String saleId, CancelSale body) {
        return cancel(orgId, saleId, body, false);
    }

    // reportedByPos: the POS reported SALE_CANCELLED as a status, which its integrators hear as both events.
    private SaleHeader cancel(String orgId, String saleId, CancelSale body, boolean reportedByPos) {
        Validation v = new Validation();
        v.require(body.cancellationReason(), "cancellationReason");
        v.throwIfMalformed();
        return announced(orgId, database.inTransaction(c -> {
            SaleRepository.SaleState state = lock(c, orgId, saleId, body.salesChannelId());
            SaleStateMachine.check(state.status(), SaleStatus.SALE_CANCELLED);
            sales.cancel(c, saleId, body.cancellationReason().strip(), body.cancellationNotes(), clock.instant());
            SaleHeader after = sales.header(c, orgId, saleId).orElseThrow();
            steps.statusChanged(c, orgId, after, state.status(), SaleStatus.SALE_CANCELLED.name(), reportedByPos);
            return after;
        }));
    }

    /**
     * Cancels a sale inside the caller's transaction (a closed check reopened: its sales and its state change
     * together). {@code before} sees the sale as it is and may refuse by throwing. The caller announces the change
     * after its commit ({@link #announceCancelled}).
     */
    public SaleHeader cancelWithin(java.sql.Connection c, String orgId, String saleId, String reason,
                                   java.util.function.Consumer<SaleHeader> before) throws java.sql.SQLException {
        SaleRepository.SaleState state = lock(c, orgId, saleId, null);
        before.accept(sales.header(c, orgId, saleId).orElseThrow());
        SaleStateMachine.check(state.status(), SaleStatus.SALE_CANCELLED);
        sales.cancel(c, saleId, reason, null, clock.instant());
        SaleHeader after = sales.header(c, orgId, saleId).orElseThrow();
        steps.statusChanged(c, orgId, after, state.status(), SaleStatus.SALE_CANCELLED.name(), false);
        return after;
    }

    /** Announces a cancellation made by {@link #cancelWithin}, once its transaction committed. */
    public void announceCancelled(String orgId, String saleId) {
        afterCommit.accept(new SaleCommitted.StatusChanged(orgId, saleId, SaleStatus.SALE_CANCELLED));
    }

    /**
     * Gives back money on a stored sale, as a {@code Refund} payment line of it: of item lines and quantities (each
     * line at its price less its share of the sale's discounts), of an amount, or of all that is left. Never more
     * than was paid and not yet refunded, never on a cancelled sale, never the same line twice over its quantity.
     * The store's {@code gate} (approvals, audit) runs in the same transaction; {@code till} is the paired till
     * that asks, or null. A retry with the same {@code refundId} answers the refund given the first time.
     */
    public Refund refund(String orgId, String saleId, RefundRequest body, TillOrigin till, RefundGate gate) {
        if (database.read(c -> sales.header(c, orgId, saleId)).isEmpty()) {
            throw new SaleNotFoundException(saleId); // another org's sale reads as unknown, before any check
        }
        Validation v = new Validation();
        if (v.require(body.refundId(), "refundId") && (body.refundId().length() > 40
                || !body.refundId().matches("[A-Za-z0-9-]+"))) {
            v.error("refundId", "must be the caller's own id for the refund (a UUID)");
        }
        if (v.require(body.reason(), "reason")) {
            v.text(body.reason(), 500, "reason");
        }
        v.text(body.staffId(), 100, "staffId");
        v.text(body.staffName(), 200, "staffName");
        v.text(body.terminal(), 100, "terminal");
        v.text(body.shiftId(), 40, "shiftId");
        v.text(body.approvalId(), 40, "approvalId");
        java.util.Map<Integer, Integer> asked = new java.util.TreeMap<>();
        if (body.lines() != null) {
            for (int i = 0; i < body.lines().size(); i++) {
                RefundRequest.Line l = body.lines().get(i);
                if (l == null || l.line() == null || l.line() < 1) {
                    v.error("lines[" + i + "].line", "must name an item line of the sale (1 for its first item)");
                } else if (l.quantity() == null || l.quantity() < 1) {
                    v.error("lines[" + i + "].quantity", "must be 1 or more");
                } else {
                    asked.merge(l.line(), l.quantity(), Integer::sum);
                }
            }
        }
        if (body.amount() != null) {
            if (!asked.isEmpty()) {
                v.error("amount", "send lines or an amount, not both");
            } else if (body.amount().signum() <= 0 || body.amount().stripTrailingZeros().scale() > 2) {
                v.error("amount", "must be more than 0, in whole cents");
            }
        }
        v.throwIfMalformed();
        Instant now = clock.instant();
        Refund given = database.inTransaction(c -> {
            Optional<RefundRepository.Row> before = refunds.find(c, orgId, body.refundId());
            if (before.isPresent()) {
                if (!before.get().saleId().equals(saleId)) {
                    throw InvalidInputException.unprocessable("refundId", "was used for a refund of another sale");
                }
                return answer(c, orgId, before.get());
            }
            SaleRepository.SaleState state = lock(c, orgId, saleId, null);
            if (state.status() == SaleStatus.SALE_CANCELLED) {
                throw InvalidInputException.unprocessable("sale " + saleId + " was cancelled: nothing was kept "
                        + "that could be refunded");
            }
            SaleHeader header = sales.header(c, orgId, saleId).orElseThrow();
            Sale sale = sales.detail(c, orgId, state.salesChannelId(), saleId).orElseThrow();
            java.math.BigDecimal refundable = header.totalPaidAmount().subtract(header.totalRefunds());
            java.util.List<io.brigade.protocol.sales.SaleItem> items = sale.items() == null ? java.util.List.of()
                    : sale.items();
            java.math.BigDecimal itemsTotal = java.math.BigDecimal.ZERO;
            for (io.brigade.protocol.sales.SaleItem item : items) {
                itemsTotal = itemsTotal.add(lineTotal(item));
            }
            java.math.BigDecimal keep = itemsTotal.signum() == 0 ? java.math.BigDecimal.ONE : java.math.BigDecimal.ONE
                    .subtract(header.totalDiscounts().min(itemsTotal).divide(itemsTotal, 10,
                            java.math.RoundingMode.HALF_UP));
            java.util.Map<Integer, Integer> already = refunds.refundedQuantities(c, saleId);
            java.util.Map<Integer, java.math.BigDecimal> lineAmounts = new java.util.TreeMap<>();
            java.math.BigDecimal amount;
            Validation w = new Validation();
            if (!asked.isEmpty()) {
                amount = java.math.BigDecimal.ZERO;
                for (java.util.Map.Entry<Integer, Integer> l : asked.entrySet()) {
                    if (l.getKey() > items.size()) {
                        w.error("lines", "the sale has " + items.size() + " item lines; there is no line " + l.getKey());
                        continue;
                    }
                    io.brigade.protocol.sales.SaleItem item = items.get(l.getKey() - 1);
                    int left = item.quantity() - already.getOrDefault(l.getKey(), 0);
                    if (l.getValue() > left) {
                        w.error("lines", "line " + l.getKey() + " sold " + item.quantity() + " and " + left
                                + " of them can still be refunded, not " + l.getValue());
                        continue;
                    }
                    java.math.BigDecimal each = lineTotal(item).divide(java.math.BigDecimal.valueOf(item.quantity()),
                            10, java.math.RoundingMode.HALF_UP);
                    java.math.BigDecimal a = each.multiply(java.math.BigDecimal.valueOf(l.getValue())).multiply(keep)
                            .setScale(2, java.math.RoundingMode.HALF_UP);
                    lineAmounts.put(l.getKey(), a);
                    amount = amount.add(a);
                }
                w.throwIfUnprocessable();
                amount = amount.min(refundable);
            } else {
                amount = body.amount() != null ? body.amount() : refundable;
            }
            if (amount.signum() <= 0 || amount.compareTo(refundable) > 0) {
                throw InvalidInputException.unprocessable(body.amount() != null ? "amount" : "lines",
                        "the refund of " + amount.toPlainString() + " is more than what was paid and not yet "
                                + "refunded (" + refundable.toPlainString() + ")");
            }
            io.brigade.protocol.sales.PaymentMethod method = method(body.paymentMethod(), sale);
            String propertyId = orgs.propertyOfSale(c, orgId, saleId).orElseThrow();
            java.time.ZoneId zone = java.time.ZoneId.of(orgs.timeZone(c, orgId, propertyId).orElse("UTC"));
            String deviceId = till != null ? till.deviceId() : body.terminal();
            String deviceName = till != null ? till.name() : body.terminal();
            gate.check(c, new RefundGate.Given(orgId, propertyId, saleId, header.displayId(), body.refundId(), amount,
                    method.name(), body.reason().strip(), body.staffId(), body.staffName(), deviceId, deviceName,
                    body.shiftId(), body.approvalId(), now));
            String description = "Refund: " + body.reason().strip();
            int lineNo = refunds.addRefundPayment(c, saleId, method.name(), amount, now,
                    description.length() > 200 ? description.substring(0, 200) : description);
            RefundRepository.Row row = new RefundRepository.Row(body.refundId(), orgId, propertyId, saleId, lineNo,
                    method.name(), amount, body.reason().strip(), body.staffId(), body.staffName(), deviceId,
                    deviceName, body.shiftId(), body.approvalId(), now, now.atZone(zone).toLocalDate());
            refunds.insert(c, row, asked, lineAmounts);
            SaleHeader after = sales.header(c, orgId, saleId).orElseThrow();
            steps.refunded(c, orgId, after, body.refundId(), amount, method.name(), row.reason(), now);
            return answer(c, orgId, row);
        });
        afterCommit.accept(new SaleCommitted.StatusChanged(orgId, saleId, null));
        return given;
    }

    private Refund answer(java.sql.Connection c, String orgId, RefundRepository.Row row) throws java.sql.SQLException {
        SaleHeader after = sales.header(c, orgId, row.saleId()).orElseThrow();
        java.util.List<RefundRequest.Line> lines = new java.util.ArrayList<>();
        for (int[] l : refunds.lines(c, row.refundId())) {
            lines.add(new RefundRequest.Line(l[0], l[1]));
        }
        return new Refund(row.refundId(), row.saleId(), row.amount(),
                io.brigade.protocol.sales.PaymentMethod.valueOf(row.paymentMethod()), row.reason(), lines,
                row.refundedAt(), after.totalRefunds(), after.totalPaidAmount().subtract(after.totalRefunds()));
    }

    /** The method a refund goes back by: the one asked (Cash, or one the sale was paid by), else the sale's own. */
    private static io.brigade.protocol.sales.PaymentMethod method(io.brigade.protocol.sales.PaymentMethod asked,
                                                                  Sale sale) {
        java.util.Set<io.brigade.protocol.sales.PaymentMethod> paidBy = new java.util.TreeSet<>();
        for (io.brigade.protocol.sales.SalePayment p : sale.payments() == null
                ? java.util.List.<io.brigade.protocol.sales.SalePayment>of() : sale.payments()) {
            if (p.type() != io.brigade.protocol.sales.PaymentType.Refund) {
                paidBy.add(p.paymentMethod());
            }
        }
        if (asked != null) {
            if (asked != io.brigade.protocol.sales.PaymentMethod.Cash && !paidBy.contains(asked)) {
                throw InvalidInputException.unprocessable("paymentMethod", "a refund goes back the way the sale was "
                        + "paid (" + paidBy + ") or in cash");
            }
            return asked;
        }
        if (paidBy.size() != 1) {
            throw InvalidInputException.unprocessable("paymentMethod", "the sale was paid by " + paidBy
                    + ": name the method the refund goes back by (one of them, or Cash)");
        }
        return paidBy.iterator().next();
    }

    private static java.math.BigDecimal lineTotal(io.brigade.protocol.sales.SaleItem item) {
        java.math.BigDecimal unit = item.unitPrice();
        if (item.modifierItems() != null) {
            for (io.brigade.protocol.sales.SaleItem m : item.modifierItems()) {
                unit = unit.add(lineTotal(m));
            }
        }
        return unit.multiply(java.math.BigDecimal.valueOf(item.quantity()));
    }

    /** Delivery statuses: SALE_DISPATCHED, SALE_ON_THE_WAY, SALE_DELIVERED. */
    public SaleHeader deliveryStatus(String orgId, String saleId, StatusUpdate update) {
        SaleStatus target = parseStatus(update.status(), Set.of(SaleStatus.SALE_DISPATCHED,
                SaleStatus.SALE_ON_THE_WAY, SaleStatus.SALE_DELIVERED));
        return announced(orgId, database.inTransaction(c -> {
            SaleRepository.SaleState state = lock(c, orgId, saleId, null);
            SaleStateMachine.check(state.status(), target);
            Instant now = clock.instant();
            Instant dispatch = update.dispatchTime() != null ? update.dispatchTime()
                    : target == SaleStatus.SALE_DISPATCHED ? now : null;
            Instant delivered = update.deliveryTime() != null ? update.deliveryTime()
                    : target == SaleStatus.SALE_DELIVERED ? now : null;
            sales.updateStatus(c, saleId, target, now);
            sales.updateTimes(c, saleId, dispatch, delivered, null, now);
            return changed(c, orgId, saleId, state.status(), target.name());
        }));
    }

    /**
     * POS and kitchen statuses: SALE_IN_PREPARATION, SALE_PREPARED_BY_KITCHEN, SALE_CANCELLED move the
     * sale; SALE_PICKUP_TIME_CHANGED and SALE_DELIVERY_TIME_CHANGED only change a time.
     */
    public SaleHeader posStatus(String orgId, String saleId, StatusUpdate update) {
        String status = update.status();
        Validation v = new Validation();
        if (!v.require(status, "status")) {
            v.throwIfMalformed();
        }
        return switch (status) {
            case "SALE_PICKUP_TIME_CHANGED", "SALE_DELIVERY_TIME_CHANGED" -> {
                boolean pickup = status.equals("SALE_PICKUP_TIME_CHANGED");
                if ((pickup ? update.pickupTime() : update.deliveryTime()) == null) {
                    v.error(pickup ? "pickupTime" : "deliveryTime", "is required with " + status);
                    v.throwIfMalformed();
                }
                yield announced(orgId, database.inTransaction(c -> {
                    SaleRepository.SaleState state = lock(c, orgId, saleId, null);
                    SaleStateMachine.checkNotFinal(state.status(), status);
                    sales.updateTimes(c, saleId, null, pickup ? null : update.deliveryTime(),
                            pickup ? update.pickupTime() : null, clock.instant());
                    return changed(c, orgId, saleId, state.status(), status);
                }));
            }
            case "SALE_CANCELLED" -> cancel(orgId, saleId, new CancelSale(null,
                    update.cancellationReason(), null), true);
            default -> {
                SaleStatus target = parseStatus(status, Set.of(SaleStatus.SALE_IN_PREPARATION,
                        SaleStatus.SALE_PREPARED_BY_KITCHEN));
                yield announced(orgId, database.inTransaction(c -> {
                    SaleRepository.SaleState state = lock(c, orgId, saleId, null);
                    SaleStateMachine.check(state.status(), target);
                    sales.updateStatus(c, saleId, target, clock.instant());
                    return changed(c, orgId, saleId, state.status(), target.name());
                }));
            }
        };
    }

    private SaleHeader changed(java.sql.Connection c, String orgId, String saleId, SaleStatus before, String reported)
            throws java.sql.SQLException {
        SaleHeader after = sales.header(c, orgId, saleId).orElseThrow();
        steps.statusChanged(c, orgId, after, before, reported, false);
        return after;
    }

    // After the commit (and the sync: inTransaction returns once the change is on disk).
    private SaleHeader announced(String orgId, SaleHeader after) {
        afterCommit.accept(new SaleCommitted.StatusChanged(orgId, after.saleId(), after.status()));
        return after;
    }

    private SaleRepository.SaleState lock(java.sql.Connection c, String orgId, String saleId, String channelId)
            throws java.sql.SQLException {
        SaleRepository.SaleState state = sales.lockState(c, orgId, saleId)
                .orElseThrow(() -> new SaleNotFoundException(saleId));
        if (channelId != null && !channelId.equals(state.salesChannelId())) {
            throw new SaleNotFoundException(saleId, channelId);
        }
        return state;
    }

    private static SaleStatus parseStatus(String status, Set<SaleStatus> allowed) {
        for (SaleStatus s : allowed) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        throw InvalidInputException.malformed(java.util.List.of(new io.brigade.protocol.Problem.FieldError("status",
                "must be one of " + allowed.stream().map(Enum::name).sorted().toList())));
    }

    static String canonicalHash(byte[] rawBody) {
        try {
            JsonNode tree = Json.mapper().readTree(rawBody);
            if (tree == null || tree.isNull()) {
                tree = CANONICAL.createObjectNode();
            }
            return Secrets.sha256Hex(CANONICAL.writeValueAsString(tree));
        } catch (IOException e) {
            throw InvalidInputException.malformed("request body is not valid JSON");
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is queued, then stops the batcher. */
    @Override
    public void close() throws InterruptedException {
        batcher.close();
    }
}
