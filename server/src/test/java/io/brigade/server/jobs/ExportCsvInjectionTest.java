package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text a customer or integrator typed cannot run as a spreadsheet formula in the export's files. */
class ExportCsvInjectionTest {

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void formulaTextIsNeutralisedInEveryFile(String db) throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        Map<String, Object> sale = Sales.simple(t.ids(), "2026-05-02T12:00:00Z", "3.00");
        sale.put("externalId", "=HYPERLINK(\"http://evil.example\",\"x\")");
        Map<String, Object> item = new java.util.LinkedHashMap<>(Sales.item(t.ids().menuItemIds().get(8), 1, "3.00",
                List.of()));
        item.put("notes", "+cmd|' /C calc'!A0");
        sale.put("items", List.of(item));
        sale.put("discounts", List.of(Sales.amount("Voucher", "0.50", "-2+3")));
        Map<String, Object> payment = Sales.payment("Sale", "Cash", "2.50", "2026-05-02T12:00:00Z");
        sale.put("payments", List.of(payment));
        String saleId = Jobs.push(t.api(), org, sale);
        assertEquals(200, t.api().post("/salesManagement/orgs/" + org + "/sales/" + saleId + "/cancel",
                Map.of("cancellationReason", "@SUM(A1:A9)")).status());

        JsonNode job = Jobs.run(t.api(), org, "analytics-export", Map.of("fromDate", "2026-05-01",
                "toDate", "2026-05-31"));
        assertEquals("completed", job.get("status").asText(), job.toString());
        String base = Jobs.path(org) + "/" + job.get("jobId").asText() + "/result/";

        CSVRecord header = csv(t.api().get(base + "sales.csv").body()).get(0);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", header.get("externalId"));
        assertEquals("'@SUM(A1:A9)", header.get("cancellationReason"));
        assertEquals("Voucher:-2+3", header.get("discounts"), "starts with a letter: already text");
        CSVRecord line = csv(t.api().get(base + "lines.csv").body()).get(0);
        assertEquals("'+cmd|' /C calc'!A0", line.get("notes"));
        List<String> codes = new ArrayList<>();
        csv(t.api().get(base + "discounts.csv").body()).forEach(r -> codes.add(r.get(3)));
        assertEquals(List.of("'-2+3"), codes);
    }
}
