import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.desktop.till.TillMenu;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.Json;
import io.brigade.protocol.staff.StaffCredential;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The till's offline outbox: how long "Pay" takes to commit a sale locally, and how fast a backlog drains to a
 * separate Brigade server once it is reachable.
 *
 * <p>Needs the desktop module's runtime class path and a running server with a bootstrapped org (see
 * {@code bench/run-till.sh}, which starts both):
 * <pre>
 *   java -cp "$CP" bench/TillOutbox.java --server http://localhost:18183 --boot bootstrap.json \
 *        [--warmup 500] [--sales 2000] [--drain 10000] [--dir DIR]
 * </pre>
 * {@code bootstrap.json} is what {@code brigade-server bootstrap --json} printed: the till signs in as its manager,
 * with its one-time PIN, after taking the org's staff from the server as a connected till does.
 *
 * <ol>
 *   <li><b>Pay -> commit.</b> The duration of {@code checkout().complete(order, staff)} (the durable local
 *   transaction with {@code CHECKPOINT SYNC}, plus the sync worker's nudge and status) for {@code --sales}
 *   sales after {@code --warmup} unmeasured ones, with the sync worker not started and an unreachable server
 *   URL: no network is involved. p50 / p99 / max in ms.</li>
 *   <li><b>Drain.</b> {@code --drain} sales are queued with the sync worker stopped, then the worker is started
 *   and timed until {@code pendingSales() == 0} against the server named by {@code --server} (its own process, its
 *   own database: every acknowledged sale synced to disk there). The server's sales list is then checked: every
 *   sale once, by {@code externalId}.</li>
 * </ol>
 *
 * <p>Sales are takeaway tickets of 1-3 lines of menu items without modifiers, quantity 1-3, paid in exact cash,
 * built from the demo menu the server publishes. The last line is {@code RESULT {json}}.
 */
public final class TillOutbox {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // no stray non-daemon thread may keep a finished benchmark alive
    }

    static void run(String[] args) throws Exception {
        int warmup = 500;
        int sales = 2_000;
        int drain = 10_000;
        Path dir = null;
        String serverUrl = null;
        Path boot = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sales" -> sales = Integer.parseInt(args[++i]);
                case "--drain" -> drain = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--server" -> serverUrl = args[++i];
                case "--boot" -> boot = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: TillOutbox --server URL --boot BOOTSTRAP.json [--warmup N] [--sales N] "
                            + "[--drain N] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (serverUrl == null || boot == null) {
            System.err.println("--server and --boot are required (bench/run-till.sh starts a server and passes them)");
            System.exit(2);
        }
        if (dir == null) {
            dir = Files.createTempDirectory("till-outbox-");
        }
        Files.createDirectories(dir);
        // The sync worker logs every failed push at WARNING; part 1 has no server on purpose.
        Logger.getLogger("io.brigade.desktop").setLevel(Level.SEVERE);
        System.out.printf("data in %s, %d cores, %s%n", dir, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));

        JsonNode tenant = Json.mapper().readTree(Files.readString(boot));
        TerminalSettings live = new TerminalSettings(serverUrl, tenant.path("clientId").asText(),
                tenant.path("clientSecret").asText(), tenant.path("orgId").asText(), tenant.path("propertyId").asText(),
                tenant.path("salesChannelId").asText(), "till-1", false);
        String managerPin = tenant.path("managerPin").asText();
        ServerClient fetch = new ServerClient(live, Clock.systemUTC());
        MenuRevision menu;
        try (var body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                fetch.publishedMenu(null, 0).orElseThrow()))) {
            menu = Json.mapper().treeToValue(Json.mapper().readTree(body).path("data"), MenuRevision.class);
        }
        List<StaffCredential> staff = fetch.staffCredentials();
        fetch.close();
        if (staff.isEmpty()) {
            throw new IllegalStateException("the server gave this till no staff to sign in with");
        }
        double[] pay = payLatency(dir.resolve("pay-till"), live.withServerUrl("http://127.0.0.1:9"), menu, staff,
                managerPin, warmup, sales);
        Drain d = drain(dir.resolve("drain-till"), live, menu, staff, managerPin, drain);

        System.out.println();
        System.out.printf(Locale.ROOT, "pay->commit (%d sales after %d warm-up): p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms   [target p99 < 20 ms: %s]%n", sales, warmup, pay[0], pay[1], pay[2],
                pay[1] < 20 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "pay->commit with %d-%d sales already queued: p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms%n", drain - Math.min(1_000, drain), drain, d.backlogPay()[0], d.backlogPay()[1],
                d.backlogPay()[2]);
        System.out.printf(Locale.ROOT, "drain %d queued sales: %.1f s, %.0f sales/s (%d requests, %d event rows "
                + "parked, %d on server)   [target < 60 s: %s]%n", drain, d.seconds, drain / d.seconds,
                d.requests, d.parkedEvents, d.onServer, d.seconds < 60 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "RESULT {\"warmup\":%d,\"sales\":%d,\"p50ms\":%.3f,\"p99ms\":%.3f,"
                + "\"maxms\":%.3f,\"backlogP99ms\":%.3f,\"drain\":%d,\"queueSeconds\":%.2f,"
                + "\"drainSeconds\":%.2f,\"drainPerSecond\":%.1f,\"requests\":%d,\"parkedEvents\":%d,"
                + "\"onServer\":%d,\"duplicates\":%d}%n", warmup, sales, pay[0], pay[1], pay[2],
                d.backlogPay()[1], drain, d.queueSeconds, d.seconds, drain / d.seconds, d.requests,
                d.parkedEvents, d.onServer, d.duplicates);
    }

    /** Signs in with {@code pin} on {@code till}, whose staff are the server's (as a connected till's are). */
    static StaffMember signIn(AppServices till, List<StaffCredential> staff, String pin) {
        till.staff().replaceAll(staff);
        return till.staff().signIn(pin).orElseThrow(() -> new IllegalStateException("the PIN from bootstrap --json "
                + "signs nobody in"));
    }

    /** Part 1: complete() durations in ms, as {p50, p99, max}. */
    static double[] payLatency(Path dataDir, TerminalSettings deadServer, MenuRevision menu,
                               List<StaffCredential> staff, String pin, int warmup, int n) throws Exception {
        System.out.printf("== pay -> commit: %d warm-up + %d measured sales, sync off, no server%n", warmup, n);
        try (AppServices till = AppServices.start(new AppServices.Options(dataDir).settings(deadServer)
                .startSync(false))) {
            StaffMember cashier = signIn(till, staff, pin);
            List<PricedItem> items = plainItems(menu);
            long[] nanos = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                Order order = order(menu, items, i);
                long t0 = System.nanoTime();
                till.checkout().complete(order, cashier);
                long t = System.nanoTime() - t0;
                if (i >= warmup) {
                    nanos[i - warmup] = t;
                }
            }
            Arrays.sort(nanos);
            return new double[] {ms(rank(nanos, 0.50)), ms(rank(nanos, 0.99)), ms(nanos[n - 1])};
        }
    }

    record Drain(double queueSeconds, double[] backlogPay, double seconds, long requests, int parkedEvents,
                 int onServer, int duplicates) {
    }

    /** Part 2: queue {@code n} sales with sync stopped, then time the worker until none is pending. */
    static Drain drain(Path dataDir, TerminalSettings live, MenuRevision menu, List<StaffCredential> staff,
                       String pin, int n) throws Exception {
        System.out.printf("== drain: queue %d sales with sync stopped, then sync to the server at %s%n",
                n, live.serverUrl());
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        okhttp3.Interceptor counter = chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        };
        try (AppServices till = AppServices.start(new AppServices.Options(dataDir).settings(live)
                .interceptors(List.of(counter)).startSync(false))) {
            StaffMember cashier = signIn(till, staff, pin);
            List<PricedItem> items = plainItems(menu);
            long q0 = System.nanoTime();
            long[] last = new long[Math.min(1_000, n)]; // Pay with the backlog at its largest
            for (int i = 0; i < n; i++) {
                Order order = order(menu, items, i);
                long t0 = System.nanoTime();
                till.checkout().complete(order, cashier);
                if (i >= n - last.length) {
                    last[i - (n - last.length)] = System.nanoTime() - t0;
                }
            }
            double queueSeconds = (System.nanoTime() - q0) / 1e9;
            Arrays.sort(last);
            double[] backlogPay = {ms(rank(last, 0.50)), ms(rank(last, 0.99)), ms(last[last.length - 1])};
            System.out.printf(Locale.ROOT, "   queued %d sales in %.1f s; pending %d; pay->commit over the last %d "
                    + "(backlog %d-%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", n, queueSeconds,
                    till.outbox().pendingSales(), last.length, n - last.length, n, backlogPay[0], backlogPay[1],
                    backlogPay[2]);

            // The worker publishes its status after every step; watching that adds no query of our own to the
            // single local connection the worker uses.
            java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger(n);
            till.onStatus(status -> pending.set(status.pendingSales()));
            long t0 = System.nanoTime();
            long lastReport = t0;
            till.sync().start();
            while (pending.get() > 0) {
                Thread.sleep(20);
                long now = System.nanoTime();
                if (now - lastReport > 10_000_000_000L) {
                    lastReport = now;
                    System.out.printf(Locale.ROOT, "   %.0f s: %d pending%n", (now - t0) / 1e9, pending.get());
                }
                if (now - t0 > 900_000_000_000L) {
                    throw new IllegalStateException("not drained after 15 minutes");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (till.outbox().pendingSales() != 0) {
                throw new IllegalStateException("the status said 0 pending, the outbox does not");
            }
            int parkedEvents = (int) till.outbox().parked().stream()
                    .filter(e -> e.kind() == OutboxEntry.Kind.EVENT).count();
            int parkedSales = till.outbox().parked().size() - parkedEvents;
            if (parkedSales > 0) {
                throw new IllegalStateException(parkedSales + " sales were refused: "
                        + till.outbox().parked().get(0).lastError());
            }
            List<String> externalIds = externalIds(live);
            Set<String> unique = new HashSet<>(externalIds);
            Set<String> outboxIds = new HashSet<>();
            till.outbox().recentSales(n + 10).forEach(e -> outboxIds.add(e.id().toString()));
            if (!unique.equals(outboxIds)) {
                throw new IllegalStateException("the server's sales are not the outbox's: " + unique.size()
                        + " on the server, " + outboxIds.size() + " in the outbox");
            }
            return new Drain(queueSeconds, backlogPay, seconds, requests.get(), parkedEvents, externalIds.size(),
                    externalIds.size() - unique.size());
        }
    }

    static List<PricedItem> plainItems(MenuRevision menu) {
        return TillMenu.of(menu, DispatchType.TakeAway, ZonedDateTime.now(DUBLIN)).tabs().stream()
                .flatMap(t -> t.items().stream()).filter(i -> i.available() && !i.hasModifiers()).toList();
    }

    /** Ticket {@code i}: 1-3 lines of plain items, quantity 1-3, paid in exact cash. */
    static Order order(MenuRevision menu, List<PricedItem> items, int i) {
        List<TicketLine> lines = new ArrayList<>();
        for (int l = 0; l <= i % 3; l++) {
            lines.add(new TicketLine(UUID.randomUUID(), items.get((i + l) % items.size()), 1 + (i + l) % 3,
                    List.of(), null));
        }
        BigDecimal total = lines.stream().map(TicketLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(DispatchType.TakeAway, null, null, lines, List.of(), List.of(),
                List.of(new Tender(PaymentMethod.Cash, total, total)), menu.menuId(), menu.revisionId(),
                menu.menu().currency());
    }

    /** The externalIds of the channel's sales, yesterday..tomorrow in Dublin, over plain HTTP. */
    static List<String> externalIds(TerminalSettings s) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(s.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(s.clientSecret(),
                StandardCharsets.UTF_8);
        String tokenBody = http.send(HttpRequest.newBuilder(URI.create(s.serverUrl() + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokenBody);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + tokenBody);
        }
        LocalDate today = LocalDate.now(DUBLIN);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.serverUrl() + "/salesManagement/orgs/"
                        + s.orgId() + "/salesChannels/" + s.salesChannelId() + "/sales?fromDate=" + today.minusDays(1)
                        + "&toDate=" + today.plusDays(1)))
                .header("Authorization", "Bearer " + m.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sales list answered " + r.statusCode());
        }
        List<String> out = new ArrayList<>();
        Matcher e = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        while (e.find()) {
            out.add(e.group(1));
        }
        return out;
    }

    static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
