package io.brigade.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.CsvText;
import io.brigade.server.db.Database;
import io.brigade.server.jobs.JobContext;
import io.brigade.server.jobs.JobHandler;
import io.brigade.server.jobs.Params;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code analytics-export}: the canonical header + line model of the POS analytics guide ("Mapping to a
 * canonical schema") as five CSV files: {@code sales.csv} (one header row per sale),
 * {@code lines.csv} (one row per line, modifiers flattened recursively with their parent line),
 * {@code charges.csv}, {@code discounts.csv} and {@code payments.csv}. Item names and categories are
 * resolved against the sale's own menu revision. Filters: business dates, property, channel, channel
 * type. A rerun writes the files again from scratch (idempotent).
 */
public final class AnalyticsExportJob implements JobHandler {
    private static final int BATCH = 500;
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
        try (CsvFiles files = new CsvFiles()) {
            return export(ctx, filter, files);
        }
    }

    private JsonNode export(JobContext ctx, ExportRepository.Filter filter, CsvFiles files) throws IOException {
        Map<String, CanonicalNames> namesByRevision = new HashMap<>();
        int done = 0;
        long days = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            LocalDate d = day;
            List<ExportRepository.Header> daySales = database.read(c -> repository.salesOn(c, filter, d));
            for (int i = 0; i < daySales.size(); i += BATCH) {
                List<ExportRepository.Header> batch = daySales.subList(i, Math.min(daySales.size(), i + BATCH));
                write(ctx, files, namesByRevision, batch);
                done += batch.size();
            }
            ctx.progress((int) (95 * (ChronoUnit.DAYS.between(filter.from(), d) + 1) / days));
        }
        files.counts[0] = done;
        files.store(ctx);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("sales", done);
        result.put("lines", files.counts[1]);
        result.put("charges", files.counts[2]);
        result.put("discounts", files.counts[3]);
        result.put("payments", files.counts[4]);
        return result;
    }

    /** Writes one batch of sales and their child rows, counting each file's rows. */
    private void write(JobContext ctx, CsvFiles files, Map<String, CanonicalNames> namesByRevision,
                      List<ExportRepository.Header> batch) throws IOException {
        List<String> ids = batch.stream().map(ExportRepository.Header::saleId).toList();
        Batch b = database.read(c -> {
            Map<String, CanonicalNames> names = new HashMap<>();
            for (ExportRepository.Header h : batch) {
                String key = h.menuId() + "/" + h.menuRevisionId();
                CanonicalNames n = namesByRevision.get(key);
                if (n == null) {
                    Catalog catalog = menus.catalog(c, ctx.orgId(), h.menuId(), h.menuRevisionId()).orElse(null);
                    n = catalog == null ? null : new CanonicalNames(catalog);
                    if (n != null) {
                        namesByRevision.put(key, n);
                    }
                }
                if (n != null) {
                    names.put(h.saleId(), n);
                }
            }
            return new Batch(repository.lines(c, ids), repository.charges(c, ids), repository.discounts(c, ids),
                    repository.payments(c, ids), names);
        });
        Map<String, List<ExportRepository.Entry>> paymentsBySale = group(b.payments());
        Map<String, List<ExportRepository.Entry>> discountsBySale = group(b.discounts());
        for (ExportRepository.Header h : batch) {
            files.sales.printRecord(CsvText.cells(h.saleId(), h.externalId(), h.displayId(), h.propertyId(),
                    h.salesChannelId(), h.salesChannelType(), h.dispatchType(), orderChannel(h.dispatchType()),
                    h.status(), h.dateTime(), h.businessDate(), h.requestedFulfillmentTime(), h.guests(), h.menuId(),
                    h.menuRevisionId(),
                    paymentsBySale.getOrDefault(h.saleId(), List.of()).stream()
                            .filter(e -> "Sale".equals(e.type())).map(ExportRepository.Entry::extra).distinct()
                            .collect(Collectors.joining(";")),
                    discountsBySale.getOrDefault(h.saleId(), List.of()).stream()
                            .map(e -> e.extra() == null ? e.type() : e.type() + ":" + e.extra())
                            .collect(Collectors.joining(";")),
                    h.totalItems(), h.totalCharges(), h.totalDiscounts(), h.totalRefunds(), h.totalSaleAmount(),
                    h.totalPaidAmount(), h.paymentMismatch(), h.cancelledAt(), h.cancellationReason()));
        }
        for (ExportRepository.Line l : b.lines()) {
            CanonicalNames names = b.names().get(l.saleId());
            CanonicalNames.Name name = names == null ? new CanonicalNames.Name("", "", "unknown")
                    : names.of(l.menuItemId());
            String kind = l.parentLineNo() == null ? "item" : "modifier";
            files.lines.printRecord(CsvText.cells(l.saleId(), l.lineNo(), l.parentLineNo(), kind, l.menuItemId(),
                    name.name(), name.category(), l.quantity(), l.unitPrice(),
                    l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())), l.notes()));
        }
        for (ExportRepository.Entry e : b.charges()) {
            files.charges.printRecord(CsvText.cells(e.saleId(), e.lineNo(), e.type(),
                    e.extra() == null ? "sale" : "line", e.extra(), e.amount()));
        }
        for (ExportRepository.Entry e : b.discounts()) {
            files.discounts.printRecord(CsvText.cells(e.saleId(), e.lineNo(), e.type(), e.extra(), e.amount()));
        }
        for (ExportRepository.Entry e : b.payments()) {
            files.payments.printRecord(CsvText.cells(e.saleId(), e.lineNo(), e.type(), e.extra(), e.amount(),
                    e.at()));
        }
        files.counts[1] += b.lines().size();
        files.counts[2] += b.charges().size();
        files.counts[3] += b.discounts().size();
        files.counts[4] += b.payments().size();
    }

    /** One batch's child rows and the names for its sales. */
    private record Batch(List<ExportRepository.Line> lines, List<ExportRepository.Entry> charges,
                         List<ExportRepository.Entry> discounts, List<ExportRepository.Entry> payments,
                         Map<String, CanonicalNames> names) {
    }

    /**
     * The five CSV files being written, on disk: a year of a busy chain is hundreds of megabytes, which
     * must not sit in the heap. They are streamed into the database when complete and deleted after.
     */
    private static final class CsvFiles implements AutoCloseable {
        static final String[] NAMES = {"sales.csv", "lines.csv", "charges.csv", "discounts.csv", "payments.csv"};
        final Path[] paths = new Path[5];
        final int[] counts = new int[5];
        final CSVPrinter sales;
        final CSVPrinter lines;
        final CSVPrinter charges;
        final CSVPrinter discounts;
        final CSVPrinter payments;

        CsvFiles() throws IOException {
            for (int i = 0; i < paths.length; i++) {
                paths[i] = Files.createTempFile("brigade-export-", "-" + NAMES[i]);
            }
            sales = printer(paths[0], SALE_COLUMNS);
            lines = printer(paths[1], LINE_COLUMNS);
            charges = printer(paths[2], CHARGE_COLUMNS);
            discounts = printer(paths[3], DISCOUNT_COLUMNS);
            payments = printer(paths[4], PAYMENT_COLUMNS);
        }

        void store(JobContext ctx) throws IOException {
            CSVPrinter[] printers = {sales, lines, charges, discounts, payments};
            for (int i = 0; i < NAMES.length; i++) {
                printers[i].close();
                ctx.putFile(NAMES[i], "text/csv; charset=utf-8", paths[i], counts[i]);
            }
        }

        private static CSVPrinter printer(Path file, String[] header) throws IOException {
            return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header).get());
        }

        @Override
        public void close() throws IOException {
            for (CSVPrinter p : new CSVPrinter[] {sales, lines, charges, discounts, payments}) {
                p.close();
            }
            for (Path p : paths) {
                Files.deleteIfExists(p);
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

    private static Map<String, List<ExportRepository.Entry>> group(List<ExportRepository.Entry> entries) {
        Map<String, List<ExportRepository.Entry>> out = new LinkedHashMap<>();
        entries.forEach(e -> out.computeIfAbsent(e.saleId(), k -> new java.util.ArrayList<>()).add(e));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
