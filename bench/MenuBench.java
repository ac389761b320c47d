import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.MenuCache;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.TillMenu;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.server.bootstrap.SyntheticMenu;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Large menus end to end against a running server (bench/run-menu.sh starts it): a menu of N items created with a
 * streamed body, published, read by {@code current} (plain and gzip), downloaded into a till's cache, opened from
 * that cache, and searched by name. Warms up with 10,000-item rounds for --warmup seconds, then measures --rounds
 * rounds of N items; prints each step's times (ms) and a RESULT line.
 */
public class MenuBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String server = null;
        Path boot = null;
        Path dir = Files.createTempDirectory("menu-bench-");
        int items = 100_000;
        int rounds = 3;
        int warmupSeconds = 40;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--boot" -> boot = Path.of(args[++i]);
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        JsonNode tenant = Json.mapper().readTree(Files.readString(boot));
        TerminalSettings till = new TerminalSettings(server, tenant.path("clientId").asText(),
                tenant.path("clientSecret").asText(), tenant.path("orgId").asText(), tenant.path("propertyId").asText(),
                tenant.path("salesChannelId").asText(), "till-1", false);
        String token = "Bearer " + token(server, tenant);
        String menus = server + "/menuManagement/orgs/" + tenant.path("orgId").asText() + "/menus";
        String channel = tenant.path("salesChannelId").asText();

        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int warmRounds = 0;
        while (System.nanoTime() < warmEnd) {
            round(menus, token, channel, till, dir.resolve("warm-" + warmRounds), 10_000, false);
            warmRounds++;
        }
        System.out.printf("warm-up: %d rounds of 10,000 items in %d s%n", warmRounds, warmupSeconds);
        List<double[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            results.add(round(menus, token, channel, till, dir.resolve("round-" + r), items, true));
        }
        String[] names = {"create", "publish", "current_plain", "current_gzip", "till_download", "till_open",
                "search_p50", "search_p99", "search_max"};
        StringBuilder json = new StringBuilder("{\"items\":" + items);
        for (int k = 0; k < names.length; k++) {
            double[] v = new double[results.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = results.get(r)[k];
            }
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-14s median %9.1f ms   (min %.1f, max %.1f)%n", names[k],
                    v[v.length / 2], v[0], v[v.length - 1]);
            json.append(String.format(Locale.ROOT, ",\"%s\":%.1f", names[k], v[v.length / 2]));
        }
        System.out.println("RESULT " + json.append('}'));
    }

    /** One menu from creation to the till's search; the times in ms. */
    static double[] round(String menus, String token, String channel, TerminalSettings till, Path dir, int items,
                          boolean print) throws Exception {
        long t0 = System.nanoTime();
        String menuId = create(menus, token, items);
        long t1 = System.nanoTime();
        HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(menus + "/" + menuId
                + "/revisions/1/publish")).header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"salesChannelIds\":[\"" + channel + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        check(published, 200);
        long t2 = System.nanoTime();
        long plainBytes = drain(menus + "/" + menuId + "/current", token, false);
        long t3 = System.nanoTime();
        long gzipBytes = drain(menus + "/" + menuId + "/current", token, true);
        long t4 = System.nanoTime();
        LocalDatabase db = LocalDatabase.open(dir);
        double download;
        double open;
        double[] search;
        try {
            MenuCache cache = new MenuCache(db, channel);
            ServerClient client = new ServerClient(till, Clock.systemUTC());
            client.publishedMenu(null, 0).ifPresent(cache::storeAnswer);
            client.close();
            long t5 = System.nanoTime();
            MenuRevision revision = cache.current().orElseThrow();
            TillMenu menu = TillMenu.of(revision, DispatchType.DineIn, ZonedDateTime.now());
            long t6 = System.nanoTime();
            if (menu.size() < items) {
                throw new IllegalStateException("the till opened " + menu.size() + " items, not " + items);
            }
            download = (t5 - t4) / 1e6;
            open = (t6 - t5) / 1e6;
            search = search(menu, items);
        } finally {
            db.close();
        }
        double[] out = {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, download, open,
                search[0], search[1], search[2]};
        if (print) {
            System.out.printf(Locale.ROOT, "%,d items: create %.0f ms, publish %.0f ms, current %.0f ms (%,d bytes) "
                    + "/ gzip %.0f ms (%,d bytes), till download+store %.0f ms, till open %.0f ms, search p50 %.2f "
                    + "p99 %.2f max %.2f ms%n", items, out[0], out[1], out[2], plainBytes, out[3], gzipBytes, out[4],
                    out[5], out[6], out[7], out[8]);
        }
        return out;
    }

    /** 500 searches a cashier would type: a word of a caption, two words, an item's number, and no match. */
    static double[] search(TillMenu menu, int items) {
        String[] words = {"chicken", "smoked wrap", "spicy", "bowl", "vegan", "grilled", "zzz-none"};
        double[] ms = new double[500];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < ms.length; i++) {
            String q = i % 3 == 0 ? String.format("%06d", random.nextInt(items)) : words[i % words.length];
            long t = System.nanoTime();
            List<PricedItem> found = menu.search(q);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (found.size() > TillMenu.MAX_SEARCH_RESULTS) {
                throw new IllegalStateException("too many results");
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]};
    }

    static String create(String menus, String token, int items) throws Exception {
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(body);
        Thread writer = new Thread(() -> {
            try (out) {
                SyntheticMenu.write(items, "Bench menu of " + items, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "menu-writer");
        writer.start();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(menus))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        writer.join();
        check(created, 201);
        return Json.mapper().readTree(created.body()).get("menuId").asText();
    }

    /** Reads the whole answer as a client would (to its last byte); its size on the wire. */
    static long drain(String url, String token, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("current answered " + r.statusCode());
        }
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
        }
        return n;
    }

    static String token(String server, JsonNode tenant) throws Exception {
        String form = "grant_type=client_credentials&scope=api&client_id="
                + URLEncoder.encode(tenant.path("clientId").asText(), StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(tenant.path("clientSecret").asText(), StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        check(r, 200);
        return Json.mapper().readTree(r.body()).get("access_token").asText();
    }

    static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        }
    }
}
