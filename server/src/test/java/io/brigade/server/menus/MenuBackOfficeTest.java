package io.brigade.server.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The desktop menu editor's back-office routes: a manager's session lists, revises and publishes menus. */
class MenuBackOfficeTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managerEditsADraftSavesItAsANewRevisionAndPublishesIt(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        String menus = "/backoffice/v1/orgs/" + org + "/menus";
        ApiClient manager = session(t, t.ids().managerPin());

        ApiClient.Response list = manager.get(menus);
        assertEquals(200, list.status(), list.body());
        JsonNode menu = list.json().get("data").get("menus").get(0);
        assertEquals(t.ids().menuId(), menu.get("menuId").asText());
        assertEquals(1, menu.get("revisions").size());
        assertEquals(1, menu.get("publications").get(0).get("menuRevisionId").asInt());
        assertEquals(t.ids().salesChannelId(), menu.get("publications").get(0).get("salesChannelId").asText());
        assertEquals(t.ids().salesChannelId(),
                list.json().get("data").get("salesChannels").get(0).get("salesChannelId").asText());

        ApiClient.Response read = manager.get(menus + "/" + t.ids().menuId() + "/revisions/1");
        assertEquals(200, read.status(), read.body());
        ObjectNode draft = read.json().get("data").get("menu").deepCopy();
        ObjectNode cola = (ObjectNode) draft.get("categories").get(2).get("items").get(1);
        assertEquals("Cola", cola.get("caption").asText());
        ((ObjectNode) cola.get("pricingProfiles").get(0)).put("dineInPrice", new BigDecimal("3.20"));
        cola.put("ingredientCost", new BigDecimal("0.60"));
        ObjectNode added = cola.deepCopy();
        added.remove(List.of("id", "productId"));
        added.put("caption", "Lemonade");
        ((ArrayNode) draft.get("categories").get(2).get("items")).add(added);

        ApiClient.Response saved = manager.post(menus + "/" + t.ids().menuId() + "/revisions", draft);
        assertEquals(201, saved.status(), saved.body());
        assertEquals(2, saved.json().get("revisionId").asInt());
        ApiClient.Response published = manager.post(menus + "/" + t.ids().menuId() + "/revisions/2/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId())));
        assertEquals(200, published.status(), published.body());

        JsonNode after = manager.get(menus).json().get("data").get("menus").get(0);
        assertEquals(2, after.get("revisions").size());
        assertEquals(2, after.get("publications").get(0).get("menuRevisionId").asInt());
        JsonNode current = t.api().get("/menuManagement/orgs/" + org + "/menus/" + t.ids().menuId() + "/current")
                .json().get("data").get("menu");
        JsonNode drinks = current.get("categories").get(2).get("items");
        assertEquals("3.20", drinks.get(1).get("pricingProfiles").get(0).get("dineInPrice").asText());
        assertEquals("0.60", drinks.get(1).get("ingredientCost").asText());
        assertEquals("Lemonade", drinks.get(4).get("caption").asText());
        assertTrue(!drinks.get(4).get("id").asText().equals(cola.get("id").asText()), "the new item got its own id");
        assertEquals(403, manager.get("/menuManagement/orgs/" + org + "/menus/headers").status(),
                "the v3 menu API stays closed to staff sessions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void badRevisionsAndPublicationsAreRefusedWithFieldPathsAndChangeNothing(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/backoffice/v1/orgs/" + t.ids().orgId() + "/menus";
        String revisions = menus + "/" + t.ids().menuId() + "/revisions";
        ApiClient manager = session(t, "9090");
        ObjectNode draft = manager.get(revisions + "/1").json().get("data").get("menu").deepCopy();
        ObjectNode margherita = (ObjectNode) draft.get("categories").get(0).get("items").get(0);
        ((ObjectNode) margherita.get("pricingProfiles").get(0)).put("dineInPrice", new BigDecimal("-1"));
        margherita.put("ingredientCost", new BigDecimal("-0.5"));
        margherita.put("caption", " ");
        ObjectNode toppings = (ObjectNode) draft.get("modifiers").get(0);
        toppings.put("min", 4);
        toppings.put("max", 2);

        ApiClient.Response refused = manager.post(revisions, draft);
        assertEquals(422, refused.status(), refused.body());
        assertEquals(List.of("modifiers[0]", "categories[0].items[0].caption",
                "categories[0].items[0].pricingProfiles[0].dineInPrice", "categories[0].items[0].ingredientCost"),
                fields(refused));
        assertEquals(400, manager.send("POST", revisions, "{not json").status());
        assertEquals(400, manager.send("POST", revisions, "").status());

        ApiClient.Response none = manager.post(revisions + "/1/publish", Map.of("salesChannelIds", List.of()));
        assertEquals(400, none.status());
        assertEquals(List.of("salesChannelIds"), fields(none));
        ApiClient.Response unknown = manager.post(revisions + "/1/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId(), "sc_nope")));
        assertEquals(422, unknown.status());
        assertEquals(List.of("salesChannelIds[1]"), fields(unknown));
        assertEquals(404, manager.post(revisions + "/7/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId()))).status());

        JsonNode menu = manager.get(menus).json().get("data").get("menus").get(0);
        assertEquals(1, menu.get("revisions").size(), "no revision was made");
        assertEquals(1, menu.get("publications").size());
        assertEquals(1, menu.get("publications").get(0).get("menuRevisionId").asInt(), "nothing was published");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void onlyManagersOfTheOrgReachTheMenus(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        TestServer.Tenant other = TestServer.of(db).newTenant();
        String menus = "/backoffice/v1/orgs/" + t.ids().orgId() + "/menus";
        ApiClient owner = t.api();
        assertEquals(201, owner.post("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff",
                Map.of("name", "Ciara", "role", "CASHIER", "pin", "1212")).status());
        assertEquals(403, session(t, "1212").get(menus).status(), "a cashier cannot edit menus");
        ApiClient byKey = new ApiClient(owner.base()).with("Authorization", "Bearer " + t.ids().apiKey());
        assertEquals(403, byKey.get(menus).status(), "an API key cannot edit menus");
        ApiClient stranger = session(other, other.ids().managerPin());
        assertEquals(404, stranger.get(menus).status(), "another org's manager learns nothing");
        assertEquals(404, stranger.get("/backoffice/v1/orgs/" + other.ids().orgId() + "/menus/"
                + t.ids().menuId() + "/revisions/1").status());
        assertEquals(404, stranger.post("/backoffice/v1/orgs/" + other.ids().orgId() + "/menus/"
                + t.ids().menuId() + "/revisions/1/publish",
                Map.of("salesChannelIds", List.of(other.ids().salesChannelId()))).status());
        assertEquals(200, owner.get(menus).status(), "the org's own terminal client may");
    }

    private static ApiClient session(TestServer.Tenant t, String pin) {
        ApiClient anonymous = new ApiClient(t.api().base());
        ApiClient.Response r = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", t.ids().orgId(), "pin", pin));
        if (r.status() == 401 && pin.equals("9090")) {
            assertEquals(201, t.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff",
                    Map.of("name", "Maeve", "role", "MANAGER", "pin", "9090")).status());
            r = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", t.ids().orgId(), "pin", pin));
        }
        assertEquals(201, r.status(), r.body());
        return new ApiClient(t.api().base()).with("Authorization", "Bearer " + r.json().get("token").asText());
    }

    private static List<String> fields(ApiClient.Response problem) {
        List<String> out = new ArrayList<>();
        problem.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
