package io.brigade.server.sales;

import static io.brigade.server.support.Sales.item;
import static io.brigade.server.support.Sales.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the POS analytics guide and the marketplace guide as written, with only the host changed. */
class GuideFlowTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void posAnalyticsGuideRunsEndToEnd(String db) throws Exception {
        TestServer.Tenant tenant = TestServer.of(db).newTenant();
        DemoBootstrap.Result ids = tenant.ids();
        ApiClient api = tenant.api().with("User-Agent", "guide-test/0.1");

        // Onboarding: walk the org tree.
        JsonNode orgs = ok(api.get("/orgManagement/orgs"));
        assertEquals(ids.orgId(), orgs.get("data").get(0).get("orgId").asText());
        String org = "/orgManagement/orgs/" + ids.orgId();
        JsonNode properties = ok(api.get(org + "/properties"));
        assertEquals(ids.propertyId(), properties.get("data").get(0).get("propertyId").asText());
        JsonNode channels = ok(api.get(org + "/properties/" + ids.propertyId() + "/salesChannels"));
        JsonNode pos = channels.get("data").get(0);
        assertEquals("POS", pos.get("salesChannelType").asText());
        assertEquals(ids.brandId(), pos.get("brandId").asText());
        JsonNode vat = ok(api.get(org + "/properties/" + ids.propertyId() + "/vat")).get("data");
        assertTrue(vat.get("isVatApplicable").asBoolean());
        assertEquals("13.5", vat.get("vatPercentage").asText());
        assertTrue(vat.get("operativeVatBands").isArray());

        // Syncing the menu.
        String menus = "/menuManagement/orgs/" + ids.orgId() + "/menus";
        assertEquals(ids.menuId(), ok(api.get(menus + "/headers")).get("data").get(0).get("menuId").asText());
        assertEquals(ids.menuId(), ok(api.get(menus + "/published")).get("data").get(0).get("menuId").asText());
        JsonNode current = ok(api.get(menus + "/" + ids.menuId() + "/current")).get("data");
        assertEquals(1, current.get("revisionId").asInt());
        JsonNode firstItem = current.get("menu").get("categories").get(0).get("items").get(0);
        for (String field : List.of("id", "productId", "caption", "allergens", "alcohol", "pricingProfiles",
                "availabilityOverrides")) {
            assertTrue(firstItem.has(field), "item has " + field);
        }
        assertTrue(firstItem.get("pricingProfiles").get(0).has("takeawayTax"));
        assertEquals(current, ok(api.get(menus + "/" + ids.menuId() + "/revisions/1")).get("data"));

        // Push a sale exactly like the guide's step 4, with a modifier.
        Map<String, Object> sale = Sales.simple(ids, "2026-01-01T13:00:00Z", "10.00");
        sale.put("items", List.of(item(ids.menuItemIds().get(1), 1, "13.99",
                List.of(item(ids.modifierItemIds().get(0), 1, "1.50", List.of())))));
        sale.put("charges", List.of(Map.of("type", "Service", "amount", 1.55)));
        sale.put("discounts", List.of(Map.of("type", "Spot", "amount", 1.00)));
        sale.put("payments", List.of(payment("Sale", "Credit", "16.04", "2026-01-01T13:00:00Z")));
        sale.put("dispatchType", "DineIn");
        sale.put("dineIn", Map.of("tableId", "12", "guests", 2));
        sale.put("customer", Map.of("name", "John Smith", "phoneNumber", "+353871234567"));
        sale.put("externalId", "your-platform-ref-12345");
        sale.put("metadata", "{\"posTerminal\":\"till-2\"}");
        ApiClient.Response created = api.post("/salesManagement/orgs/" + ids.orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, created.status(), created.body());
        String saleId = created.json().get("saleId").asText();
        assertTrue(saleId.matches("[0-9A-HJKMNP-TV-Z]{16}"), "Crockford base32 sale id: " + saleId);
        assertNotNull(created.json().get("createdAt"));
        assertNotNull(created.json().get("dispatchTime"));

        // Read it back: list for the business date, then detail.
        String channel = "/salesManagement/orgs/" + ids.orgId() + "/salesChannels/" + ids.salesChannelId();
        JsonNode list = ok(api.get(channel + "/sales?fromDate=2026-01-01&toDate=2026-01-01")).get("data");
        assertEquals(1, list.size());
        JsonNode header = list.get(0);
        assertEquals(saleId, header.get("saleId").asText());
        assertEquals("1.55", header.get("totalCharges").asText());
        assertEquals("1.00", header.get("totalDiscounts").asText());
        assertEquals("16.04", header.get("totalSaleAmount").asText());
        assertEquals("16.04", header.get("totalPaidAmount").asText());
        assertEquals("0.00", header.get("totalRefunds").asText());
        assertEquals(0, ok(api.get(channel + "/sales?fromDate=2026-01-02&toDate=2026-01-02")).get("data").size());

        JsonNode detail = ok(api.get(channel + "/sales/" + saleId)).get("data");
        assertEquals("DineIn", detail.get("dispatchType").asText());
        assertEquals("353871234567", detail.get("customer").get("phoneNumber").asText());
        assertEquals("12", detail.get("dineIn").get("tableId").asText());
        JsonNode line = detail.get("items").get(0);
        assertEquals(ids.menuItemIds().get(1), line.get("menuItemId").asText());
        assertEquals("13.99", line.get("unitPrice").asText());
        assertEquals(ids.modifierItemIds().get(0), line.get("modifierItems").get(0).get("menuItemId").asText());
        assertEquals("{\"posTerminal\":\"till-2\"}", detail.get("metadata").asText());
        assertEquals(ids.menuRevisionId(), detail.get("menuRevisionId").asText());

        // Step 6: cancel.
        Map<String, Object> cancel = new LinkedHashMap<>();
        cancel.put("salesChannelId", ids.salesChannelId());
        cancel.put("cancellationReason", "Cancelled by customer");
        cancel.put("cancellationNotes", "Customer requested cancellation via phone");
        JsonNode cancelled = ok(api.post("/salesManagement/orgs/" + ids.orgId() + "/sales/" + saleId + "/cancel",
                cancel));
        assertEquals("SALE_CANCELLED", cancelled.get("data").get("status").asText());
        assertEquals(409, api.post("/salesManagement/orgs/" + ids.orgId() + "/sales/" + saleId + "/cancel",
                cancel).status(), "a cancelled sale cannot be cancelled again");

        // Testing section: delivery status on a POS TakeAway sale, dispatched then delivered.
        ApiClient.Response second = api.post("/salesManagement/orgs/" + ids.orgId() + "/sales",
                Sales.simple(ids, "2026-01-01T14:00:00Z", "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        String secondId = second.json().get("saleId").asText();
        String status = "/salesManagement/orgs/" + ids.orgId() + "/sales/" + secondId + "/deliveryStatus";
        assertEquals("SALE_DISPATCHED", ok(api.post(status, Map.of("status", "SALE_DISPATCHED",
                "dispatchTime", "2026-01-01T14:05:00Z"))).get("data").get("status").asText());
        assertEquals("SALE_DELIVERED", ok(api.post(status, Map.of("status", "SALE_DELIVERED",
                "deliveryTime", "2026-01-01T14:20:00Z"))).get("data").get("status").asText());
        assertEquals(2, ok(api.get(channel + "/sales?fromDate=2026-01-01&toDate=2026-01-01")).get("data").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void marketplacePushWithApiKeyInFdAuthorization(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant tenant = server.newTenant();
        DemoBootstrap.Result ids = tenant.ids();
        ApiClient api = new ApiClient(server.server().uri()).with("FD-Authorization", ids.apiKey());
        String body = """
                {
                  "salesChannelId": "%s",
                  "source": "YourMarketplace",
                  "externalId": "your-platform-order-12345",
                  "requestedFulfillmentTime": "2025-10-28T14:30:00Z",
                  "desiredAsap": true,
                  "dispatchType": "Delivery",
                  "menuId": "%s",
                  "menuRevisionId": "1",
                  "customer": {
                    "phoneNumber": "+353871234567",
                    "name": "John Smith",
                    "emailAddress": "[email protected]",
                    "externalId": "customer_123"
                  },
                  "delivery": {
                    "deliveredBy": "External",
                    "notes": "Leave at door",
                    "location": {
                      "countryCode": "IE",
                      "addressFields": { "line1": "38 Pearse Street", "line2": "Dublin", "postCode": "D02 XX00" },
                      "coordinates": { "latitude": 53.343, "longitude": -6.255 }
                    }
                  },
                  "items": [
                    {
                      "menuItemId": "%s",
                      "quantity": 1,
                      "unitPrice": 13.99,
                      "modifierItems": [
                        { "menuItemId": "%s", "quantity": 1, "unitPrice": 1.50 }
                      ]
                    }
                  ],
                  "charges": [ { "type": "Delivery", "amount": 2.50 } ],
                  "discounts": [],
                  "payments": [
                    {
                      "type": "Sale",
                      "paymentMethod": "Online",
                      "amount": 17.99,
                      "paidAt": "2025-10-28T14:25:00Z",
                      "description1": "Visa ****4921"
                    }
                  ]
                }
                """.formatted(ids.salesChannelId(), ids.menuId(), ids.menuItemIds().get(1),
                ids.modifierItemIds().get(0));
        ApiClient.Response created = api.with("x-idempotency-key", "your-platform-order-12345")
                .send("POST", "/sales/orgs/" + ids.orgId() + "/sales", body);
        assertEquals(201, created.status(), created.body());
        String saleId = created.json().get("saleId").asText();
        JsonNode detail = ok(api.get("/sales/orgs/" + ids.orgId() + "/salesChannels/" + ids.salesChannelId()
                + "/sales/" + saleId)).get("data");
        assertEquals("Leave at door", detail.get("delivery").get("notes").asText());
        assertEquals("D02 XX00", detail.get("delivery").get("location").get("addressFields").get("postCode").asText());
        assertEquals("53.343", detail.get("delivery").get("location").get("coordinates").get("latitude").asText());
        assertEquals("your-platform-order-12345", detail.get("externalId").asText());
        assertEquals("Visa ****4921", detail.get("payments").get(0).get("description1").asText());
        // Same shape as the create body: the request fields round-trip.
        JsonNode sent = Json.mapper().readTree(body);
        assertEquals(sent.get("items").get(0).get("menuItemId"), detail.get("items").get(0).get("menuItemId"));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
