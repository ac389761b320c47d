import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.db.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Times two background jobs over N synthetic sales on a fresh H2 file database:
 * analytics-export (the five canonical CSV files for a whole year) and gdpr-shop-deletion of the whole
 * property. Sales are written with JDBC batches (the sale path is measured by SalesLoad.java); each has a
 * pizza with a topping (a modifier line), a drink, a service charge and a card payment.
 *
 *   java -Xmx1g -cp server/target/brigade-server.jar bench/JobsBench.java 100000
 */
public final class JobsBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("brigade-jobs-bench-");
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null);
        DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Bench Bistro");
        long t0 = System.nanoTime();
        load(database, ids, n);
        System.out.printf("loaded %,d sales in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String token = token(http, server.uri(), ids);
            String jobs = server.uri() + "/backoffice/v1/orgs/" + ids.orgId() + "/jobs";
            JsonNode export = run(http, token, jobs, Map.of("type", "analytics-export", "parameters",
                    Map.of("fromDate", "2026-01-01", "toDate", "2026-12-31")));
            System.out.printf("analytics-export: %s in %.1f s (%,.0f sales/s); files %s%n", export.get("result"),
                    seconds(export), n / seconds(export), export.get("files"));
            long size = 0;
            for (String f : new String[] {"sales.csv", "lines.csv", "charges.csv", "discounts.csv", "payments.csv"}) {
                size += http.send(HttpRequest.newBuilder(URI.create(jobs + "/" + export.get("jobId").asText()
                        + "/result/" + f)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body().length;
            }
            System.out.printf("  csv bytes: %,d; heap used now %,d MB%n", size,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            JsonNode gdpr = run(http, token, jobs, Map.of("type", "gdpr-shop-deletion", "parameters",
                    Map.of("propertyId", ids.propertyId())));
            System.out.printf("gdpr-shop-deletion: %s in %.1f s (%,.0f sales/s)%n", gdpr.get("result"),
                    seconds(gdpr), n / seconds(gdpr));
        }
    }

    private static double seconds(JsonNode job) {
        return (Instant.parse(job.get("finishedAt").asText()).toEpochMilli()
                - Instant.parse(job.get("startedAt").asText()).toEpochMilli()) / 1000.0;
    }

    private static JsonNode run(HttpClient http, String token, String jobs, Map<String, ?> body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(jobs))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.body());
        }
        String id = Json.mapper().readTree(r.body()).get("jobId").asText();
        while (true) {
            JsonNode job = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(jobs + "/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = job.get("status").asText();
            if (status.equals("completed")) {
                return job;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new IllegalStateException(job.toString());
            }
            Thread.sleep(200);
        }
    }

    private static String token(HttpClient http, URI base, DemoBootstrap.Result ids) throws Exception {
        String form = "grant_type=client_credentials&scope=api&client_id=" + URLEncoder.encode(ids.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(ids.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body()).get("access_token").asText();
    }

    private static void load(Database database, DemoBootstrap.Result ids, int n) {
        BigDecimal pizza = new BigDecimal("13.99");
        BigDecimal topping = new BigDecimal("1.50");
        BigDecimal drink = new BigDecimal("3.00");
        BigDecimal service = new BigDecimal("1.85");
        BigDecimal total = pizza.add(topping).add(drink).add(service);
        LocalDate start = LocalDate.of(2026, 1, 1);
        int batch = 1_000;
        for (int from = 0; from < n; from += batch) {
            int base = from;
            int to = Math.min(n, from + batch);
            database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO sales (sale_id, org_id, property_id, "
                        + "sales_channel_id, source, display_id, dispatch_type, date_time, business_date, created_at, "
                        + "menu_id, menu_revision_id, status, customer_name, customer_email, total_items, "
                        + "total_charges, total_discounts, total_refunds, total_sale_amount, total_paid_amount, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement items = c.prepareStatement("INSERT INTO sale_items (sale_id, line_no, "
                             + "parent_line_no, menu_item_id, quantity, unit_price) VALUES (?,?,?,?,?,?)");
                     PreparedStatement charges = c.prepareStatement("INSERT INTO sale_charges (sale_id, line_no, "
                             + "type, amount) VALUES (?,?,?,?)");
                     PreparedStatement payments = c.prepareStatement("INSERT INTO sale_payments (sale_id, line_no, "
                             + "type, payment_method, amount, paid_at) VALUES (?,?,?,?,?,?)")) {
                    for (int i = base; i < to; i++) {
                        String saleId = String.format("B%015d", i);
                        LocalDate day = start.plusDays(i % 365);
                        Instant at = day.atTime(12 + i % 9, i % 60).toInstant(ZoneOffset.UTC);
                        Sql.bind(s, saleId, ids.orgId(), ids.propertyId(), ids.salesChannelId(), "POS",
                                String.format("%04d", i % 10_000), "TakeAway", at, day, at, ids.menuId(), 1L,
                                "SALE_CREATED", "Guest " + i, "guest" + i + "@example.com",
                                pizza.add(topping).add(drink), service, BigDecimal.ZERO, BigDecimal.ZERO, total,
                                total, at);
                        s.addBatch();
                        Object[][] lines = {{1, null, ids.menuItemIds().get(1), pizza},
                            {2, 1, ids.modifierItemIds().get(0), topping}, {3, null, ids.menuItemIds().get(9), drink}};
                        for (Object[] l : lines) {
                            Sql.bind(items, saleId, l[0], l[1], l[2], 1, l[3]);
                            items.addBatch();
                        }
                        Sql.bind(charges, saleId, 1, "Service", service);
                        charges.addBatch();
                        Sql.bind(payments, saleId, 1, "Sale", "Credit", total, at);
                        payments.addBatch();
                    }
                    s.executeBatch();
                    items.executeBatch();
                    charges.executeBatch();
                    payments.executeBatch();
                }
                return null;
            });
        }
    }
}
