package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import io.brigade.server.ImportSalesCommand;
import io.brigade.server.analytics.Analytics;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleImport;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export reads a day's rows on one thread and writes them on another, a thousand sales at a time: every sale
 * of days larger than that (1,300 sales each, then a day without any) is written once, day by day in sale-id order,
 * with its lines; days of a few sales, read several at once, in the same order.
 */
class ExportOrderTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everySaleIsWrittenOnceInDayAndSaleIdOrder(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        List<SaleImport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 2_600; i++) {
            String time = "2026-02-0" + (1 + i % 2) + "T1" + (i % 10) + ":" + (10 + i % 50) + ":00Z";
            Map<String, Object> sale = Sales.simple(t.ids(), time, "2.50");
            entries.add(SaleImport.Entry.of(i, Json.mapper().convertValue(sale, Sale.class)));
        }
        Clock clock = Clock.systemUTC();
        OrgRepository orgs = new OrgRepository();
        MenuService menus = new MenuService(server.database(), new MenuRepository(), orgs, clock);
        SaleRepository sales = new SaleRepository();
        new SaleImport(server.database(), orgs, menus, sales, new Analytics(server.database(), orgs, menus, sales,
                clock).saleRollups(), clock, 500).run(t.ids().orgId(), entries.iterator(), null);

        JsonNode job = Jobs.run(t.api(), t.ids().orgId(), "analytics-export", Map.of("fromDate", "2026-02-01",
                "toDate", "2026-02-03"));
        assertEquals("completed", job.get("status").asText(), job.toString());
        String base = Jobs.path(t.ids().orgId()) + "/" + job.get("jobId").asText() + "/result/";
        List<String> exported = column(t.api().get(base + "sales.csv").body(), "saleId");
        List<String> lineSales = column(t.api().get(base + "lines.csv").body(), "saleId");
        List<String> stored = server.database().read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sale_id FROM sales WHERE org_id = ? "
                    + "ORDER BY business_date, sale_id")) {
                ps.setString(1, t.ids().orgId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        assertEquals(2_600, stored.size());
        assertEquals(stored, exported);
        assertEquals(stored, lineSales, "one line each, in the sales' order");
        assertEquals(2_600, job.get("result").get("sales").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void smallDaysReadTogetherAreWrittenInDayAndSaleIdOrder(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        TestServer.Tenant other = server.newTenant();
        SaleImport imports = imports(server);
        // Later days are imported first, so a day's sale ids are below an earlier day's; another org's sales
        // come between them; one sale a day is cancelled.
        for (int day = 12; day >= 1; day--) {
            for (TestServer.Tenant tenant : List.of(t, other)) {
                List<SaleImport.Entry> entries = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String time = String.format("2026-02-%02dT1%d:%d5:00Z", day, i, i);
                    Map<String, Object> sale = Sales.simple(tenant.ids(), time, "2.50");
                    if (i == 3) {
                        sale.put("status", "SALE_CANCELLED");
                    }
                    entries.add(SaleImport.Entry.of(i, Json.mapper().convertValue(sale, Sale.class)));
                }
                imports.run(tenant.ids().orgId(), entries.iterator(), null);
            }
        }

        for (boolean cancelled : List.of(true, false)) {
            JsonNode job = Jobs.run(t.api(), t.ids().orgId(), "analytics-export", Map.of("fromDate", "2026-02-01",
                    "toDate", "2026-02-28", "includeCancelled", cancelled));
            assertEquals("completed", job.get("status").asText(), job.toString());
            String base = Jobs.path(t.ids().orgId()) + "/" + job.get("jobId").asText() + "/result/";
            List<String> stored = stored(server, t.ids().orgId(), cancelled);
            assertEquals(cancelled ? 48 : 36, stored.size());
            assertEquals(stored, column(t.api().get(base + "sales.csv").body(), "saleId"));
            assertEquals(stored, column(t.api().get(base + "lines.csv").body(), "saleId"), "one line each");
            assertEquals(stored, column(t.api().get(base + "payments.csv").body(), "saleId"), "one payment each");
        }
    }

    private static SaleImport imports(TestServer server) {
        return ImportSalesCommand.saleImport(server.database(), Clock.systemUTC(), 500);
    }

    private static List<String> stored(TestServer server, String orgId, boolean cancelled) {
        return server.database().read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sale_id FROM sales WHERE org_id = ? "
                    + (cancelled ? "" : "AND status <> 'SALE_CANCELLED' ") + "ORDER BY business_date, sale_id")) {
                ps.setString(1, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private static List<String> column(String csv, String name) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            out.add(r.get(name));
        }
        return out;
    }
}
