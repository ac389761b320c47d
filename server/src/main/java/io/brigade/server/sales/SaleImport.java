package io.brigade.server.sales;

import io.brigade.protocol.Problem;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.analytics.SaleRollups;
import io.brigade.server.cache.CacheVersionRepository;
import io.brigade.server.db.Database;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Problems;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Imports historical sales of one org (a chain bringing its history from an old POS, or a backfill).
 * Each sale is validated exactly as a live one ({@link SaleIntake}) and gets its ids the same way;
 * accepted sales are written with JDBC batches, {@code chunkSize} sales per transaction, and added to the
 * analytics rollups in that transaction. None of the live sale path's other steps runs: no webhooks, kitchen
 * tickets, stock moves or snooze checks for history. A refused sale is reported with its index and does not
 * stop the others.
 */
public final class SaleImport {
    /** Rejections listed in a summary; more are only counted. */
    static final int MAX_LISTED_REJECTIONS = 1_000;
    private static final String CANCELLED_REASON = "imported as cancelled";
    private static final int VALIDATORS = 4;

    private final Database database;
    private final OrgRepository orgs;
    private final SaleIntake intake;
    private final SaleRepository sales;
    private final SaleRollups rollups;
    private final CacheVersionRepository cacheVersions = new CacheVersionRepository();
    private final Clock clock;
    private final int chunkSize;

    public SaleImport(Database database, OrgRepository orgs, MenuService menus, SaleRepository sales,
                      SaleRollups rollups, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1");
        }
        this.database = database;
        this.orgs = orgs;
        this.intake = new SaleIntake(orgs, menus, new SaleIds(clock));
        this.sales = sales;
        this.rollups = rollups;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** One input sale: parsed, or the reason it could not be read (a malformed line). */
    public record Entry(long index, Sale sale, String unreadable) {
        public static Entry of(long index, Sale sale) {
            return new Entry(index, sale, null);
        }

        public static Entry unreadable(long index, String problem) {
            return new Entry(index, null, problem);
        }
    }

    /** A refused input sale: its index, the problem's status and detail, and the field errors if any. */
    public record Rejection(long index, int status, String detail, List<Problem.FieldError> errors) {
    }

    /** What an import did. {@code rejections} lists at most {@value #MAX_LISTED_REJECTIONS}; {@code rejected} counts all. */
    public record Summary(String orgId, long read, long imported, long cancelled, long rejected,
                          List<Rejection> rejections, double seconds) {
    }

    /** Reports progress after each committed chunk: the index of its last entry and the totals so far. */
    @FunctionalInterface
    public interface Progress {
        void committed(long lastIndex, long imported, long rejected);
    }

    /**
     * Imports every entry into org {@code orgId}. An unknown org answers 404 before anything is read. A
     * database failure stops the import: the chunks committed before it stay (progress says how far).
     */
    public Summary run(String orgId, Iterator<Entry> entries, Progress progress) {
        long start = System.nanoTime();
        if (orgId == null || database.read(c -> orgs.findOrg(c, orgId)).isEmpty()) {
            throw new NotFoundException("org " + orgId);
        }
        long read = 0;
        long imported = 0;
        long cancelled = 0;
        long rejected = 0;
        List<Rejection> rejections = new ArrayList<>();
        // The next chunk is read and validated while the previous one is written: validation is mostly round
        // trips to the database (a sale's channel and property), so its slices run on several connections.
        ExecutorService validators = Executors.newFixedThreadPool(VALIDATORS, daemon("import-validate"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("import-write"));
        try {
            Future<?> writing = null;
            while (entries.hasNext()) {
                List<Entry> chunk = new ArrayList<>(chunkSize);
                while (chunk.size() < chunkSize && entries.hasNext()) {
                    chunk.add(entries.next());
                }
                read += chunk.size();
                List<Rejection> refused = new ArrayList<>();
                List<SaleRecord> accepted = validateInSlices(validators, orgId, chunk, refused);
                await(writing);
                if (!accepted.isEmpty()) {
                    long importedBefore = imported;
                    long rejectedAfter = rejected + refused.size();
                    long last = chunk.get(chunk.size() - 1).index();
                    writing = writer.submit(() -> {
                        database.inTransaction(c -> {
                            write(c, orgId, accepted);
                            return null;
                        });
                        if (progress != null) {
                            progress.committed(last, importedBefore + accepted.size(), rejectedAfter);
                        }
                        return null;
                    });
                } else {
                    writing = null;
                    if (progress != null) {
                        progress.committed(chunk.get(chunk.size() - 1).index(), imported, rejected + refused.size());
                    }
                }
                imported += accepted.size();
                cancelled += accepted.stream().filter(r -> r.status() == SaleStatus.SALE_CANCELLED).count();
                rejected += refused.size();
                for (Rejection r : refused) {
                    if (rejections.size() < MAX_LISTED_REJECTIONS) {
                        rejections.add(r);
                    }
                }
            }
            await(writing);
        } finally {
            validators.shutdownNow();
            writer.shutdownNow();
        }
        return new Summary(orgId, read, imported, cancelled, rejected, List.copyOf(rejections),
                (System.nanoTime() - start) / 1e9);
    }

    /** Validates a chunk in up to {@link #VALIDATORS} slices at once; accepted sales keep the chunk's order. */
    private List<SaleRecord> validateInSlices(ExecutorService validators, String orgId, List<Entry> chunk,
                                              List<Rejection> refused) {
        int slices = Math.min(VALIDATORS, Math.max(1, chunk.size() / 100));
        int size = (chunk.size() + slices - 1) / slices;
        List<Future<List<SaleRecord>>> parts = new ArrayList<>();
        List<List<Rejection>> refusals = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += size) {
            List<Entry> slice = chunk.subList(from, Math.min(chunk.size(), from + size));
            List<Rejection> sliceRefused = new ArrayList<>();
            refusals.add(sliceRefused);
            parts.add(validators.submit(() -> database.read(c -> validate(c, orgId, slice, sliceRefused))));
        }
        List<SaleRecord> accepted = new ArrayList<>(chunk.size());
        for (Future<List<SaleRecord>> part : parts) {
            accepted.addAll(await(part));
        }
        refusals.forEach(refused::addAll);
        return accepted;
    }

    private static <T> T await(Future<T> future) {
        if (future == null) {
            return null;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private List<SaleRecord> validate(Connection c, String orgId, List<Entry> chunk, List<Rejection> refused)
            throws SQLException {
        Instant now = clock.instant();
        List<SaleRecord> accepted = new ArrayList<>(chunk.size());
        for (Entry entry : chunk) {
            if (entry.sale() == null) {
                refused.add(new Rejection(entry.index(), 400, entry.unreadable(), List.of()));
                continue;
            }
            try {
                accepted.add(accept(c, orgId, entry.sale(), now));
            } catch (DomainException e) {
                Problem p = Problems.of(e, null).problem();
                refused.add(new Rejection(entry.index(), p.status(), p.detail(),
                        p.errors() == null ? List.of() : p.errors()));
            }
        }
        return accepted;
    }

    private SaleRecord accept(Connection c, String orgId, Sale sale, Instant now) throws SQLException {
        // A live sale without a time happened now; a historical one must say when it happened.
        if (sale.requestedFulfillmentTime() == null) {
            throw InvalidInputException.unprocessable("requestedFulfillmentTime",
                    "is required for an imported sale: it is when the sale happened");
        }
        if (sale.requestedFulfillmentTime().isAfter(now)) {
            throw InvalidInputException.unprocessable("requestedFulfillmentTime",
                    "is in the future: only sales that already happened can be imported");
        }
        SaleRecord r = intake.validate(c, orgId, sale, now);
        // The sale's own status (server-owned on the live path) is kept: history arrives finished.
        SaleStatus status = sale.status() == null ? SaleStatus.SALE_CREATED : sale.status();
        return new SaleRecord(r.sale(), r.saleId(), r.orgId(), r.propertyId(), r.displayId(), r.menuRevisionId(),
                r.dateTime(), r.businessDate(), r.createdAt(), r.dispatchTime(), r.totals(), status);
    }

    private void write(Connection c, String orgId, List<SaleRecord> records) throws SQLException {
        sales.insertAll(c, records);
        for (SaleRecord r : records) {
            if (r.status() == SaleStatus.SALE_CANCELLED) {
                sales.cancel(c, r.saleId(), CANCELLED_REASON, null, r.createdAt());
            }
        }
        rollups.addImported(c, orgId, records);
        // Servers running beside the import serve no cached order list without these sales.
        cacheVersions.bump(c, List.of(orgId));
    }
}
