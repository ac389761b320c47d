import com.sun.net.httpserver.HttpServer;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.webhooks.SecretBox;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery benchmark, in one JVM (server, receiver and load share the machine):
 * 1. backlog drain: N sales are stored while the subscription is disabled (their deliveries wait), then
 *    it is re-enabled and the time until a local receiver answering 200 at once has all N gives
 *    deliveries per second;
 * 2. latency: sales paced at a fixed rate with the subscription enabled; for each sale, the time from its
 *    201 answer (the commit is acknowledged) to its delivery arriving at the receiver, p50/p99/max.
 * Usage: java -cp brigade-server.jar:classes WebhookLoad --db jdbc:h2:file:/tmp/x [--sales 10000]
 *        [--clients 16] [--rate 100] [--seconds 20] [--warmup 10]
 */
public final class WebhookLoad {
    private static final Pattern SALE_ID = Pattern.compile("\"saleId\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("db", "jdbc:h2:file:" + Files.createTempDirectory("whbench") + "/bench");
        int backlog = Integer.parseInt(o.getOrDefault("sales", "10000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/hook", ex -> {
            long now = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = SALE_ID.matcher(body);
            if (m.find()) {
                arrived.putIfAbsent(m.group(1), now);
            }
            deliveries.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();

        Database database = Database.open(url, o.get("db-user"), o.get("db-password"));
        BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(),
                new BrigadeServer.Options(true, SecretBox.random(), true)).start();
        DemoBootstrap.Result org = new DemoBootstrap(database, Clock.systemUTC()).run("Bench Bistro");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = server.uri().toString();
        String token = token(http, base, org);
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String created = send(http, base + "/webhooks/orgs/" + org.orgId() + "/subscriptions", token,
                "{\"callbackUrl\":\"" + hookUrl + "\",\"secret\":\"bench-secret-0123456789abcdef\","
                        + "\"eventTypes\":[\"sales.created.v1\"]}").body();
        String sub = created.replaceAll(".*\"subscriptionId\":\"([^\"]+)\".*", "$1");
        String subPath = base + "/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub;

        // Warm-up: paced sales with delivery on, not measured.
        paced(http, base, token, org, rate, warmup, arrived, new ArrayList<>());

        // 1. Backlog drain.
        send(http, subPath, token, "{\"enabled\":false}");
        System.out.printf("== storing %d sales with the subscription disabled (%d clients)%n", backlog, clients);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger left = new AtomicInteger(backlog);
        AtomicInteger failed = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    if (sale(http, base, token, org, Instant.now()).statusCode() != 201) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double storeSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("   stored in %.1f s (%.0f sales/s), %d failed%n", storeSecs, backlog / storeSecs, failed.get());
        int before = deliveries.get();
        long d0 = System.nanoTime();
        send(http, subPath, token, "{\"enabled\":true}");
        while (deliveries.get() - before < backlog - failed.get()) {
            Thread.sleep(5);
            if ((System.nanoTime() - d0) / 1e9 > 600) {
                throw new IllegalStateException("drain did not finish in 600 s: " + (deliveries.get() - before));
            }
        }
        double drainSecs = (System.nanoTime() - d0) / 1e9;
        double perSecond = (backlog - failed.get()) / drainSecs;
        System.out.printf("   drained %d deliveries in %.2f s: %.0f deliveries/s%n", backlog - failed.get(), drainSecs,
                perSecond);

        // 2. Commit-to-delivery latency, paced.
        System.out.printf("== paced sales at %d/s for %d s with delivery on%n", rate, seconds);
        List<long[]> acks = new ArrayList<>();
        paced(http, base, token, org, rate, seconds, arrived, acks);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && acks.stream().anyMatch(a -> !arrived.containsKey(id(a)))) {
            Thread.sleep(10);
        }
        double[] ms = acks.stream().filter(a -> arrived.containsKey(id(a)))
                .mapToDouble(a -> (arrived.get(id(a)) - a[1]) / 1e6).sorted().toArray();
        long missing = acks.stream().filter(a -> !arrived.containsKey(id(a))).count();
        System.out.printf("   %d sales, %d delivered, %d missing%n", acks.size(), ms.length, missing);
        System.out.printf("   201-to-delivery: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(ms, 50), pct(ms, 99),
                ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
        System.out.printf("RESULT {\"deliveriesPerSecond\":%.0f,\"drainSeconds\":%.2f,\"backlog\":%d,\"rate\":%d,"
                        + "\"latencyP50ms\":%.1f,\"latencyP99ms\":%.1f,\"latencyMaxms\":%.1f,\"missing\":%d}%n",
                perSecond, drainSecs, backlog - failed.get(), rate, pct(ms, 50), pct(ms, 99),
                ms.length == 0 ? Double.NaN : ms[ms.length - 1], missing);
        server.close();
        receiver.stop(0);
        System.exit(0);
    }

    private static final List<String> IDS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static String id(long[] ack) {
        return IDS.get((int) ack[0]);
    }

    private static void paced(HttpClient http, String base, String token, DemoBootstrap.Result org, int rate,
                              int seconds, Map<String, Long> arrived, List<long[]> acks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            futures.add(pool.submit(() -> {
                HttpResponse<String> r = sale(http, base, token, org, Instant.now());
                long acked = System.nanoTime();
                if (r.statusCode() == 201) {
                    Matcher m = SALE_ID.matcher(r.body());
                    if (m.find()) {
                        synchronized (acks) {
                            IDS.add(m.group(1));
                            acks.add(new long[] {IDS.size() - 1, acked});
                        }
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static HttpResponse<String> sale(HttpClient http, String base, String token, DemoBootstrap.Result org,
                                             Instant at) throws Exception {
        String item = org.menuItemIds().get(8);
        String body = "{\"salesChannelId\":\"" + org.salesChannelId() + "\",\"source\":\"POS\","
                + "\"requestedFulfillmentTime\":\"" + at + "\",\"desiredAsap\":true,\"dispatchType\":\"TakeAway\","
                + "\"menuId\":\"" + org.menuId() + "\",\"menuRevisionId\":\"" + org.menuRevisionId() + "\","
                + "\"items\":[{\"menuItemId\":\"" + item + "\",\"quantity\":1,\"unitPrice\":3.00,\"modifierItems\":[]}],"
                + "\"charges\":[],\"discounts\":[],\"payments\":[{\"type\":\"Sale\",\"paymentMethod\":\"Cash\","
                + "\"amount\":3.00,\"paidAt\":\"" + at + "\"}]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/salesManagement/orgs/" + org.orgId() + "/sales"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("x-idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static String token(HttpClient http, String base, DemoBootstrap.Result org) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + org.clientId() + "&client_secret="
                + java.net.URLEncoder.encode(org.clientSecret(), StandardCharsets.UTF_8) + "&scope=api";
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }
}
