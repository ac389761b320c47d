package io.brigade.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.db.Database;
import io.brigade.server.jobs.JobContext;
import io.brigade.server.jobs.JobHandler;
import io.brigade.server.jobs.PartStore;
import io.brigade.server.jobs.Params;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code analytics-export}: the canonical header + line model of the POS analytics guide ("Mapping to a
 * canonical schema") as five CSV files: {@code sales.csv} (one header row per sale),
 * {@code lines.csv} (one row per line, modifiers flattened recursively with their parent line),
 * {@code charges.csv}, {@code discounts.csv} and {@code payments.csv}. Item names and categories are
 * resolved against the sale's own menu revision. Filters: business dates, property, channel, channel
 * type. A rerun writes the files again from scratch (idempotent).
 */
public final class AnalyticsExportJob implements JobHandler {
    private static final long MAX_DAYS = 366;
    static final String[] SALE_COLUMNS = {"saleId", "externalId", "displayId", "propertyId", "salesChannelId",
        "salesChannelType", "dispatchType", "orderChannel", "status", "dateTime", "businessDate",
        "requestedFulfillmentTime", "guests", "menuId", "menuRevisionId", "paymentMethods", "discounts",
        "totalItems", "totalCharges", "totalDiscounts", "totalRefunds", "totalSaleAmount", "totalPaidAmount",
        "paymentMismatch", "cancelledAt", "cancellationReason"};
    static final String[] LINE_COLUMNS = {"saleId", "lineNo", "parentLineNo", "kind", "menuItemId", "itemName",
        "category", "quantity", "unitPrice", "lineAmount", "notes"};
    static final String[] CHARGE_COLUMNS = {"saleId", "lineNo", "type", "level", "itemId", "amount"};
    static final String[] DISCOUNT_COLUMNS = {"saleId", "lineNo", "type", "code", "amount"};
    static final String[] PAYMENT_COLUMNS = {"saleId", "lineNo", "type", "paymentMethod", "amount", "paidAt"};

    private final Database database;
    private final ExportRepository repository;
    private final MenuService menus;
    private final OrgRepository orgs;

    public AnalyticsExportJob(Database database, ExportRepository repository, MenuService menus, OrgRepository orgs) {
        this.database = database;
        this.repository = repository;
        this.menus = menus;
        this.orgs = orgs;
    }

    @Override
    public String type() {
        return "analytics-export";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of("fromDate", "toDate", "propertyId", "salesChannelId", "salesChannelType",
                "includeCancelled"));
        LocalDate from = p.date("fromDate", true);
        LocalDate to = p.date("toDate", true);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                p.error("toDate", "must not be before fromDate");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                p.error("toDate", "an export covers at most " + MAX_DAYS + " days");
            }
        }
        String propertyId = p.string("propertyId", false);
        if (propertyId != null && database.read(c -> orgs.findProperty(c, orgId, propertyId)).isEmpty()) {
            p.error("propertyId", "no property " + propertyId + " in this org");
        }
        String channelId = p.string("salesChannelId", false);
        if (channelId != null && database.read(c -> orgs.findChannel(c, orgId, channelId)).isEmpty()) {
            p.error("salesChannelId", "no sales channel " + channelId + " in this org");
        }
        String channelType = p.string("salesChannelType", false);
        if (channelType != null && !OrgService.CHANNEL_TYPES.contains(channelType)) {
            p.error("salesChannelType", "must be one of " + OrgService.CHANNEL_TYPES.stream().sorted().toList());
        }
        p.bool("includeCancelled");
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) throws IOException {
        JsonNode p = ctx.parameters();
        ExportRepository.Filter filter = new ExportRepository.Filter(ctx.orgId(),
                LocalDate.parse(p.get("fromDate").asText()), LocalDate.parse(p.get("toDate").asText()),
                text(p, "propertyId"), text(p, "salesChannelId"), text(p, "salesChannelType"),
                p.path("includeCancelled").asBoolean(true));
        try (CsvFiles files = new CsvFiles(ctx)) {
            return export(ctx, filter, files);
        }
    }

    /** What a reader hands the writer: sales with their names, the end of a unit, or a failure. */
    private record Batch(List<Named> sales, boolean last, Throwable failure) {
    }

    /** A sale and the names of its menu revision (null when the revision is gone). */
    private record Named(ExportRepository.SaleRows sale, CanonicalNames names) {
    }

    private static final int BATCH = 1_000;
    /**
     * Units read at once, each on a connection and a thread of its own: the export waited on one database
     * backend; a second one reads the next unit on the other core meanwhile.
     */
    private static final int READERS = 2;
    /**
     * About how many sales a unit of days holds: a small org's days are read several at once (a day of 270 sales
     * was ten queries and a transaction, which cost more than its rows), a big org's one at a time.
     */
    static final int UNIT_SALES = 5_000;
    private static final int UNIT_DAYS = 62;

    /** Days read as one, in the export's order, and the batches of their sales for the writer. */
    private record Unit(long number, LocalDate from, LocalDate to, BlockingQueue<Batch> queue) {
    }

    /**
     * Hands out the units in date order: one day at first, then as many days as the days read so far say hold
     * about {@link #UNIT_SALES} sales. The writer takes the units in the same order ({@link #written}).
     */
    private static final class Units {
        private final LocalDate to;
        private final BlockingQueue<Unit> written = new LinkedBlockingQueue<>();
        private LocalDate next;
        private long number;
        private long daysRead;
        private long salesRead;

        Units(LocalDate from, LocalDate to) {
            this.next = from;
            this.to = to;
        }

        synchronized Unit next() {
            if (next.isAfter(to)) {
                return null;
            }
            long days = daysRead == 0 ? 1
                    : Math.max(1, Math.min(UNIT_DAYS, UNIT_SALES * daysRead / Math.max(1, salesRead)));
            LocalDate last = next.plusDays(days - 1).isAfter(to) ? to : next.plusDays(days - 1);
            Unit unit = new Unit(number++, next, last, new ArrayBlockingQueue<>(8));
            next = last.plusDays(1);
            written.add(unit);
            return unit;
        }

        synchronized void read(Unit unit, int sales) {
            daysRead += ChronoUnit.DAYS.between(unit.from(), unit.to()) + 1;
            salesRead += sales;
        }
    }

    /**
     * Reads on threads of their own while this one writes: the database produces the next rows while the CSV and
     * gzip of the previous ones are written (each used to wait for the other), and the units are taken in their
     * order whichever reader read them. At most a few thousand sales per reader are between the two, so memory
     * stays flat.
     */
    private JsonNode export(JobContext ctx, ExportRepository.Filter filter, CsvFiles files) throws IOException {
        AtomicBoolean stopped = new AtomicBoolean();
        Units units = new Units(filter.from(), filter.to());
        List<Thread> readers = new ArrayList<>(READERS);
        for (int i = 0; i < READERS; i++) {
            Thread reader = new Thread(() -> read(ctx.orgId(), filter, units, stopped), "export-read-" + i);
            reader.setDaemon(true);
            readers.add(reader);
        }
        readers.forEach(Thread::start);
        int done = 0;
        long days = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
        try {
            for (LocalDate day = filter.from(); !day.isAfter(filter.to()); ) {
                Unit unit = take(units.written);
                for (Batch b = take(unit.queue()); ; b = take(unit.queue())) {
                    if (b.failure() != null) {
                        rethrow(b.failure());
                    }
                    for (Named n : b.sales()) {
                        write(files, n.names(), n.sale());
                    }
                    done += b.sales().size();
                    if (b.last()) {
                        break;
                    }
                }
                day = unit.to().plusDays(1);
                ctx.progress((int) (95 * ChronoUnit.DAYS.between(filter.from(), day) / days));
            }
        } finally {
            stopped.set(true);
            readers.forEach(Thread::interrupt);
        }
        files.counts[0] = done;
        files.store();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("sales", done);
        result.put("lines", files.counts[1]);
        result.put("charges", files.counts[2]);
        result.put("discounts", files.counts[3]);
        result.put("payments", files.counts[4]);
        return result;
    }

    /** Reads the next unit until there is none, each ended by a batch that says so. */
    private void read(String orgId, ExportRepository.Filter filter, Units units, AtomicBoolean stopped) {
        Map<String, CanonicalNames> namesByRevision = new HashMap<>();
        Unit unit = null;
        try {
            for (unit = units.next(); unit != null; unit = units.next()) {
                Unit u = unit;
                List<Named> batch = new ArrayList<>(BATCH);
                // A read that may lag (on the standby when there is one), in a transaction, so that PostgreSQL
                // streams each of the unit's results instead of sending it whole.
                int sales = database.readLagging(c -> {
                    try {
                        return repository.eachSaleIn(c, filter, u.from(), u.to(), 4 * UNIT_SALES, sale -> {
                            batch.add(new Named(sale, names(c, orgId, namesByRevision, sale.header())));
                            if (batch.size() == BATCH) {
                                put(u.queue(), new Batch(List.copyOf(batch), false, null), stopped);
                                batch.clear();
                            }
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                put(u.queue(), new Batch(List.copyOf(batch), true, null), stopped);
                units.read(u, sales);
            }
        } catch (Stopped e) {
            // the writer gave up first: nothing is waiting for more
        } catch (Throwable t) {
            if (unit != null) {
                try {
                    put(unit.queue(), new Batch(List.of(), false, t), stopped);
                } catch (Stopped ignored) {
                    // the writer gave up first
                }
            }
        }
    }

    private CanonicalNames names(java.sql.Connection c, String orgId, Map<String, CanonicalNames> namesByRevision,
                                 ExportRepository.Header h) {
        String key = h.menuId() + "/" + h.menuRevisionId();
        CanonicalNames names = namesByRevision.get(key);
        if (names == null && !namesByRevision.containsKey(key)) {
            try {
                Catalog catalog = menus.catalog(c, orgId, h.menuId(), h.menuRevisionId()).orElse(null);
                names = catalog == null ? null : new CanonicalNames(catalog);
            } catch (java.sql.SQLException e) {
                throw new io.brigade.server.db.DataAccessException(e);
            }
            namesByRevision.put(key, names);
        }
        return names;
    }

    /** The reader stops: the writer is gone. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stopped) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.brigade.server.jobs.JobStopped("the export was interrupted");
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Writes one sale and its child rows, counting each file's rows. */
    private void write(CsvFiles files, CanonicalNames names, ExportRepository.SaleRows sale) throws IOException {
        ExportRepository.Header h = sale.header();
        StringBuilder methods = files.methods;
        methods.setLength(0);
        for (ExportRepository.Entry e : sale.payments()) {
            if ("Sale".equals(e.type()) && e.extra() != null && !contains(methods, e.extra())) {
                methods.append(methods.isEmpty() ? "" : ";").append(e.extra());
            }
        }
        StringBuilder discounts = files.discountCodes;
        discounts.setLength(0);
        for (ExportRepository.Entry e : sale.discounts()) {
            if (!discounts.isEmpty()) {
                discounts.append(';');
            }
            discounts.append(e.type());
            if (e.extra() != null) {
                discounts.append(':').append(e.extra());
            }
        }
        CsvWriter w = files.sales;
        w.text(h.saleId());
        w.text(h.externalId());
        w.text(h.displayId());
        w.text(h.propertyId());
        w.text(h.salesChannelId());
        w.text(h.salesChannelType());
        w.text(h.dispatchType());
        w.text(orderChannel(h.dispatchType()));
        w.text(h.status());
        w.instant(h.dateTime());
        w.date(h.businessDate());
        w.instant(h.requestedFulfillmentTime());
        w.integer(h.guests());
        w.text(h.menuId());
        w.integer(h.menuRevisionId());
        w.text(methods);
        w.text(discounts);
        w.money(h.totalItems());
        w.money(h.totalCharges());
        w.money(h.totalDiscounts());
        w.money(h.totalRefunds());
        w.money(h.totalSaleAmount());
        w.money(h.totalPaidAmount());
        w.money(h.paymentMismatch());
        w.instant(h.cancelledAt());
        w.text(h.cancellationReason());
        w.end();
        w = files.lines;
        for (ExportRepository.Line l : sale.lines()) {
            CanonicalNames.Name name = names == null ? UNKNOWN : names.of(l.menuItemId());
            w.text(l.saleId());
            w.integer(l.lineNo());
            w.integer(l.parentLineNo());
            w.text(l.parentLineNo() == null ? "item" : "modifier");
            w.text(l.menuItemId());
            w.text(name.name());
            w.text(name.category());
            w.integer(l.quantity());
            w.money(l.unitPrice());
            w.moneyTimes(l.unitPrice(), l.quantity());
            w.text(l.notes());
            w.end();
        }
        w = files.charges;
        for (ExportRepository.Entry e : sale.charges()) {
            w.text(e.saleId());
            w.integer(e.lineNo());
            w.text(e.type());
            w.text(e.extra() == null ? "sale" : "line");
            w.text(e.extra());
            w.money(e.amount());
            w.end();
        }
        w = files.discounts;
        for (ExportRepository.Entry e : sale.discounts()) {
            w.text(e.saleId());
            w.integer(e.lineNo());
            w.text(e.type());
            w.text(e.extra());
            w.money(e.amount());
            w.end();
        }
        w = files.payments;
        for (ExportRepository.Entry e : sale.payments()) {
            w.text(e.saleId());
            w.integer(e.lineNo());
            w.text(e.type());
            w.text(e.extra());
            w.money(e.amount());
            w.instant(e.at());
            w.end();
        }
        files.counts[1] += sale.lines().size();
        files.counts[2] += sale.charges().size();
        files.counts[3] += sale.discounts().size();
        files.counts[4] += sale.payments().size();
    }

    private static final CanonicalNames.Name UNKNOWN = new CanonicalNames.Name("", "", "unknown");

    /** Whether {@code value} is one of the {@code ;}-separated parts of {@code joined}. */
    static boolean contains(StringBuilder joined, String value) {
        int n = value.length();
        if (n == 0) { // as String.split answers it (trailing empty parts dropped)
            for (String part : joined.toString().split(";")) {
                if (part.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
        for (int start = 0; start <= joined.length(); ) {
            int end = joined.indexOf(";", start);
            if (end < 0) {
                end = joined.length();
            }
            if (end - start == n && joined.indexOf(value, start) == start) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * The five CSV files being written, gzip-compressed as they are written: a year of a busy chain is gigabytes
     * of CSV, which must sit neither in the heap nor in one database value. Each file's gzip stream is stored in
     * parts while the export runs ({@link PartStore}, on a thread of its own), the last part when it completes.
     */
    private static final class CsvFiles implements AutoCloseable {
        static final String[] NAMES = {"sales.csv", "lines.csv", "charges.csv", "discounts.csv", "payments.csv"};
        final int[] counts = new int[5];
        final StringBuilder methods = new StringBuilder();
        final StringBuilder discountCodes = new StringBuilder();
        private final PartStore store;
        private final PartStore.File[] stored = new PartStore.File[5];
        final CsvWriter sales;
        final CsvWriter lines;
        final CsvWriter charges;
        final CsvWriter discounts;
        final CsvWriter payments;

        CsvFiles(JobContext ctx) throws IOException {
            store = ctx.partStore();
            try {
                for (int i = 0; i < NAMES.length; i++) {
                    stored[i] = store.file(NAMES[i], "text/csv; charset=utf-8");
                }
                sales = CsvWriter.gzip(stored[0], SALE_COLUMNS);
                lines = CsvWriter.gzip(stored[1], LINE_COLUMNS);
                charges = CsvWriter.gzip(stored[2], CHARGE_COLUMNS);
                discounts = CsvWriter.gzip(stored[3], DISCOUNT_COLUMNS);
                payments = CsvWriter.gzip(stored[4], PAYMENT_COLUMNS);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }

        /** Ends each file's gzip stream and stores its last part; the files are then listed with their rows. */
        void store() throws IOException {
            CsvWriter[] writers = {sales, lines, charges, discounts, payments};
            for (int i = 0; i < NAMES.length; i++) {
                writers[i].close();
                stored[i].complete(counts[i]);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                for (CsvWriter w : new CsvWriter[] {sales, lines, charges, discounts, payments}) {
                    w.close();
                }
            } finally {
                store.close();
            }
        }
    }

    /** The guide's order channel: DineIn, Takeaway or Delivery, with Collection counted as Takeaway. */
    static String orderChannel(String dispatchType) {
        return switch (dispatchType) {
            case "DineIn" -> "DineIn";
            case "Delivery" -> "Delivery";
            default -> "Takeaway";
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
