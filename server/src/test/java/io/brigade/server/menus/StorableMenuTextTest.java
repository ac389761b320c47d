package io.brigade.server.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A menu's name, ids and captions fit where they are stored, by the menu and by the sales of its items: the
 * longest are accepted and sold, longer ones refused with 422 naming the field.
 */
class StorableMenuTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLimitsAreTheColumnsSizes(String db) {
        var database = TestServer.of(db).database();
        assertEquals(MenuService.NAME, TestDatabases.columnSize(database, "menus.name"));
        assertEquals(MenuService.ID, TestDatabases.columnSize(database, "sale_items.menu_item_id"));
        assertEquals(MenuService.ID, TestDatabases.columnSize(database, "menu_item_nutrition.product_id"));
        assertEquals(MenuService.CAPTION, TestDatabases.columnSize(database, "analytics_items_day.caption"));
        assertEquals(MenuService.CAPTION, TestDatabases.columnSize(database, "analytics_items_day.group_caption"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anItemWithTheLongestIdAndCaptionsIsPublishedAndSold(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String itemId = "i".repeat(MenuService.ID);
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        ApiClient.Response created = t.api().post(menus, menu("m".repeat(MenuService.NAME),
                "c".repeat(MenuService.CAPTION), itemId, "x".repeat(MenuService.CAPTION)));
        assertEquals(201, created.status(), created.body());
        String menuId = created.json().get("menuId").asText();
        assertEquals(200, t.api().post(menus + "/" + menuId + "/revisions/1/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId()))).status());

        Map<String, Object> sale = Sales.simple(t.ids(), "2026-03-04T12:00:00Z", "2.00");
        sale.put("menuId", menuId);
        sale.put("menuRevisionId", "1");
        sale.put("items", List.of(Sales.item(itemId, 1, "2.00", List.of())));
        ApiClient.Response pushed = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, pushed.status(), pushed.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void longerTextIsRefusedNamingTheField(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        assertRefused(t.api().post(menus, menu("m".repeat(MenuService.NAME + 1), "Snacks", null, "Crisps")), "name");
        assertRefused(t.api().post(menus, menu("Late", "c".repeat(MenuService.CAPTION + 1), null, "Crisps")),
                "categories[0].caption");
        assertRefused(t.api().post(menus, menu("Late", "Snacks", "i".repeat(MenuService.ID + 1), "Crisps")),
                "categories[0].items[0].id");
        assertRefused(t.api().post(menus, menu("Late", "Snacks", null, "x".repeat(MenuService.CAPTION + 1))),
                "categories[0].items[0].caption");
    }

    private static Map<String, Object> menu(String name, String category, String itemId, String caption) {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("caption", caption, "pricingProfiles",
                List.of(Map.of("priceBandId", "d", "dineInPrice", 2, "takeawayPrice", 2, "collectionPrice", 2,
                        "deliveryPrice", 2))));
        if (itemId != null) {
            item.put("id", itemId);
        }
        return Map.of("name", name, "currency", "EUR", "categories",
                List.of(Map.of("caption", category, "items", List.of(item))));
    }

    private static void assertRefused(ApiClient.Response r, String field) {
        assertEquals(422, r.status(), r.body());
        assertTrue(r.json().path("errors").findValuesAsText("field").contains(field), r.body());
    }
}
