package io.brigade.server.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.CancelSale;
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
     * Creates a sale once per (org, key); a retry with the key answers with the sale stored first.
     * {@code rawBody} is the request as sent, which parses to {@code sale}: its canonical hash tells a retry
     * from a different request.
     */
    public PushedSale create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody) {
        return create(orgId, idempotencyKey, sale, rawBody, null);
    }

    /** As {@link #create(String, String, Sale, byte[])}, for a sale a paired till rang ({@code till}; null if none). */
    public PushedSale create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody, TillOrigin till) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidInputException.malformed("the x-idempotency-key header is required: send a fresh GUID per sale");
        }
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
                return storedAnswer(orgId, idempotencyKey, hash).orElseThrow(() -> refused);
            }
            SaleBatcher.Outcome outcome = batcher.store(prepared);
            if (outcome instanceof SaleBatcher.Refused refused) {
                return storedAnswer(orgId, idempotencyKey, hash).orElseThrow(refused::reason);
            }
            if (outcome instanceof SaleBatcher.KeyUsed) {
                // Used before, here or on another node: answer as a replay.
                return storedAnswer(orgId, idempotencyKey, hash).orElseThrow(SaleInProgressException::new);
            }
            return new PushedSale(prepared.record().saleId(), prepared.answer().getBytes(StandardCharsets.UTF_8),
                    false);
        } finally {
            inFlight.remove(flightKey);
        }
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

    private Optional<PushedSale> storedAnswer(String orgId, String key, String hash) {
        return database.read(c -> sales.findIdempotency(c, orgId, key)).map(row -> replay(row, hash));
    }

    private static PushedSale replay(SaleRepository.IdempotencyRow row, String hash) {
        if (!row.requestHash().equals(hash)) {
            throw InvalidInputException.unprocessable("this x-idempotency-key was already used for sale "
                    + row.saleId() + " with a different body; use a fresh key for a new sale");
        }
        return new PushedSale(row.saleId(), row.body().getBytes(StandardCharsets.UTF_8), true);
    }

    public java.util.List<SaleHeader> list(String orgId, String salesChannelId, String from, String to) {
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
        return database.read(c -> {
            orgs.findChannel(c, orgId, salesChannelId)
                    .orElseThrow(() -> new NotFoundException("sales channel " + salesChannelId));
            return sales.headers(c, orgId, salesChannelId, fromDate, toDate);
        });
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
        Validation v = new Validation();
        v.require(body.cancellationReason(), "cancellationReason");
        v.throwIfMalformed();
        return announced(orgId, database.inTransaction(c -> {
            SaleRepository.SaleState state = lock(c, orgId, saleId, body.salesChannelId());
            SaleStateMachine.check(state.status(), SaleStatus.SALE_CANCELLED);
            sales.cancel(c, saleId, body.cancellationReason().strip(), body.cancellationNotes(), clock.instant());
            return changed(c, orgId, saleId, state.status(), SaleStatus.SALE_CANCELLED.name());
        }));
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
                    update.cancellationReason(), null));
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
        steps.statusChanged(c, orgId, after, before, reported);
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
