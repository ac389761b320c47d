package io.brigade.server.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The owner and managers change a property and its VAT; the org tree shows it and later sales use it. */
class PropertyUpdateTest {

    private static String property(TestServer.Tenant t) {
        return "/orgManagement/orgs/" + t.ids().orgId() + "/properties/" + t.ids().propertyId();
    }

    private static ApiClient.Response send(TestServer.Tenant t, String method, String path, String json) {
        return t.api().send(method, path, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void vatPatchIsSeenByTheOrgTreeRefresh(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient.Response r = send(t, "PATCH", property(t) + "/vat", "{\"vatPercentage\": 9}");
        assertEquals(200, r.status(), r.body());
        JsonNode vat = t.api().get(property(t) + "/vat").json().get("data");
        assertEquals("9", vat.get("vatPercentage").asText());
        assertTrue(vat.get("isVatApplicable").asBoolean(), "left as it was");
        JsonNode listed = t.api().get("/orgManagement/orgs/" + t.ids().orgId() + "/properties").json().get("data")
                .get(0).get("vat");
        assertEquals("9", listed.get("vatPercentage").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void putReplacesNameAddressAndVat(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient.Response r = send(t, "PUT", property(t), """
                {"name": "Harbour Kitchen", "address": "1 Quay St", "countryCode": "ie", "timeZone": "Europe/Dublin",
                 "currency": "EUR", "vat": {"isVatApplicable": true, "isVatInclusive": false, "vatPercentage": 23,
                 "operativeVatBands": [{"name": "Standard", "percentage": 23}]}}""");
        assertEquals(200, r.status(), r.body());
        JsonNode p = t.api().get(property(t)).json().get("data");
        assertEquals("Harbour Kitchen", p.get("name").asText());
        assertEquals("1 Quay St", p.get("address").asText());
        assertEquals("IE", p.get("countryCode").asText());
        assertEquals(false, p.get("vat").get("isVatInclusive").asBoolean());
        assertEquals("Standard", p.get("vat").get("operativeVatBands").get(0).get("name").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void newTimeZoneAppliesToSalesRungAfterTheChange(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String channel = "/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId();
        String lateEvening = "2026-03-01T23:30:00Z"; // 1 March in Dublin, 2 March in Tokyo
        push(t, lateEvening);
        assertEquals(200, send(t, "PATCH", property(t), "{\"timeZone\": \"Asia/Tokyo\"}").status());
        push(t, lateEvening);
        assertEquals(1, t.api().get(channel + "/sales?fromDate=2026-03-01&toDate=2026-03-01").json().get("data")
                .size(), "the sale rung before keeps its business date");
        assertEquals(1, t.api().get(channel + "/sales?fromDate=2026-03-02&toDate=2026-03-02").json().get("data")
                .size(), "the sale rung after is dated in the new zone");
    }

    private static void push(TestServer.Tenant t, String time) {
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                Sales.simple(t.ids(), time, "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void refusedUpdatesNameTheFieldAndChangeNothing(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        JsonNode before = t.api().get(property(t)).json();
        Map<String, String> bad = Map.of(
                "{\"name\": \"x\"}", "countryCode",
                "{\"timeZone\": \"Mars/Olympus\"}", "timeZone",
                "{\"vat\": {\"vatPercentage\": 101}}", "vat.vatPercentage",
                "{\"name\": \"" + "n".repeat(201) + "\"}", "name",
                "{\"vat\": {\"operativeVatBands\": [{\"percentage\": 5}]}}", "vat.operativeVatBands[0].name");
        bad.forEach((body, field) -> {
            String method = field.equals("countryCode") ? "PUT" : "PATCH";
            ApiClient.Response r = send(t, method, property(t), body);
            assertTrue(r.status() == 400 || r.status() == 422, method + " " + body + ": " + r.body());
            assertTrue(r.body().contains("\"" + field + "\""), "names " + field + ": " + r.body());
        });
        assertEquals(400, send(t, "PUT", property(t) + "/vat", "{\"vatPercentage\": 5}").status(),
                "a PUT of the VAT gives every field");
        assertEquals(404, send(t, "PATCH", "/orgManagement/orgs/" + t.ids().orgId() + "/properties/pNOPE",
                "{\"name\": \"x\"}").status());
        assertEquals(before, t.api().get(property(t)).json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void anIntegrationKeyCannotChangeAProperty(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient key = new ApiClient(t.api().base()).with("FD-Authorization", t.ids().apiKey());
        assertEquals(403, key.send("PATCH", property(t) + "/vat", "{\"vatPercentage\": 0}").status());
        assertEquals(List.of("13.5"), List.of(t.api().get(property(t) + "/vat").json().get("data")
                .get("vatPercentage").asText()));
    }
}
