package io.brigade.desktop.dashboard;

import static io.brigade.desktop.support.TillSales.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.dashboard.DashboardCharts.FunnelStep;
import io.brigade.desktop.dashboard.DashboardCharts.MealBar;
import io.brigade.desktop.dashboard.DashboardCharts.Point;
import io.brigade.desktop.dashboard.DashboardViewModel.Choice;
import io.brigade.desktop.dashboard.DashboardViewModel.State;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.TillSales;
import io.brigade.desktop.till.Receipt;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.org.OrgPlan;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's rules without a screen, against a real server: known sales rung through the till's checkout,
 * then read back through the manager's back-office session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardViewModelTest {
    @TempDir
    static Path dir;
    private LiveServer server;
    private DemoBootstrap.Result tenant;
    private AppServices till;
    private Instant rungAt;

    @BeforeAll
    void ringKnownSales() throws Exception {
        server = LiveServer.start(dir.resolve("server"));
        tenant = server.bootstrap("Dashboard Bistro");
        till = AppServices.start(new AppServices.Options(dir.resolve("till")).settings(server.terminal(tenant)));
        rungAt = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        knownSales(new TillSales(till), rungAt);
    }

    /**
     * Three paid sales (43.50 in all) and a fourth that is cancelled (13.99); the quattro formaggi is sold under
     * its ingredient cost by a spot discount, so it is a loss leader. Margherita was looked at four times.
     */
    static void knownSales(TillSales sales, Instant at) throws Exception {
        sales.browse("Margherita", 4, 2, 2);
        sales.ring(at, null, line(2, "Margherita", "Mushrooms"), line(1, "Cola"));              // 28.00
        sales.ring(at, null, line(1, "Classic burger", "Sweet potato fries"));                 // 13.00
        sales.ring(at, new BigDecimal("12.00"), line(1, "Quattro formaggi"));                 // 2.50
        Receipt cancelled = sales.ring(at, null, line(1, "Diavola"));                          // 13.99
        sales.awaitSent(Duration.ofSeconds(30));
        sales.cancel(cancelled, "customer left");
        sales.awaitSent(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        till.close();
        server.close();
    }

    private DashboardViewModel model(String pin) {
        BackOfficeClient client = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        client.remember(pin);
        return new DashboardViewModel(new DashboardSource(client), Background.direct(), Clock.systemUTC(),
                LiveServer.DUBLIN, () -> Optional.of("EUR"));
    }

    @Test
    void lastSevenBusinessDaysShowTheKnownSalesInTilesAndCharts() {
        DashboardViewModel m = model("9999");
        m.open();

        assertEquals(State.READY, m.stateProperty().get(), m.messageProperty().get());
        LocalDate today = LocalDate.now(LiveServer.DUBLIN);
        assertEquals(today.minusDays(6), m.fromDateProperty().get());
        assertEquals(today, m.toDateProperty().get());
        assertEquals("3", m.ordersProperty().get());
        assertEquals("€43.50", m.revenueProperty().get());
        assertEquals("€14.50", m.averageOrderValueProperty().get());
        assertEquals("1", m.cancellationsProperty().get());
        assertEquals("€13.99 cancelled", m.cancellationsDetailProperty().get());

        List<Point> days = m.charts().revenueByDay();
        assertEquals(7, days.size());
        assertEquals(today.format(DateTimeFormatter.ofPattern("EEE d", Locale.UK)), days.get(6).category());
        assertEquals(new BigDecimal("43.50"), days.get(6).value());
        assertEquals(0, days.get(0).value().signum());

        String hour = String.format("%02d", rungAt.atZone(LiveServer.DUBLIN).getHour());
        List<Point> hours = m.charts().revenueByHour();
        assertEquals(List.of(new Point(hour, new BigDecimal("43.50"))), hours, "only the hour with sales");

        Map<String, MealBar> meals = new HashMap<>();
        m.charts().profitability().forEach(b -> meals.put(b.name(), b));
        assertEquals(4, meals.size(), meals.toString());
        assertEquals(new BigDecimal("25.00"), meals.get("Margherita").revenue());
        assertEquals(new BigDecimal("6.30"), meals.get("Margherita").cost()); // (2.90 + 0.25 mushrooms) x 2
        assertEquals("Margherita (74.8%)", meals.get("Margherita").category());
        assertFalse(meals.get("Margherita").lossLeader());
        assertEquals(new BigDecimal("2.50"), meals.get("Quattro formaggi").revenue());
        assertTrue(meals.get("Quattro formaggi").lossLeader());
        assertEquals(List.of("Quattro formaggi"), m.charts().lossLeaders());
        assertEquals(null, meals.get("Diavola"), "a cancelled sale is not revenue");
        assertEquals("Revenue €43.50 · cost €15.40 · margin €28.10 (64.6%)", m.charts().marginSummary());

        List<FunnelStep> funnel = m.charts().funnel();
        assertEquals(List.of("Viewed", "Customised", "Added to cart", "Ordered"),
                funnel.stream().map(FunnelStep::category).toList());
        assertEquals(List.of(4L, 2L, 2L, 4L), funnel.stream().map(FunnelStep::count).toList());

        assertEquals(List.of(new Point("Mushrooms", BigDecimal.valueOf(2)),
                new Point("Sweet potato fries", BigDecimal.valueOf(1))), m.charts().optionPopularity());

        List<IngredientUsage.Ingredient> used = m.ingredients();
        assertEquals("Margherita", used.get(0).name(), "most costly first: 2 x 2.90");
        assertEquals(new BigDecimal("15.40"), used.stream().map(IngredientUsage.Ingredient::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void channelFilterNarrowsTheViewAndAPropertyListsOnlyItsChannels() throws Exception {
        String web = OrgAdmin.addChannel(server, tenant, "Web shop", "FlipdishWebApp");
        DashboardViewModel m = model("9999");
        m.open();
        assertEquals(List.of("All properties", "Dashboard Bistro Main Street"),
                m.properties().stream().map(Choice::name).toList());
        assertEquals(List.of("All channels", "Front counter till", "Web shop"),
                m.channels().stream().map(Choice::name).toList());

        m.channelProperty().set(m.channels().stream().filter(c -> web.equals(c.id())).findFirst().orElseThrow());
        assertEquals(State.READY, m.stateProperty().get(), m.messageProperty().get());
        assertEquals("0", m.ordersProperty().get(), "nothing was sold on the web shop");
        assertEquals("€0.00", m.revenueProperty().get());
        assertEquals("–", m.averageOrderValueProperty().get());

        m.propertyProperty().set(m.properties().get(1));
        assertNull(m.channelProperty().get().id(), "choosing a property resets the channel to all");
        assertEquals("3", m.ordersProperty().get());
        assertEquals("€43.50", m.revenueProperty().get());
    }

    @Test
    void anEndDateBeforeTheStartIsExplainedAndNothingIsAsked() {
        DashboardViewModel m = model("9999");
        m.open();
        m.toDateProperty().set(m.fromDateProperty().get().minusDays(1));
        assertEquals(State.FAILED, m.stateProperty().get());
        assertEquals("The end date is before the start date.", m.messageProperty().get());
    }

    @Test
    void anUnreadableTypedDateIsExplainedAndTheDateStaysAsItWas() {
        DashboardViewModel m = model("9999");
        m.open();
        LocalDate from = m.fromDateProperty().get();
        assertEquals(LocalDate.of(2026, 11, 23), m.typedDate(" 23 Nov 2026 ", from));
        assertEquals(LocalDate.of(2026, 11, 23), m.typedDate("2026-11-23", from));
        assertEquals(State.READY, m.stateProperty().get(), "readable dates raise nothing");

        assertEquals(from, m.typedDate("31/13/2026", from));
        assertEquals(State.FAILED, m.stateProperty().get());
        assertEquals("“31/13/2026” is not a date; type one like 23 Nov 2026 or 2026-11-23.", m.messageProperty().get());
        assertEquals(from, m.fromDateProperty().get());
    }

    @Test
    void aRangeTheServerRefusesShowsItsReasonAsTheMessage() {
        DashboardViewModel m = model("9999");
        m.open();
        m.fromDateProperty().set(m.toDateProperty().get().minusDays(400));
        assertEquals(State.FAILED, m.stateProperty().get());
        assertEquals("The dashboard could not be loaded: toDate: a range may span at most 366 days",
                m.messageProperty().get());
    }

    @Test
    void csvOfTheCurrentViewHoldsTheFiguresShown() throws Exception {
        DashboardViewModel m = model("9999");
        m.open();
        Path file = dir.resolve("view.csv");
        m.saveCsv(file);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(Files.newBufferedReader(file)).getRecords();
        Map<String, String> figures = new HashMap<>();
        rows.forEach(r -> figures.put(r.get("section") + "|" + r.get("item") + "|" + r.get("metric"), r.get("value")));
        assertEquals("3", figures.get("summary||orders"));
        assertEquals("43.50", figures.get("summary||revenue"));
        assertEquals("14.50", figures.get("summary||averageOrderValue"));
        assertEquals("1", figures.get("summary||cancelledOrders"));
        assertEquals("13.99", figures.get("summary||cancelledAmount"));
        assertEquals("EUR", figures.get("filter||currency"));
        assertEquals("All channels", figures.get("filter||salesChannel"));
        assertEquals("43.50", figures.get("revenueByDay|" + LocalDate.now(LiveServer.DUBLIN) + "|revenue"));
        assertEquals("-1.70", figures.get("profitability|Quattro formaggi|margin"));
        assertEquals("-68.00", figures.get("profitability|Quattro formaggi|marginPercent"));
        assertEquals("2", figures.get("options|Extra toppings: Mushrooms|quantity"));
        assertEquals("4", figures.get("funnel|all meals|views"));
        assertEquals("5.80", figures.get("ingredients|Margherita (item)|cost"));
        assertEquals(24 * 2, rows.stream().filter(r -> r.get("section").equals("revenueByHour")).count());
    }

    @Test
    void canonicalExportRunsAsAJobAndItsZipHoldsTheSales() throws Exception {
        DashboardViewModel m = model("9999");
        m.open();
        m.startExport();
        Awaitility.await("the export job").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .pollInSameThread()
                .until(() -> {
                    assertFalse(m.exportStatusProperty().get().startsWith("Export failed"),
                            m.exportStatusProperty().get());
                    m.export().pollExport();
                    return m.export().exportReady();
                });
        assertTrue(m.exportStatusProperty().get().startsWith("Export ready"), m.exportStatusProperty().get());
        Path zip = dir.resolve(m.exportFileName());
        m.export().saveExport(zip);
        Map<String, String> files = unzip(zip);
        assertEquals(List.of("charges.csv", "discounts.csv", "lines.csv", "payments.csv", "sales.csv"),
                files.keySet().stream().sorted().toList());
        long sales = files.get("sales.csv").lines().count() - 1;
        assertTrue(sales >= 3, files.get("sales.csv"));
        assertTrue(files.get("discounts.csv").contains("12.00"), files.get("discounts.csv"));
    }

    @Test
    void professionalOrgAndSwitchedOffAnalyticsGetTheTierMessage() throws Exception {
        DemoBootstrap.Result other = server.bootstrap("Small Cafe");
        BackOfficeClient manager = new BackOfficeClient(server.url(), other.orgId(), List.of());
        manager.remember("9999");
        DashboardViewModel m = new DashboardViewModel(new DashboardSource(manager), Background.direct(),
                Clock.systemUTC(), LiveServer.DUBLIN, Optional::empty);
        server.setPlan(other.orgId(), "Professional");
        m.open();
        assertEquals(State.GATED, m.stateProperty().get());
        assertTrue(m.messageProperty().get().contains("needs the Enterprise plan"), m.messageProperty().get());
        assertTrue(m.messageProperty().get().contains("this org is on Professional"), m.messageProperty().get());

        server.setPlan(other.orgId(), "Enterprise");
        manager.put("plan", new OrgPlan(null, false), OrgPlan.class);
        m.open();
        assertEquals(State.GATED, m.stateProperty().get());
        assertTrue(m.messageProperty().get().contains("switched off"), m.messageProperty().get());

        manager.put("plan", new OrgPlan("Enterprise", true), OrgPlan.class);
        m.open();
        assertEquals(State.READY, m.stateProperty().get(), m.messageProperty().get());
        assertEquals("0", m.ordersProperty().get());
        manager.close();
    }

    private static Map<String, String> unzip(Path zip) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                z.transferTo(bytes);
                out.put(e.getName(), bytes.toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
