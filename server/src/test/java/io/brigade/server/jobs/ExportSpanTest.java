package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;




import io.brigade.server.ImportSalesCommand;
import io.brigade.server.sales.SaleImport;

import io.brigade.server.support.ApiClient;
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
 * The export reads a day's child rows as the span of sale ids from the day's first sale to its last, or, when
 * other sales fill most of that span, sale by sale. Four orgs whose sales were written in turns (each org's day
 * spans four times its own sales) are exported one org at a time, and one org's sales of two channel types one
 * type at a time.
 */
class ExportSpanTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOrgWhoseSalesAreInterleavedWithOtherOrgsGetsItsOwnSalesOnce(String db) throws Exception {
        TestServer server = TestServer.of(db);
        List<TestServer.Tenant> tenants = List.of(server.newTenant(), server.newTenant(), server.newTenant(),
                server.newTenant());
        SaleImport imports = imports(server);
        for (int round = 0; round < 6; round++) {
            for (TestServer.Tenant t : tenants) {
                List<SaleImport.Entry> entries = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    Map<String, Object> sale = Sales.simple(t.ids(), "2026-02-01T1" + (i % 10) + ":"
                            + (10 + round * 5 + i % 5) + ":00Z", "2.50");
                    entries.add(SaleImport.Entry.of(i, Json.mapper().convertValue(sale, Sale.class)));
                }
                imports.run(t.ids().orgId(), entries.iterator(), null);
            }
        }

        for (TestServer.Tenant t : List.of(tenants.get(0), tenants.get(3))) {
            Export export = export(t, Map.of("fromDate", "2026-02-01", "toDate", "2026-02-01"));
            List<String> stored = stored(server, t.ids().orgId(), null);
            assertEquals(300, stored.size());
            assertEquals(stored, export.sales());
            assertEquals(stored, export.lineSales(), "one line each, in the sales' order");
            assertEquals(stored, export.paymentSales(), "one payment each, in the sales' order");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anExportOfOneChannelTypeHoldsTheSalesOfThatTypeAlone(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        ApiClient.Response channel = t.api().post("/orgManagement/orgs/" + org + "/properties/"
                + t.ids().propertyId() + "/salesChannels", Map.of("name", "Kiosk", "salesChannelType", "KIOSK"));
        assertEquals(201, channel.status(), channel.body());
        String kiosk = channel.json().get("data").get("salesChannelId").asText();
        ApiClient.Response published = t.api().post("/menuManagement/orgs/" + org + "/menus/" + t.ids().menuId()
                + "/revisions/" + t.ids().menuRevisionId() + "/publish", Map.of("salesChannelIds", List.of(kiosk)));
        assertEquals(200, published.status(), published.body());
        List<SaleImport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> sale = Sales.simple(t.ids(), "2026-02-01T1" + (i % 10) + ":" + (10 + i % 50) + ":00Z",
                    "4.00");
            if (i % 3 == 0) {
                sale.put("salesChannelId", kiosk);
            }
            entries.add(SaleImport.Entry.of(i, Json.mapper().convertValue(sale, Sale.class)));
        }
        imports(server).run(org, entries.iterator(), null);

        Export kiosks = export(t, Map.of("fromDate", "2026-02-01", "toDate", "2026-02-01", "salesChannelType",
                "KIOSK"));
        assertEquals(stored(server, org, kiosk), kiosks.sales());
        assertEquals(20, kiosks.sales().size());
        assertEquals(kiosks.sales(), kiosks.lineSales());
        Export tills = export(t, Map.of("fromDate", "2026-02-01", "toDate", "2026-02-01", "salesChannelType",
                "POS"));
        assertEquals(stored(server, org, t.ids().salesChannelId()), tills.sales());
        assertEquals(40, tills.sales().size());
        assertEquals(tills.sales(), tills.lineSales());
    }

    private record Export(List<String> sales, List<String> lineSales, List<String> paymentSales) {
    }

    private static Export export(TestServer.Tenant t, Map<String, Object> parameters) throws Exception {
        JsonNode job = Jobs.run(t.api(), t.ids().orgId(), "analytics-export", parameters);
        assertEquals("completed", job.get("status").asText(), job.toString());
        String base = Jobs.path(t.ids().orgId()) + "/" + job.get("jobId").asText() + "/result/";
        return new Export(column(t.api().get(base + "sales.csv").body()),
                column(t.api().get(base + "lines.csv").body()), column(t.api().get(base + "payments.csv").body()));
    }

    private static SaleImport imports(TestServer server) {
        return ImportSalesCommand.saleImport(server.database(), Clock.systemUTC(), 500);
    }

    private static List<String> stored(TestServer server, String orgId, String channelId) {
        return server.database().read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sale_id FROM sales WHERE org_id = ? "
                    + "AND sales_channel_id = COALESCE(?, sales_channel_id) ORDER BY business_date, sale_id")) {
                ps.setString(1, orgId);
                ps.setString(2, channelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private static List<String> column(String csv) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            out.add(r.get("saleId"));
        }
        return out;
    }
}
