package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fields the guides document are present, as null when empty, instead of left out. */
class DocumentedNullsTest {
    static final List<String> ITEM_FIELDS = List.of("id", "productId", "externalId", "caption", "description",
            "allergens", "alcohol", "pricingProfiles", "availabilityOverrides");
    static final List<String> SALE_FIELDS = List.of("salesChannelId", "source", "requestedFulfillmentTime",
            "desiredAsap", "dispatchType", "externalId", "displayId", "menuId", "menuRevisionId", "customer",
            "dineIn", "delivery", "items", "charges", "discounts", "payments", "metadata");
    static final List<String> HEADER_FIELDS = List.of("saleId", "dateTime", "salesChannelId", "source",
            "requestedFulfillmentTime", "desiredAsap", "dispatchType", "externalId", "displayId", "menuId",
            "menuRevisionId", "totalCharges", "totalDiscounts", "totalRefunds", "totalSaleAmount", "totalPaidAmount",
            "metadata");

    private static void assertFields(JsonNode node, List<String> fields, String what) {
        for (String field : fields) {
            assertTrue(node.has(field), what + " has " + field + ": " + node);
        }
    }

    private static JsonNode firstItem(JsonNode menu) {
        return menu.get("categories").get(0).get("items").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void menuItemsShowEmptyFieldsAsNull(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menu = "/menuManagement/orgs/" + t.ids().orgId() + "/menus/" + t.ids().menuId();
        JsonNode current = firstItem(t.api().get(menu + "/current").json().get("data").get("menu"));
        assertFields(current, ITEM_FIELDS, "an item of current");
        assertTrue(current.get("externalId").isNull() && current.get("description").isNull(), current.toString());
        JsonNode revision = firstItem(t.api().get(menu + "/revisions/" + t.ids().menuRevisionId()).json().get("data")
                .get("menu"));
        assertFields(revision, ITEM_FIELDS, "an item of a revision");
        assertFields(revision.get("pricingProfiles").get(0), List.of("priceBandId", "collectionPrice", "deliveryPrice",
                "dineInPrice", "takeawayPrice", "collectionTax", "deliveryTax", "dineInTax", "takeawayTax",
                "taxablePrice", "taxable"), "a pricing profile");
    }

    @Test
    void menuPublishedEventShowsEmptyItemFieldsAsNull() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(WebhookDeliveryTest.SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            WebhookDeliveryTest.subscribe(api, org.orgId(), receiver.url(), List.of("menu.published.v1"));
            assertEquals(200, api.post("/menuManagement/orgs/" + org.orgId() + "/menus/" + org.menuId()
                    + "/revisions/" + org.menuRevisionId() + "/publish",
                    Map.of("salesChannelIds", List.of(org.salesChannelId()))).status());
            h.dispatcher().drain();
            JsonNode item = firstItem(WebhookDeliveryTest.json(receiver.ofType("menu.published.v1").get(0).body())
                    .get("detail").get("properties").get("menu"));
            assertFields(item, ITEM_FIELDS, "an item of menu.published.v1");
            assertTrue(item.get("externalId").isNull(), item.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void saleReadsShowEmptyFieldsAsNull(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String saleId = WebhookDeliveryTest.sale(t.api(), t.ids(), java.time.Instant.parse("2026-03-04T12:00:00Z"));
        String channel = "/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId();
        JsonNode detail = t.api().get(channel + "/sales/" + saleId).json().get("data");
        assertFields(detail, SALE_FIELDS, "the sale detail");
        assertTrue(detail.get("externalId").isNull() && detail.get("customer").isNull(), detail.toString());
        assertFields(detail.get("items").get(0), List.of("menuItemId", "quantity", "unitPrice", "notes",
                "modifierItems"), "a line");
        assertFields(detail.get("payments").get(0), List.of("type", "paymentMethod", "amount", "paidAt",
                "description1"), "a payment");
        JsonNode header = t.api().get(channel + "/sales?fromDate=2026-03-04&toDate=2026-03-04").json().get("data")
                .get(0);
        assertFields(header, HEADER_FIELDS, "a sale header");
    }
}
