import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The X and Z report of a store day of N sales. Bootstraps a demo org on DB_URL, starts the real server in this
 * JVM, opens two shifts, pushes N sales of one business day (yesterday, in the store's zone) over HTTP through the
 * sale path (cash, card and split, a few discounts, dine-in covers, modifiers, 3 % cancelled), closes the shifts,
 * warms up with X reports of that day for WARMUP seconds (default 40), then times RUNS X reports (each reads and
 * sums the whole day, as a Z does) and the one Z report.
 *
 * java -cp server/target/brigade-server.jar bench/ZReportBench.java DB_URL [N] [RUNS]
 */
public class ZReportBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "40"));

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Clock clock = Clock.systemUTC();
        Database database = Database.open(url, null, null);
        DemoBootstrap.Result ids = new DemoBootstrap(database, clock).run("Z Bench Bistro");
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE staff SET pin_change_required = FALSE WHERE org_id = ?")) {
                ps.setString(1, ids.orgId());
                return ps.executeUpdate();
            }
        });
        BrigadeServer server = BrigadeServer.create(0, database, clock).start();
        try {
            String token = token(server.uri(), ids);
            String store = "/backoffice/v1/orgs/" + ids.orgId() + "/properties/" + ids.propertyId();
            ZoneId zone = ZoneId.of("Europe/Dublin");
            LocalDate day = LocalDate.now(zone).minusDays(1);
            Instant opening = day.atTime(9, 0).atZone(zone).toInstant();
            String[] shifts = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
            for (int s = 0; s < 2; s++) {
                post(server.uri(), token, store + "/shifts", Map.of("shiftId", shifts[s], "terminal", "Till " + (s + 1),
                        "openingFloat", new BigDecimal("150.00"), "openedAt", opening.toString()), 201);
            }
            long start = System.nanoTime();
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed * 7919L + 11);
                    long i;
                    while ((i = next.getAndIncrement()) < n) {
                        Instant at = opening.plusSeconds(i * 13 * 3600 / n);
                        Map<String, Object> sale = sale(random, ids, shifts[(int) (i % 2)], "Till " + (i % 2 + 1), at);
                        String body = post(server.uri(), token, "/salesManagement/orgs/" + ids.orgId() + "/sales", sale,
                                201, "x-idempotency-key", UUID.randomUUID().toString());
                        if (random.nextInt(100) < 3) {
                            String saleId = Json.mapper().readTree(body).get("saleId").asText();
                            post(server.uri(), token, "/salesManagement/orgs/" + ids.orgId() + "/sales/" + saleId
                                    + "/cancel", Map.of("cancellationReason", "bench"), 200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("pushed %,d sales of %s in %.1f s%n", n, day, (System.nanoTime() - start) / 1e9);
            for (int s = 0; s < 2; s++) {
                post(server.uri(), token, store + "/shifts/" + shifts[s] + "/close", Map.of("countedCash",
                        new BigDecimal("100.00"), "closedAt", day.atTime(23, 0).atZone(zone).toInstant().toString()),
                        200);
            }
            String x = store + "/x-report?businessDate=" + day;
            long warmEnd = System.nanoTime() + WARMUP * 1_000_000_000L;
            int warm = 0;
            while (System.nanoTime() < warmEnd) {
                get(server.uri(), token, x);
                warm++;
            }
            double[] ms = new double[runs];
            JsonNode report = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                report = Json.mapper().readTree(get(server.uri(), token, x));
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            long t0 = System.nanoTime();
            String z = post(server.uri(), token, store + "/z-reports", Map.of("businessDate", day.toString()), 201);
            double zMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf("day of %,d checks, net %s, %d VAT rates, %d categories, %d hours; warm-up %d X reports in %d s%n",
                    report.get("checks").asInt(), report.get("netSales").asText(), report.get("vatRates").size(),
                    report.get("categories").size(), report.get("hours").size(), warm, WARMUP);
            System.out.printf("X report over HTTP, %d runs: min %.0f ms, median %.0f ms, max %.0f ms%n", runs, ms[0],
                    ms[runs / 2], ms[runs - 1]);
            System.out.printf("Z report (numbered, stored) over HTTP: %.0f ms (Z %s)%n", zMs,
                    Json.mapper().readTree(z).get("zNumber").asText());
        } finally {
            server.close();
        }
    }

    static Map<String, Object> sale(SplittableRandom random, DemoBootstrap.Result ids, String shift, String till,
                                    Instant at) {
        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int lines = 1 + random.nextInt(4);
        for (int l = 0; l < lines; l++) {
            // Pizzas (0-3) and drinks (8-11): a burger needs its side chosen.
            int[] plain = {0, 1, 2, 3, 8, 9, 10, 11};
            String item = ids.menuItemIds().get(plain[random.nextInt(plain.length)]);
            int q = 1 + random.nextInt(2);
            BigDecimal price = BigDecimal.valueOf(250 + random.nextInt(1200), 2);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("menuItemId", item);
            line.put("quantity", q);
            line.put("unitPrice", price);
            line.put("modifierItems", List.of());
            items.add(line);
            total = total.add(price.multiply(BigDecimal.valueOf(q)));
        }
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("salesChannelId", ids.salesChannelId());
        sale.put("source", "POS");
        sale.put("requestedFulfillmentTime", at.toString());
        boolean dineIn = random.nextBoolean();
        sale.put("dispatchType", dineIn ? "DineIn" : "TakeAway");
        if (dineIn) {
            sale.put("dineIn", Map.of("tableId", Integer.toString(1 + random.nextInt(20)), "guests", 1 + random.nextInt(4)));
        }
        sale.put("menuId", ids.menuId());
        sale.put("menuRevisionId", ids.menuRevisionId());
        sale.put("items", items);
        List<Map<String, Object>> discounts = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            // Within the store's default limits (20 %, 10.00), so no manager is asked.
            BigDecimal off = total.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.DOWN)
                    .min(new BigDecimal("9.00"));
            discounts.add(Map.of("type", "Spot", "amount", off));
            total = total.subtract(off);
        }
        sale.put("discounts", discounts);
        sale.put("charges", List.of());
        List<Map<String, Object>> payments = new ArrayList<>();
        int kind = random.nextInt(3);
        if (kind == 2 && total.compareTo(BigDecimal.ONE) > 0) {
            payments.add(payment("Cash", BigDecimal.ONE, at));
            payments.add(payment("Credit", total.subtract(BigDecimal.ONE), at));
        } else {
            payments.add(payment(kind == 0 ? "Cash" : "Credit", total, at));
        }
        sale.put("payments", payments);
        sale.put("metadata", "{\"posTerminal\":\"" + till + "\",\"shiftId\":\"" + shift + "\",\"staffName\":\"Bench\"}");
        return sale;
    }

    static Map<String, Object> payment(String method, BigDecimal amount, Instant at) {
        return Map.of("type", "Sale", "paymentMethod", method, "amount", amount, "paidAt", at.toString());
    }

    static String token(URI base, DemoBootstrap.Result ids) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(ids.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(ids.clientSecret(), StandardCharsets.UTF_8) + "&scope=api";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body()).get("access_token").asText();
    }

    static String post(URI base, String token, String path, Object body, int expected, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String get(URI base, String token, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
