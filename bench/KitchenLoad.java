import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.webhooks.SecretBox;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kitchen display latency, in one JVM (server, kitchen stream client and load share the machine): sales paced at
 * a fixed rate over v3 (--mode sale), or a check's rounds fired through POST .../kitchen/rounds as a till's Send
 * does (--mode fire: three lines each, for the pizza, grill and bar stations); a kitchen client reads
 * GET /backoffice/v1/orgs/{org}/kitchen/stream (server-sent events, as the desktop does) and notes when each
 * ticket-created event arrives. For each sale or round:
 * send-to-ticket (from the moment the POST is sent, so it includes the commit: an upper bound of
 * commit-to-ticket) and 201-to-ticket (from the acknowledged commit; negative when the ticket beat the 201 back).
 * With --nodes 2 the stream is read from a second server node on the same database, so tickets arrive by
 * polling (brigade.kitchen.pollMillis) rather than by the local wake-up.
 * Usage: java -cp brigade-server.jar:classes KitchenLoad --db jdbc:h2:file:/tmp/x [--rate 20] [--seconds 30]
 *        [--warmup 40] [--nodes 1|2] [--mode sale|fire]
 */
public final class KitchenLoad {
    private static final Pattern SALE_ID = Pattern.compile("\"saleId\":\"([^\"]+)\"");
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final java.util.concurrent.atomic.AtomicLong ROUNDS = new java.util.concurrent.atomic.AtomicLong();
    private static boolean fire;
    private static boolean check;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("db", "jdbc:h2:file:" + Files.createTempDirectory("kbench") + "/bench");
        int rate = Integer.parseInt(o.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "40"));
        fire = "fire".equals(o.getOrDefault("mode", "sale"));
        check = "check".equals(o.getOrDefault("mode", "sale"));
        int nodes = Integer.parseInt(o.getOrDefault("nodes", "1"));

        Database database = Database.open(url, o.get("db-user"), o.get("db-password"));
        BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(),
                new BrigadeServer.Options(false, SecretBox.random(), true)).start();
        BrigadeServer reader = server;
        if (nodes == 2) {
            Database second = Database.open(url, o.get("db-user"), o.get("db-password"));
            reader = BrigadeServer.create(0, second, Clock.systemUTC(),
                    new BrigadeServer.Options(false, SecretBox.random(), true)).start();
        }
        DemoBootstrap demo = new DemoBootstrap(database, Clock.systemUTC());
        DemoBootstrap.Result org = demo.run("Kitchen Bench");
        demo.addDemoStaff(org.orgId());
        demo.addDemoStations(org);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = server.uri().toString();
        String token = token(http, base, org);
        String staff = http.send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orgId\":\"" + org.orgId() + "\",\"pin\":\"2222\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(reader.uri()
                        + "/backoffice/v1/orgs/" + org.orgId() + "/kitchen/stream?propertyId=" + org.propertyId()))
                .header("Authorization", "Bearer " + staff).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + stream.statusCode());
        }
        Thread listener = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean created = false;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        created = line.contains("ticket-created");
                    } else if (created && line.startsWith("data:")) {
                        long now = System.nanoTime();
                        Matcher m = TICKET_ID.matcher(line);
                        if (m.find()) {
                            arrived.putIfAbsent(m.group(1), now);
                        }
                    }
                }
            } catch (Exception e) {
                // the run is over
            }
        }, "kitchen-stream-reader");
        listener.setDaemon(true);
        listener.start();

        String what = check ? "check sends" : fire ? "rounds" : "sales";
        System.out.printf("== warm-up: %d %s/s for %d s%n", rate, what, warmup);
        paced(http, base, token, org, rate, warmup, new ArrayList<>());
        System.out.printf("== measuring: %d %s/s for %d s, stream read from node %d of %d%n", rate, what, seconds,
                nodes, nodes);
        List<long[]> sales = new ArrayList<>();
        List<String> ids = paced(http, base, token, org, rate, seconds, sales);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && ids.stream().anyMatch(id -> !arrived.containsKey(id))) {
            Thread.sleep(10);
        }
        List<Double> fromSend = new ArrayList<>();
        List<Double> fromAck = new ArrayList<>();
        long missing = 0;
        for (int i = 0; i < ids.size(); i++) {
            Long at = arrived.get(ids.get(i));
            if (at == null) {
                missing++;
                continue;
            }
            fromSend.add((at - sales.get(i)[0]) / 1e6);
            fromAck.add((at - sales.get(i)[1]) / 1e6);
        }
        double[] s = fromSend.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] a = fromAck.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("   %d %s, %d tickets arrived, %d missing%n", ids.size(), what, s.length, missing);
        System.out.printf("   send-to-ticket: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(s, 50), pct(s, 99), max(s));
        System.out.printf("   201-to-ticket:  p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(a, 50), pct(a, 99), max(a));
        System.out.printf("RESULT {\"mode\":\"%s\",\"rate\":%d,\"nodes\":%d,\"sent\":%d,\"missing\":%d,\"sendToTicketP50ms\":%.1f,"
                        + "\"sendToTicketP99ms\":%.1f,\"ackToTicketP50ms\":%.1f,\"ackToTicketP99ms\":%.1f}%n",
                check ? "check" : fire ? "fire" : "sale", rate, nodes, ids.size(), missing, pct(s, 50), pct(s, 99), pct(a, 50), pct(a, 99));
        if (reader != server) {
            reader.close();
        }
        server.close();
        System.exit(0);
    }

    /** Paced sales; for each: [sent nanos, 201 nanos], in the order of the returned sale ids. */
    private static List<String> paced(HttpClient http, String base, String token, DemoBootstrap.Result org, int rate,
                                      int seconds, List<long[]> times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        List<Future<Object[]>> futures = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            futures.add(pool.submit(() -> {
                String checkId = check ? checkWithLines(http, base, token, org) : null;
                long sent = System.nanoTime();
                HttpResponse<String> r = check ? checkOperation(http, base, token, org, checkId,
                        "{\"type\":\"send\",\"operationId\":\"" + UUID.randomUUID() + "\",\"at\":\""
                                + Instant.now() + "\"}")
                        : fire ? round(http, base, token, org, Instant.now())
                        : sale(http, base, token, org, Instant.now());
                long acked = System.nanoTime();
                Matcher m = (fire || check ? TICKET_ID : SALE_ID).matcher(r.body());
                return r.statusCode() == 201 && m.find() ? new Object[] {m.group(1), new long[] {sent, acked}} : null;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Object[]> f : futures) {
            Object[] r = f.get();
            if (r != null) {
                ids.add((String) r[0]);
                times.add((long[]) r[1]);
            }
        }
        pool.shutdown();
        return ids;
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    private static HttpResponse<String> sale(HttpClient http, String base, String token, DemoBootstrap.Result org,
                                             Instant at) throws Exception {
        String item = org.menuItemIds().get(8);
        String body = "{\"salesChannelId\":\"" + org.salesChannelId() + "\",\"source\":\"POS\","
                + "\"requestedFulfillmentTime\":\"" + at + "\",\"desiredAsap\":true,\"dispatchType\":\"DineIn\","
                + "\"dineIn\":{\"tableId\":\"4\",\"guests\":2},"
                + "\"menuId\":\"" + org.menuId() + "\",\"menuRevisionId\":\"" + org.menuRevisionId() + "\","
                + "\"items\":[{\"menuItemId\":\"" + item + "\",\"quantity\":1,\"unitPrice\":3.00,\"modifierItems\":[]}],"
                + "\"charges\":[],\"discounts\":[],\"payments\":[{\"type\":\"Sale\",\"paymentMethod\":\"Cash\","
                + "\"amount\":3.00,\"paidAt\":\"" + at + "\"}]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/salesManagement/orgs/" + org.orgId() + "/sales"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("x-idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A check's round of three lines (a pizza, a burger, a drink), as a till's Send fires it. */
    private static HttpResponse<String> round(HttpClient http, String base, String token, DemoBootstrap.Result org,
                                              Instant at) throws Exception {
        long n = ROUNDS.incrementAndGet();
        List<String> items = org.menuItemIds();
        String body = "{\"operationId\":\"" + UUID.randomUUID() + "\",\"propertyId\":\"" + org.propertyId()
                + "\",\"checkId\":\"bench-" + n + "\",\"table\":\"" + (n % 60 + 1) + "\",\"guests\":2,"
                + "\"round\":1,\"course\":1,\"sentAt\":\"" + at + "\",\"menuId\":\"" + org.menuId()
                + "\",\"menuRevisionId\":\"" + org.menuRevisionId() + "\",\"lines\":["
                + "{\"lineId\":\"a\",\"menuItemId\":\"" + items.get(0) + "\",\"quantity\":1},"
                + "{\"lineId\":\"b\",\"menuItemId\":\"" + items.get(4) + "\",\"quantity\":1,\"modifierItems\":"
                + "[{\"menuItemId\":\"" + org.modifierItemIds().get(4) + "\",\"quantity\":1}]},"
                + "{\"lineId\":\"c\",\"menuItemId\":\"" + items.get(8) + "\",\"quantity\":2}]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId()
                        + "/kitchen/rounds")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A table's check with a round not yet sent (a pizza, a burger with fries, two drinks), as a till has it just
     * before Send: open, then add. Not timed; its id.
     */
    private static String checkWithLines(HttpClient http, String base, String token, DemoBootstrap.Result org)
            throws Exception {
        long n = ROUNDS.incrementAndGet();
        String checkId = "bench-" + UUID.randomUUID();
        List<String> items = org.menuItemIds();
        checkOperation(http, base, token, org, checkId, "{\"type\":\"open\",\"operationId\":\"" + UUID.randomUUID()
                + "\",\"propertyId\":\"" + org.propertyId() + "\",\"salesChannelId\":\"" + org.salesChannelId()
                + "\",\"table\":\"" + (n % 60 + 1) + "\",\"guests\":2,\"menuId\":\"" + org.menuId()
                + "\",\"menuRevisionId\":\"" + org.menuRevisionId() + "\"}");
        HttpResponse<String> added = checkOperation(http, base, token, org, checkId, "{\"type\":\"add\","
                + "\"operationId\":\"" + UUID.randomUUID() + "\",\"lines\":["
                + "{\"lineId\":\"a\",\"menuItemId\":\"" + items.get(0) + "\",\"quantity\":1,\"unitPrice\":11.50},"
                + "{\"lineId\":\"b\",\"menuItemId\":\"" + items.get(4) + "\",\"quantity\":1,\"unitPrice\":12.00,"
                + "\"modifierItems\":[{\"menuItemId\":\"" + org.modifierItemIds().get(4)
                + "\",\"quantity\":1,\"unitPrice\":0.00}]},"
                + "{\"lineId\":\"c\",\"menuItemId\":\"" + items.get(8) + "\",\"quantity\":2,\"unitPrice\":2.50}]}");
        if (added.statusCode() != 201) {
            throw new IllegalStateException("add answered " + added.statusCode() + ": " + added.body());
        }
        return checkId;
    }

    private static HttpResponse<String> checkOperation(HttpClient http, String base, String token,
                                                       DemoBootstrap.Result org, String checkId, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/checks/"
                        + checkId + "/operations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
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
