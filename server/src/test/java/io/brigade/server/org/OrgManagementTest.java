package io.brigade.server.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The org tree through the API, and server-owned fields that clients cannot set. */
class OrgManagementTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void brandsPropertiesAndChannelsAreCreatedAndListed(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = t.api();
        String org = "/orgManagement/orgs/" + t.ids().orgId();
        assertEquals(t.ids().orgId(), api.get(org).json().get("data").get("orgId").asText());

        ApiClient.Response brand = api.post(org + "/brands", Map.of("name", "Late Night Pizza"));
        assertEquals(201, brand.status(), brand.body());
        String brandId = brand.json().get("data").get("brandId").asText();
        assertTrue(brandId.startsWith("br"));
        assertEquals(2, api.get(org + "/brands").json().get("data").size());

        ApiClient.Response property = api.post(org + "/properties", Map.of("name", "Docklands",
                "vat", Map.of("isVatApplicable", true, "isVatInclusive", false, "vatPercentage", 23)));
        assertEquals(201, property.status(), property.body());
        String propertyId = property.json().get("data").get("propertyId").asText();
        JsonNode vat = api.get(org + "/properties/" + propertyId + "/vat").json().get("data");
        assertEquals(false, vat.get("isVatInclusive").asBoolean());
        assertEquals("23", vat.get("vatPercentage").asText());
        assertEquals("Europe/Dublin", api.get(org + "/properties/" + propertyId).json().get("data")
                .get("timeZone").asText());

        // Two brands now: a channel must say which.
        ApiClient.Response ambiguous = api.post(org + "/properties/" + propertyId + "/salesChannels",
                Map.of("name", "Deliveroo", "salesChannelType", "Deliveroo"));
        assertEquals(422, ambiguous.status(), ambiguous.body());
        ApiClient.Response channel = api.post(org + "/properties/" + propertyId + "/salesChannels",
                Map.of("name", "Deliveroo", "salesChannelType", "Deliveroo", "brandId", brandId,
                        "dispatchTypes", List.of("Delivery")));
        assertEquals(201, channel.status(), channel.body());
        JsonNode listed = api.get(org + "/properties/" + propertyId + "/salesChannels").json().get("data");
        assertEquals(1, listed.size());
        assertEquals("Deliveroo", listed.get(0).get("salesChannelType").asText());
        assertEquals(brandId, listed.get(0).get("brandId").asText());

        assertEquals(400, api.post(org + "/properties/" + propertyId + "/salesChannels",
                Map.of("name", "Fax", "salesChannelType", "Fax")).status());
        assertEquals(400, api.post(org + "/brands", Map.of("name", " ")).status());
        assertEquals(404, api.get(org + "/properties/pNOPE/salesChannels").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void serverOwnedFieldsSentByAClientAreIgnored(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        Map<String, Object> sale = Sales.simple(t.ids(), "2026-07-08T12:00:00Z", "3.00");
        sale.put("saleId", "HACKED");
        sale.put("status", "SALE_DELIVERED");
        sale.put("totalSaleAmount", 999);
        ApiClient.Response created = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, created.status(), created.body());
        assertNotEquals("HACKED", created.json().get("saleId").asText());
        JsonNode header = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales?fromDate=2026-07-08&toDate=2026-07-08").json().get("data").get(0);
        assertEquals("SALE_CREATED", header.get("status").asText());
        assertEquals("3.00", header.get("totalSaleAmount").asText());
    }
}
