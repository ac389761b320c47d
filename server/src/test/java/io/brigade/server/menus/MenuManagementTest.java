package io.brigade.server.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The menu lifecycle through the API: provision, create, revise, publish, and immutable history. */
class MenuManagementTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void revisionsAreImmutableAndPublishingMovesCurrent(String db) throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient api = t.api();
        String org = t.ids().orgId();
        String menus = "/menuManagement/orgs/" + org + "/menus";

        // Provision a second property and a KIOSK channel through the Org API, as the guide allows.
        ApiClient.Response property = api.post("/orgManagement/orgs/" + org + "/properties", Map.of("name",
                "Harbour Road", "timeZone", "America/New_York", "currency", "USD", "countryCode", "US"));
        assertEquals(201, property.status(), property.body());
        String propertyId = property.json().get("data").get("propertyId").asText();
        ApiClient.Response channel = api.post("/orgManagement/orgs/" + org + "/properties/" + propertyId
                + "/salesChannels", Map.of("name", "Kiosk", "salesChannelType", "KIOSK"));
        assertEquals(201, channel.status(), channel.body());
        String kiosk = channel.json().get("data").get("salesChannelId").asText();

        JsonNode revision1 = api.get(menus + "/" + t.ids().menuId() + "/revisions/1").json().get("data");
        ObjectNode content = (ObjectNode) revision1.get("menu").deepCopy();
        ((ObjectNode) content.get("categories").get(2).get("items").get(0).get("pricingProfiles").get(0))
                .put("takeawayPrice", new java.math.BigDecimal("2.80"));
        ApiClient.Response created = api.post(menus + "/" + t.ids().menuId() + "/revisions", content);
        assertEquals(201, created.status(), created.body());
        assertEquals(2, created.json().get("revisionId").asInt());

        assertEquals(revision1, api.get(menus + "/" + t.ids().menuId() + "/revisions/1").json().get("data"),
                "revision 1 is unchanged");
        assertEquals(1, api.get(menus + "/" + t.ids().menuId() + "/current").json().get("data").get("revisionId").asInt());

        ApiClient.Response published = api.post(menus + "/" + t.ids().menuId() + "/revisions/2/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId(), kiosk)));
        assertEquals(200, published.status(), published.body());
        assertEquals(2, published.json().get("data").size());
        assertNotEquals(published.json().get("data").get(0).get("menuPublishId"),
                published.json().get("data").get(1).get("menuPublishId"));
        JsonNode current = api.get(menus + "/" + t.ids().menuId() + "/current").json().get("data");
        assertEquals(2, current.get("revisionId").asInt());
        assertEquals("2.80", current.get("menu").get("categories").get(2).get("items").get(0).get("pricingProfiles")
                .get(0).get("takeawayPrice").asText());

        // A till still selling from revision 1 (offline) has its sales accepted.
        ApiClient.Response late = api.post("/salesManagement/orgs/" + org + "/sales",
                Sales.simple(t.ids(), "2026-06-07T12:00:00Z", "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, late.status(), late.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void invalidMenusAndPublishesAreRefusedWithFieldPaths(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        Map<String, Object> bad = Map.of("name", "Broken", "currency", "EUR",
                "modifiers", List.of(Map.of("caption", "Sauces", "min", 3, "max", 1,
                        "items", List.of(Map.of("caption", "Ketchup", "pricingProfiles", List.of(Map.of(
                                "priceBandId", "default", "takeawayPrice", 0)))))),
                "categories", List.of(Map.of("caption", "Mains", "items", List.of(Map.of("caption", "Steak",
                        "pricingProfiles", List.of(Map.of("priceBandId", "default", "takeawayPrice", -4)),
                        "modifierIds", List.of("no-such-group"))))));
        ApiClient.Response r = t.api().post(menus, bad);
        assertEquals(422, r.status(), r.body());
        String body = r.body();
        assertTrue(body.contains("modifiers[0]") && body.contains("categories[0].items[0].pricingProfiles[0]")
                && body.contains("categories[0].items[0].modifierIds"), body);
        assertEquals(1, t.api().get(menus + "/headers").json().get("data").size(), "nothing was stored");

        ApiClient.Response unknownChannel = t.api().post(menus + "/" + t.ids().menuId() + "/revisions/1/publish",
                Map.of("salesChannelIds", List.of("scNOPE")));
        assertEquals(422, unknownChannel.status());
        assertEquals(404, t.api().post(menus + "/" + t.ids().menuId() + "/revisions/7/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId()))).status());
        assertEquals(400, t.api().post("/orgManagement/orgs/" + t.ids().orgId() + "/properties",
                Map.of("name", "X", "timeZone", "Mars/Olympus")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void menuWithoutIdsGetsStableIdsAssigned(String db) throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        ApiClient.Response created = t.api().post(menus, Map.of("name", "Lunch", "currency", "EUR",
                "categories", List.of(Map.of("caption", "Soups", "items", List.of(Map.of("caption", "Tomato soup",
                        "pricingProfiles", List.of(Map.of("priceBandId", "default", "takeawayPrice", 5.5))))))));
        assertEquals(201, created.status(), created.body());
        String menuId = created.json().get("menuId").asText();
        JsonNode item = t.api().get(menus + "/" + menuId + "/revisions/1").json().get("data").get("menu")
                .get("categories").get(0).get("items").get(0);
        assertEquals(item.get("id"), item.get("productId"));
        UUID.fromString(item.get("id").asText());
        assertTrue(Json.mapper().writeValueAsString(item).contains("\"ingredientCost\":0"));
    }
}
