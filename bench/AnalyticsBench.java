import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.org.Vat;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.server.BrigadeServer;
import io.brigade.server.analytics.Analytics;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.http.Reply;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgService;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.sales.SaleService;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analytics benchmark. {@code load}: bootstraps an org with several properties and channels and loads N
 * synthetic sales spread over a year IN PROCESS through the real SaleService with the real analytics
 * observer (the same classes BrigadeServer wires; no HTTP), cancelling 3 % of them through the same
 * service, then posts client events over HTTP to the real server. {@code views}: starts the real server
 * on that database and times each analytics view over HTTP.
 *
 * java -cp server/target/brigade-server.jar bench/AnalyticsBench.java load  DB_URL N [threads]
 * java -cp server/target/brigade-server.jar bench/AnalyticsBench.java bulk  DB_URL N [chunk]   (the import-sales path)
 * java -cp server/target/brigade-server.jar bench/AnalyticsBench.java views DB_URL [runs]
 */
public class AnalyticsBench {
    static final String[] ZONES = {"Europe/Dublin", "Europe/London", "Europe/Paris", "America/New_York", "Europe/Berlin"};
    static final LocalDate FIRST = LocalDate.of(2025, 11, 23);
    static final int DAYS = 365;
    static final int EVENTS_PER_DAY = Integer.parseInt(System.getenv().getOrDefault("EVENTS_PER_DAY", "40"));
    static final boolean RANDOM_ORDER = "1".equals(System.getenv("RANDOM_ORDER"));
    static final int CANCEL_PERCENT = Integer.parseInt(System.getenv().getOrDefault("CANCEL_PERCENT", "3"));

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 16);
            case "bulk" -> bulk(args[1], Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2000);
            case "events" -> events(args[1]);
            case "views" -> views(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 30);
            case "export" -> export(args[1], args.length > 2 ? args[2] : FIRST.toString(),
                    args.length > 3 ? args[3] : FIRST.plusDays(DAYS - 1).toString());
            default -> throw new IllegalArgumentException("load, bulk, events or views");
        }
    }

    record Place(String propertyId, String channelId, ZoneId zone) {
    }

    /** The bench org: a demo org with one more property per zone, a POS and a web channel each, the menu published to all. */
    record Setup(DemoBootstrap.Result ids, List<Place> places, MenuContent menu, OrgRepository orgs, MenuService menus) {
    }

    static Setup setup(Database database, Clock clock) {
        DemoBootstrap.Result ids = new DemoBootstrap(database, clock).run("Bench Bistro");
        OrgRepository orgs = new OrgRepository();
        OrgService orgService = new OrgService(database, orgs, clock);
        MenuService menus = new MenuService(database, new MenuRepository(), orgs, clock);
        List<Place> places = new ArrayList<>();
        places.add(new Place(ids.propertyId(), ids.salesChannelId(), ZoneId.of("Europe/Dublin")));
        for (int p = 0; p < ZONES.length; p++) {
            String propertyId = ids.propertyId();
            if (p > 0) {
                propertyId = orgService.createProperty(ids.orgId(), new Property(null, null, "Bench " + p, "Street " + p,
                        "IE", ZONES[p], "EUR", new Vat(true, true, new BigDecimal("13.5"), List.of()))).propertyId();
                SalesChannel pos = orgService.createChannel(ids.orgId(), propertyId, new SalesChannel(null, null,
                        ids.brandId(), "Till " + p, "POS", List.of("DineIn", "TakeAway")));
                places.add(new Place(propertyId, pos.salesChannelId(), ZoneId.of(ZONES[p])));
            }
            SalesChannel web = orgService.createChannel(ids.orgId(), propertyId, new SalesChannel(null, null,
                    ids.brandId(), "Web " + p, "FlipdishWebApp", List.of("DineIn", "TakeAway")));
            places.add(new Place(propertyId, web.salesChannelId(), ZoneId.of(ZONES[p])));
        }
        menus.publish(ids.orgId(), ids.menuId(), Long.parseLong(ids.menuRevisionId()),
                places.stream().map(Place::channelId).distinct().toList());
        MenuContent menu = menus.current(ids.orgId(), ids.menuId()).menu();
        return new Setup(ids, places, menu, orgs, menus);
    }

    /** The bench org a previous {@code bulk} made (its properties, channels and published menu), for START. */
    static Setup existingSetup(Database database, Clock clock) {
        BenchOrg org = benchOrg(database);
        OrgRepository orgs = new OrgRepository();
        MenuService menus = new MenuService(database, new MenuRepository(), orgs, clock);
        String[] menu = database.read(c -> {
            try (var ps = c.prepareStatement("SELECT m.menu_id, MAX(r.revision_id) FROM menus m JOIN menu_revisions r "
                    + "ON r.menu_id = m.menu_id WHERE m.org_id = ? GROUP BY m.menu_id")) {
                ps.setString(1, org.orgId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            }
        });
        DemoBootstrap.Result ids = new DemoBootstrap.Result(org.orgId(), null, org.places().get(0).propertyId(),
                org.places().get(0).channelId(), menu[0], menu[1], List.of(), List.of(), null, null, null, null);
        return new Setup(ids, org.places(), menus.current(org.orgId(), menu[0]).menu(), orgs, menus);
    }

    static void load(String url, long n, int threads) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(url, null, null);
        Setup setup = setup(database, clock);
        DemoBootstrap.Result ids = setup.ids();
        List<Place> places = setup.places();
        MenuContent menu = setup.menu();
        OrgRepository orgs = setup.orgs();
        MenuService menus = setup.menus();

        // The live sale path as a till uses it: the real server, in this JVM, over HTTP.
        BrigadeServer server = BrigadeServer.create(0, database, clock).start();
        BenchOrg benchOrg = benchOrg(database);
        String token = token(server.uri(), benchOrg);
        URI salesUri = server.uri().resolve("/salesManagement/orgs/" + ids.orgId() + "/sales");

        AtomicLong next = new AtomicLong();
        AtomicLong cancelled = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed * 7919L + 17);
                long i;
                while ((i = next.getAndIncrement()) < n) {
                    Place place = places.get(random.nextInt(places.size()));
                    Sale sale = randomSale(random, ids, menu, place);
                    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(salesUri)
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("x-idempotency-key", sale.externalId())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(sale))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("sale refused: " + created.statusCode() + " " + created.body());
                    }
                    if (random.nextInt(100) < CANCEL_PERCENT) {
                        String saleId = Json.mapper().readTree(created.body()).get("saleId").asText();
                        HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(URI.create(salesUri + "/"
                                        + saleId + "/cancel")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"salesChannelId\":\"" + place.channelId()
                                        + "\",\"cancellationReason\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
                        if (cancel.statusCode() >= 300) {
                            throw new IllegalStateException("cancel refused: " + cancel.statusCode() + " " + cancel.body());
                        }
                        cancelled.incrementAndGet();
                    }
                    if (i > 0 && i % 50_000 == 0) {
                        System.out.printf("  %,d sales after %.1f s%n", i, (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded %,d sales (%,d cancelled) in %.1f s: %.0f sales/s, %d loader threads, %d properties, %d channels%n",
                n, cancelled.get(), seconds, n / seconds, threads, ZONES.length, places.size());
        server.close();

        events(url);
    }

    /**
     * The bulk path: writes N random sales (the same generator as {@code load}; CANCEL_PERCENT of them with
     * status SALE_CANCELLED) as NDJSON to a file beside nothing else, then runs the server's own
     * {@code import-sales} command on it in this JVM, timing the import alone; then the client events.
     */
    static void bulk(String url, long n, int chunk) throws Exception {
        Clock clock = Clock.systemUTC();
        String orgId;
        Setup setup;
        // START=k continues a load that stopped after k sales (the database's bench org, no new one): sales k..N-1
        // of the same generator (the same dates as one run of N would give them; the random draws are seeded anew).
        // END=m stops before sale m (a slice of the year at the density of N, e.g. one month of the 10 million);
        // START=k on a database without a bench org makes a new one holding sales k..END-1.
        long start = Long.parseLong(System.getenv().getOrDefault("START", "0"));
        long end = Math.min(n, Long.parseLong(System.getenv().getOrDefault("END", Long.toString(n))));
        try (Database database = Database.open(url, null, null)) {
            boolean continuing = start > 0 && database.read(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT 1 FROM orgs WHERE name = 'Bench Bistro'")) {
                    return rs.next();
                }
            });
            setup = continuing ? existingSetup(database, clock) : setup(database, clock);
            orgId = setup.ids().orgId();
            if (continuing) {
                long stored = database.read(c -> {
                    try (var ps = c.prepareStatement("SELECT COUNT(*) FROM sales WHERE org_id = ?")) {
                        ps.setString(1, orgId);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
                if (stored != start) {
                    throw new IllegalStateException("START=" + start + " but the bench org holds " + stored + " sales");
                }
                System.out.printf("continuing org %s at sale %,d of %,d%n", orgId, start, n);
            }
        }
        // PIPE=1 streams the NDJSON into import-sales through stdin instead of a temp file (10 million sales
        // would be an 8.5 GB file); the import's time then includes generating the sales.
        boolean pipe = "1".equals(System.getenv("PIPE"));
        Path file = pipe ? null : Files.createTempFile("abench-sales-", ".ndjson");
        if (file != null) {
            file.toFile().deleteOnExit(); // also when the run is stopped (the file is ~850 MB at N = 1,000,000)
            long t0 = System.nanoTime();
            long cancelled;
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                cancelled = writeSales(out, setup, start, end, n);
            }
            System.out.printf("wrote %,d sales (%,d to import as cancelled) to %s (%,d MB) in %.1f s%n", n, cancelled,
                    file, Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);
        }
        Thread writer = null;
        if (pipe) {
            java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
            java.io.PipedOutputStream piped = new java.io.PipedOutputStream(in);
            writer = new Thread(() -> {
                try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(piped, StandardCharsets.UTF_8),
                        1 << 16)) {
                    writeSales(out, setup, start, end, n);
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "sales-writer");
            System.setIn(in);
            writer.start();
        }
        try {
            System.gc();
            long t0 = System.nanoTime();
            int exit = new picocli.CommandLine(new io.brigade.server.Main()).execute("import-sales", "--db", url,
                    "--org", orgId, "--chunk", Integer.toString(chunk), pipe ? "-" : file.toString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("import-sales exit %d: %,d sales in %.1f s = %.0f sales/s, chunk %d; heap peak (sum of "
                    + "pool peaks) %d MB, max heap %d MB%n", exit, end - start, seconds, (end - start) / seconds, chunk, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            if (writer != null) {
                writer.join();
            }
        }
        if (url.startsWith("jdbc:h2:file:")) {
            Path h2 = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
            System.out.printf("H2 file after the import: %,d MB%n", Files.size(h2) >> 20);
        }
        if (!"0".equals(System.getenv("EVENTS"))) {
            events(url);
        }
    }

    /** Writes N sales of the bench org as NDJSON; returns how many are marked cancelled. */
    static long writeSales(java.io.Writer out, Setup setup, long start, long end, long n) throws java.io.IOException {
        SplittableRandom random = new SplittableRandom(17 + start);
        long cancelled = 0;
        for (long i = start; i < end; i++) {
            Place place = setup.places().get(random.nextInt(setup.places().size()));
            // An export from the old POS comes in date order (RANDOM_ORDER=1: each sale on a random day).
            LocalDate day = RANDOM_ORDER ? FIRST.plusDays(random.nextInt(DAYS)) : FIRST.plusDays(i * DAYS / n);
            Sale sale = randomSale(random, setup.ids(), setup.menu(), place, day);
            if (random.nextInt(100) < CANCEL_PERCENT) {
                sale = new Sale(sale.salesChannelId(), sale.source(), sale.requestedFulfillmentTime(),
                        sale.desiredAsap(), sale.dispatchType(), sale.externalId(), sale.displayId(), sale.menuId(),
                        sale.menuRevisionId(), sale.customer(), sale.dineIn(), sale.delivery(), sale.items(),
                        sale.charges(), sale.discounts(), sale.payments(), sale.metadata(), null,
                        io.brigade.protocol.sales.SaleStatus.SALE_CANCELLED, null);
                cancelled++;
            }
            out.write(Json.mapper().writeValueAsString(sale));
            out.write('\n');
        }
        return cancelled;
    }

    /** The bench org in the database (the one DemoBootstrap named "Bench Bistro") and a fresh OAuth client for it. */
    record BenchOrg(String orgId, List<Place> places, String clientId, String clientSecret) {
    }

    static BenchOrg benchOrg(Database database) {
        String clientId = "cl_bench" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        return database.inTransaction(c -> {
            // ORG=id: that org (e.g. one of the copies bench/run-clone-orgs.sh made), else the newest bench org.
            String orgId = System.getenv("ORG");
            if (orgId == null || orgId.isBlank()) {
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT org_id FROM orgs WHERE name = 'Bench Bistro' ORDER BY created_at DESC")) {
                    rs.next();
                    orgId = rs.getString(1);
                }
            }
            List<Place> places = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT c.sales_channel_id, c.property_id, p.time_zone FROM sales_channels c "
                    + "JOIN properties p ON p.property_id = c.property_id WHERE c.org_id = ? ORDER BY c.created_at")) {
                ps.setString(1, orgId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        places.add(new Place(rs.getString(2), rs.getString(1), ZoneId.of(rs.getString(3))));
                    }
                }
            }
            new io.brigade.server.auth.CredentialRepository().insertClient(c, clientId, orgId, "bench",
                    io.brigade.server.auth.Secrets.sha256Hex(secret), Instant.now());
            return new BenchOrg(orgId, places, clientId, secret);
        });
    }

    /** Client events over HTTP to the real server: EVENTS_PER_DAY per channel per day of the year. */
    static void events(String url) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(url, null, null);
        BenchOrg org = benchOrg(database);
        try (BrigadeServer server = BrigadeServer.create(0, database, clock).start()) {
            String token = token(server.uri(), org);
            MenuContent menu;
            String menuId;
            try (var c = database.dataSource().getConnection(); var ps = c.prepareStatement(
                    "SELECT menu_id FROM menus WHERE org_id = ?")) {
                ps.setString(1, org.orgId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    menuId = rs.getString(1);
                }
            }
            menu = new MenuService(database, new MenuRepository(), new OrgRepository(), clock).current(org.orgId(), menuId).menu();
            long eventsStart = System.nanoTime();
            SplittableRandom random = new SplittableRandom(42);
            List<Map<String, Object>> batch = new ArrayList<>();
            long events = 0;
            List<String> itemIds = new ArrayList<>();
            menu.categories().forEach(c -> c.items().forEach(it -> itemIds.add(it.id())));
            List<String> optionIds = new ArrayList<>();
            menu.modifiers().forEach(g -> g.items().forEach(it -> optionIds.add(it.id())));
            String[] types = {"meal_viewed", "meal_viewed", "meal_viewed", "meal_customized", "meal_added_to_cart",
                    "meal_added_to_cart", "option_selected", "addon_selected"};
            String path = "/analytics/orgs/" + org.orgId() + "/events";
            for (int d = 0; d < DAYS; d++) {
                for (Place place : org.places()) {
                    for (int e = 0; e < EVENTS_PER_DAY; e++) {
                        String type = types[random.nextInt(types.length)];
                        Map<String, Object> ev = new LinkedHashMap<>();
                        ev.put("eventId", UUID.randomUUID().toString());
                        ev.put("type", type);
                        ev.put("occurredAt", FIRST.plusDays(d).atTime(12, 0).atZone(place.zone()).toInstant().toString());
                        ev.put("propertyId", place.propertyId());
                        ev.put("salesChannelId", place.channelId());
                        ev.put("menuItemId", itemIds.get(random.nextInt(itemIds.size())));
                        if (type.endsWith("_selected")) {
                            ev.put("modifierItemId", optionIds.get(random.nextInt(optionIds.size())));
                        }
                        ev.put("sessionId", "s" + random.nextInt(1_000_000));
                        batch.add(ev);
                        if (batch.size() == 500) {
                            post(server.uri(), token, path, Map.of("events", batch));
                            events += batch.size();
                            batch.clear();
                        }
                    }
                }
            }
            if (!batch.isEmpty()) {
                post(server.uri(), token, path, Map.of("events", batch));
                events += batch.size();
            }
            System.out.printf("posted %,d client events over HTTP (batches of 500) in %.1f s%n", events,
                    (System.nanoTime() - eventsStart) / 1e9);
        }
    }

    static Sale randomSale(SplittableRandom r, DemoBootstrap.Result ids, MenuContent menu, Place place) {
        return randomSale(r, ids, menu, place, FIRST.plusDays(r.nextInt(DAYS)));
    }

    static Sale randomSale(SplittableRandom r, DemoBootstrap.Result ids, MenuContent menu, Place place, LocalDate day) {
        List<SaleItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int lines = 1 + r.nextInt(4);
        for (int l = 0; l < lines; l++) {
            Category category = menu.categories().get(r.nextInt(menu.categories().size()));
            MenuItem item = category.items().get(r.nextInt(category.items().size()));
            List<SaleItem> mods = new ArrayList<>();
            for (String groupId : item.modifierIds()) {
                ModifierGroup g = menu.modifiers().stream().filter(m -> m.id().equals(groupId)).findFirst().orElseThrow();
                int count = g.min() + r.nextInt(g.max() - g.min() + 1);
                List<MenuItem> options = new ArrayList<>(g.items());
                for (int k = 0; k < count && !options.isEmpty(); k++) {
                    MenuItem o = options.remove(r.nextInt(options.size()));
                    mods.add(new SaleItem(o.id(), 1, o.pricingProfiles().get(0).takeawayPrice(), null, List.of()));
                }
            }
            int qty = r.nextInt(10) < 8 ? 1 : 2;
            SaleItem line = new SaleItem(item.id(), qty, item.pricingProfiles().get(0).takeawayPrice(), null, mods);
            BigDecimal unit = line.unitPrice();
            for (SaleItem m : mods) {
                unit = unit.add(m.unitPrice());
            }
            total = total.add(unit.multiply(BigDecimal.valueOf(qty)));
            items.add(line);
        }
        List<SaleDiscount> discounts = new ArrayList<>();
        if (r.nextInt(10) == 0) {
            BigDecimal d = total.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_UP);
            discounts.add(new SaleDiscount(DiscountType.Spot, d, null));
            total = total.subtract(d);
        }
        int hour = 11 + r.nextInt(12);
        Instant when = LocalDateTime.of(day, java.time.LocalTime.of(hour, r.nextInt(60))).atZone(place.zone()).toInstant();
        List<SalePayment> payments = new ArrayList<>();
        if (r.nextInt(50) == 0) {
            payments.add(new SalePayment(PaymentType.Sale, PaymentMethod.Cash, total.add(new BigDecimal("5.00")), when, null));
            payments.add(new SalePayment(PaymentType.Refund, PaymentMethod.Cash, new BigDecimal("5.00"), when, null));
        } else {
            payments.add(new SalePayment(PaymentType.Sale, PaymentMethod.Credit, total, when, null));
        }
        String key = UUID.randomUUID().toString();
        return new Sale(place.channelId(), "POS", when, true, DispatchType.TakeAway, key, null, ids.menuId(),
                ids.menuRevisionId(), null, null, null, items, List.of(), discounts, payments, null, null, null, null);
    }

    /**
     * Runs the canonical export job over HTTP on the real server for the bench org's range and prints its time
     * (the job's startedAt to finishedAt) and rate, and the stored size of its files.
     */
    static void export(String url, String from, String to) throws Exception {
        Database database = Database.open(url, null, null);
        BenchOrg org = benchOrg(database);
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start()) {
            String token = token(server.uri(), org);
            String jobs = "/backoffice/v1/orgs/" + org.orgId() + "/jobs";
            // REPEAT=n: the same export n times in this server (the first in a fresh JVM, the next ones as a
            // long-running server runs them, its code compiled); each run is printed, OUT holds the last one's files.
            int repeat = Integer.parseInt(System.getenv().getOrDefault("REPEAT", "1"));
            for (int run = 1; run <= repeat; run++) {
                HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(server.uri().resolve(jobs))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"analytics-export\",\"parameters\":"
                                + "{\"fromDate\":\"" + from + "\",\"toDate\":\"" + to + "\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String jobId = Json.mapper().readTree(started.body()).get("jobId").asText();
                JsonNode job;
                do {
                    Thread.sleep(1_000);
                    job = Json.mapper().readTree(get(server.uri(), token, jobs + "/" + jobId));
                } while (!Set.of("completed", "failed").contains(job.get("status").asText()));
                double seconds = Duration.between(Instant.parse(job.get("startedAt").asText()),
                        Instant.parse(job.get("finishedAt").asText())).toMillis() / 1e3;
                long sales = job.path("result").path("sales").asLong();
                long stored = database.read(c -> {
                    try (var ps = c.prepareStatement("SELECT COALESCE(SUM(OCTET_LENGTH(bytes)), 0) FROM job_file_parts "
                            + "WHERE job_id = ?")) {
                        ps.setString(1, jobId);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
                System.out.printf("analytics-export %s..%s%s: %s, %,d sales (%s) in %.1f s = %,.0f sales/s; stored %,d MB "
                        + "compressed%n", from, to, repeat > 1 ? " (run " + run + " of " + repeat + ")" : "",
                        job.get("status").asText(), sales, job.path("result"), seconds, sales / seconds, stored >> 20);
                if (run < repeat) {
                    continue;
                }
                // OUT=dir: the five files as a client reads them (to compare two versions' output byte for byte).
                String out = System.getenv("OUT");
                if (out != null) {
                    Files.createDirectories(Path.of(out));
                    for (String name : new String[] {"sales.csv", "lines.csv", "charges.csv", "discounts.csv",
                            "payments.csv"}) {
                        HTTP.send(HttpRequest.newBuilder(server.uri().resolve(jobs + "/" + jobId + "/result/" + name))
                                .header("Authorization", "Bearer " + token).GET().build(),
                                HttpResponse.BodyHandlers.ofFile(Path.of(out, name)));
                    }
                    System.out.println("files in " + out);
                }
            }
        }
    }

    static void views(String url, int runs) throws Exception {
        Database database = Database.open(url, null, null);
        BenchOrg org = benchOrg(database);
        Place first = org.places().get(0);
        Map<String, String> ids = Map.of("orgId", org.orgId(), "propertyId", first.propertyId(),
                "salesChannelId", first.channelId());
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start()) {
            String token = token(server.uri(), org);
            String base = "/backoffice/v1/orgs/" + ids.get("orgId") + "/analytics/";
            String year = "fromDate=" + FIRST + "&toDate=" + FIRST.plusDays(DAYS - 1);
            // SAMPLE_MONTH (default 2026-06): the month of the day and month cases; pick one the loaded sales cover.
            java.time.YearMonth month = java.time.YearMonth.parse(System.getenv().getOrDefault("SAMPLE_MONTH", "2026-06"));
            String day1 = month.atDay(1).toString();
            String dayN = month.atEndOfMonth().toString();
            String[][] cases = {
                    {"summary", year}, {"daily", year}, {"meals", year}, {"options", year}, {"funnel", year},
                    {"profitability", year}, {"ingredients", year},
                    {"summary", year + "&propertyId=" + ids.get("propertyId")},
                    {"funnel", year + "&salesChannelType=POS"},
                    {"daily", "fromDate=" + day1 + "&toDate=" + dayN + "&salesChannelId=" + ids.get("salesChannelId")},
                    {"reconciliation", "fromDate=" + day1 + "&toDate=" + day1},
                    {"reconciliation", "fromDate=" + day1 + "&toDate=" + dayN},
                    // The reconciler's pull (the sales list of one channel): a day, a month, a year.
                    {"sales-list", "fromDate=" + day1 + "&toDate=" + day1},
                    {"sales-list", "fromDate=" + day1 + "&toDate=" + dayN},
                    {"sales-list", year},
            };
            System.out.printf("%-16s %-40s %9s %9s %9s %9s %11s%n", "view", "filter", "median ms", "p95 ms",
                    "p99 ms", "max ms", "bytes");
            // ONLY=view[,view]: just those cases (e.g. ONLY=reconciliation).
            Set<String> only = System.getenv("ONLY") == null ? null : Set.of(System.getenv("ONLY").split(","));
            for (String[] c : cases) {
                if (only != null && !only.contains(c[0])) {
                    continue;
                }
                String path = c[0].equals("sales-list")
                        ? "/salesManagement/orgs/" + ids.get("orgId") + "/salesChannels/" + ids.get("salesChannelId")
                        + "/sales?" + c[1] : base + c[0] + "?" + c[1];
                int bytes = 0;
                String body = null;
                for (int i = 0; i < 5; i++) {
                    body = get(server.uri(), token, path);
                    bytes = body.length();
                }
                // DUMP=dir: each case's answer in a file, to compare two orgs' or two versions' answers.
                if (System.getenv("DUMP") != null) {
                    Files.createDirectories(Path.of(System.getenv("DUMP")));
                    Files.writeString(Path.of(System.getenv("DUMP"), (c[0] + "_" + c[1].replace(year, "year").replaceAll("Id=[^&]+", "Id"))
                            .replaceAll("[^A-Za-z0-9_=-]+", "_") + ".json"), body);
                }
                boolean slow = c[0].equals("reconciliation") || (c[0].equals("sales-list") && !c[1].endsWith(day1));
                int n = slow ? Math.min(runs, 5) : runs;
                double[] ms = new double[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    get(server.uri(), token, path);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                String filter = c[1].replace(year, "year").replaceAll("=[A-Za-z0-9]{12,}", "=…");
                System.out.printf("%-16s %-40s %9.1f %9.1f %9.1f %9.1f %11d%n", c[0], filter, ms[n / 2],
                        ms[(int) Math.ceil(n * 0.95) - 1], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1], bytes);
            }
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String token(URI base, BenchOrg org) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(org.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(org.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body()).get("access_token").asText();
    }

    static void post(URI base, String token, String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
    }

    static String get(URI base, String token, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
