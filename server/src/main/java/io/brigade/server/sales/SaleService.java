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
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Reply;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The one path for sales: every face (v3 sales, the marketplace alias, later v1 orders and the till)
 * creates and moves sales through here. A create checks the idempotency key, validates against the
 * menu revision, prices, and stores the sale and its key in one transaction.
 */
public final class SaleService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SaleService.class);
    // Writes a parsed body with object keys sorted and null members left out: the form whose hash
    // decides whether a retry is "the same body".
    private static final ObjectMapper CANONICAL = Json.newMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

    private final Database database;
    private final GroupCommitter committer;
    private final SaleRepository sales;
    private final OrgRepository orgs;
    private final MenuService menuService;
    private final Clock clock;
    private final java.util.List<SaleObserver> observers;
    private final SaleIntake intake;
    // Keys being processed on this node: a second request with the same key answers 409 at once.
    // Across nodes the primary key on idempotency_keys decides.
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    // The single group-commit writer is what limits pushes. On H2, in this process, validation is CPU work
    // too, and when every HTTP thread does it at once the writer mostly waits for a core (measured: 40 %
    // of its time runnable, not running); one push per core at a time in prepare() leaves it far less to
    // wait for. On PostgreSQL validation waits for round trips, and holding a slot through them would
    // only queue pushes, so there is no limit.
    private final Semaphore cpuSlots;
    private final GroupCommitter.BatchWork<SaleRecord> insertSales;
    private final GroupCommitter.BatchWork<SaleRedo> insertKeys;

    public SaleService(Database database, GroupCommitter committer, SaleRepository sales, OrgRepository orgs, MenuService menuService,
                       Clock clock, java.util.List<SaleObserver> observers) {
        this.database = database;
        this.committer = committer;
        this.sales = sales;
        this.orgs = orgs;
        this.menuService = menuService;
        this.clock = clock;
        this.observers = java.util.List.copyOf(observers);
        this.intake = new SaleIntake(orgs, menuService, new SaleIds(clock));
        this.cpuSlots = new Semaphore(database.isPostgres() ? Integer.MAX_VALUE : Runtime.getRuntime().availableProcessors());
        this.insertSales = sales::insertAll;
        this.insertKeys = (c, redos) -> sales.insertIdempotency(c, redos.stream().map(r -> new SaleRepository.NewKey(
                r.record().orgId(), r.idempotencyKey(), r.requestHash(), r.record().saleId(), 201, r.responseBody(),
                r.record().createdAt())).toList());
    }

    /** Creates a sale once per (org, key) from a v3 body ({@code rawBody} parses to {@code sale}). */
    public Reply create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody) {
        return create(orgId, idempotencyKey, sale, rawBody, rawBody);
    }

    /**
     * Creates a sale once per (org, key); a replay answers the stored status and body. {@code rawBody} is
     * the request as sent (its canonical hash tells a retry from a different request); {@code saleJson}
     * is JSON that parses to {@code sale}, kept by the commit journal, or null to have it written here
     * (a v1 order, whose body is not a sale).
     */
    public Reply create(String orgId, String idempotencyKey, Sale sale, byte[] rawBody, byte[] saleJson) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidInputException.malformed("the x-idempotency-key header is required: send a fresh GUID per sale");
        }
        if (idempotencyKey.length() > 255) {
            throw InvalidInputException.malformed("the x-idempotency-key header must be at most 255 characters");
        }
        String flightKey = orgId + '\n' + idempotencyKey;
        if (!inFlight.add(flightKey)) {
            throw new ConflictException("a request with this x-idempotency-key is still being processed; retry later");
        }
        try {
            Prepared prepared;
            cpuSlots.acquireUninterruptibly();
            try {
                prepared = prepare(orgId, idempotencyKey, sale, rawBody, saleJson);
            } finally {
                cpuSlots.release();
            }
            if (prepared.answer() != null) {
                return prepared.answer();
            }
            SaleRedo redo = prepared.redo();
            try {
                return committer.write(c -> {
                    store(c, redo);
                    if (prepared.redoRecord() != null) {
                        GroupCommitter.journal(prepared.redoRecord());
                    }
                    return Reply.raw(201, redo.responseBody().getBytes(StandardCharsets.UTF_8));
                });
            } catch (DataAccessException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                // The key was used before (here or on another node): answer as a replay.
                return database.read(c -> sales.findIdempotency(c, orgId, idempotencyKey))
                        .map(row -> replay(row, redo.requestHash())).orElseThrow(() -> e);
            }
        } finally {
            inFlight.remove(flightKey);
        }
    }

    /** A push made ready for the group commit, or the answer it already has (a retry of a refused body). */
    private record Prepared(Reply answer, SaleRedo redo, byte[] redoRecord) {
    }

    // The CPU part of a push: hash, validation, the answer and the journal record.
    private Prepared prepare(String orgId, String idempotencyKey, Sale sale, byte[] rawBody, byte[] saleJson) {
        String hash = canonicalHash(rawBody);
        // No look-up of the key first: almost every key is new, and the write's own insert of the key
        // refuses a used one (a unique violation, answered as a replay). Only a sale that no longer
        // validates looks its key up, so that a retry still gets its original answer.
        SaleRecord record;
        try {
            // Validation only reads (channels, immutable menu revisions); the writes go to the next group commit.
            record = database.read(c -> validate(c, orgId, sale));
        } catch (DomainException refused) {
            return new Prepared(database.read(c -> sales.findIdempotency(c, orgId, idempotencyKey))
                    .map(row -> replay(row, hash)).orElseThrow(() -> refused), null, null);
        }
        SaleCreated created = new SaleCreated(record.saleId(), record.displayId(), record.createdAt(),
                record.dispatchTime(), record.status());
        if (!committer.journaled()) {
            return new Prepared(null, new SaleRedo(record, idempotencyKey, hash, write(created), null), null);
        }
        SaleRedo redo = new SaleRedo(record, idempotencyKey, hash, write(created),
                saleJson != null ? saleJson : writeBytes(sale));
        return new Prepared(null, redo, redo.toBytes());
    }

    // The write of a new sale, live or redone from the journal: its key first (when a write runs on its
    // own, a used key stops it before any observer can refuse it), then the sale and what observes it.
    private void store(java.sql.Connection c, SaleRedo redo) throws java.sql.SQLException {
        SaleRecord record = redo.record();
        GroupCommitter.checkOncePerBatch(c, insertKeys, redo);
        // The rows of all the sales committed together go in one JDBC batch per table, before the work
        // the observers hand the batch (tickets, rollups), which runs in the order it was handed in.
        GroupCommitter.runOncePerBatch(c, insertSales, record);
        for (SaleObserver observer : observers) {
            observer.created(c, record);
        }
    }

    /**
     * Redoes the sales a killed server acknowledged but H2 had not stored yet (see {@link
     * io.brigade.server.db.CommitJournal}); call it before taking requests. Returns how many were redone.
     */
    public int recoverJournal() {
        return database.journal().map(journal -> {
            try {
                int[] redone = {0};
                int found = journal.recover(records -> database.inTransaction(c -> {
                    // In the order they committed, so each meets the state it met the first time.
                    for (byte[] bytes : records) {
                        SaleRedo redo = SaleRedo.parse(bytes);
                        if (!sales.exists(c, redo.record().saleId())) {
                            store(c, redo);
                            redone[0]++;
                        }
                    }
                    return null;
                }));
                if (found > 0) {
                    LOG.info("commit journal: {} sales found, {} redone (the others were stored before the stop)",
                            found, redone[0]);
                }
                return redone[0];
            } catch (Exception e) {
                throw new IllegalStateException("could not redo the sales in the commit journal in "
                        + journal.directory() + "; they stay there for the next start", e);
            }
        }).orElse(0);
    }

    private static Reply replay(SaleRepository.IdempotencyRow row, String hash) {
        if (!row.requestHash().equals(hash)) {
            throw InvalidInputException.unprocessable("this x-idempotency-key was already used for sale "
                    + row.saleId() + " with a different body; use a fresh key for a new sale");
        }
        return Reply.raw(row.status(), row.body().getBytes(StandardCharsets.UTF_8));
    }

    private SaleRecord validate(java.sql.Connection c, String orgId, Sale raw) throws java.sql.SQLException {
        return intake.validate(c, orgId, raw, clock.instant());
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
        return database.inTransaction(c -> {
            SaleRepository.SaleState state = lock(c, orgId, saleId, body.salesChannelId());
            SaleStateMachine.check(state.status(), SaleStatus.SALE_CANCELLED);
            sales.cancel(c, saleId, body.cancellationReason().strip(), body.cancellationNotes(), clock.instant());
            return changed(c, orgId, saleId, state.status(), SaleStatus.SALE_CANCELLED.name());
        });
    }

    /** Delivery statuses: SALE_DISPATCHED, SALE_ON_THE_WAY, SALE_DELIVERED. */
    public SaleHeader deliveryStatus(String orgId, String saleId, StatusUpdate update) {
        SaleStatus target = parseStatus(update.status(), Set.of(SaleStatus.SALE_DISPATCHED,
                SaleStatus.SALE_ON_THE_WAY, SaleStatus.SALE_DELIVERED));
        return database.inTransaction(c -> {
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
        });
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
                yield database.inTransaction(c -> {
                    SaleRepository.SaleState state = lock(c, orgId, saleId, null);
                    SaleStateMachine.checkNotFinal(state.status(), status);
                    sales.updateTimes(c, saleId, null, pickup ? null : update.deliveryTime(),
                            pickup ? update.pickupTime() : null, clock.instant());
                    return changed(c, orgId, saleId, state.status(), status);
                });
            }
            case "SALE_CANCELLED" -> cancel(orgId, saleId, new CancelSale(null,
                    update.cancellationReason(), null));
            default -> {
                SaleStatus target = parseStatus(status, Set.of(SaleStatus.SALE_IN_PREPARATION,
                        SaleStatus.SALE_PREPARED_BY_KITCHEN));
                yield database.inTransaction(c -> {
                    SaleRepository.SaleState state = lock(c, orgId, saleId, null);
                    SaleStateMachine.check(state.status(), target);
                    sales.updateStatus(c, saleId, target, clock.instant());
                    return changed(c, orgId, saleId, state.status(), target.name());
                });
            }
        };
    }

    private SaleHeader changed(java.sql.Connection c, String orgId, String saleId, SaleStatus before, String reported)
            throws java.sql.SQLException {
        SaleHeader after = sales.header(c, orgId, saleId).orElseThrow();
        for (SaleObserver observer : observers) {
            observer.statusChanged(c, orgId, after, before, reported);
        }
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

    private static byte[] writeBytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
