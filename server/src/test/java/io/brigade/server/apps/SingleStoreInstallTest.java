package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Single-store install sees and touches only its chosen store, and follows a reconfiguration at once. */
class SingleStoreInstallTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void singleStoreInstallCannotSeeAnotherStoresSales(String db) throws Exception {
        try (AppHarness h = new AppHarness(db)) {
            DemoBootstrap.Result dev = h.newOrg("Per-location Co");
            DemoBootstrap.Result client = h.newOrg("Two Site Bistro");
            ApiClient manager = h.api(client);
            String org = "/orgManagement/orgs/" + client.orgId();
            // A second store with its own POS channel, the menu published to it, and a sale in each store.
            String storeB = manager.post(org + "/properties", Map.of("name", "Docklands")).json().get("data")
                    .get("propertyId").asText();
            ApiClient.Response channel = manager.post(org + "/properties/" + storeB + "/salesChannels",
                    Map.of("name", "Till", "salesChannelType", "POS"));
            assertEquals(201, channel.status(), channel.body());
            String channelB = channel.json().get("data").get("salesChannelId").asText();
            assertEquals(200, manager.post("/menuManagement/orgs/" + client.orgId() + "/menus/" + client.menuId()
                    + "/revisions/" + client.menuRevisionId() + "/publish", Map.of("salesChannelIds",
                    List.of(channelB))).status());
            String saleA = h.sale(client);
            String saleB = h.sale(client, onChannel(client, channelB, h));

            AppHarness.App app = h.approvedApp(dev, List.of("sales:read", "sales:write", "org:read", "menus:write",
                    "webhooks:manage"), "Single", false, null);
            assertEquals(422, AppHarness.install(manager, client.orgId(), app.appStoreAppId(),
                    List.of(client.propertyId(), storeB), null).status(), "Single means one store");
            assertEquals(422, AppHarness.install(manager, client.orgId(), app.appStoreAppId(), List.of(), null)
                    .status());
            assertEquals(201, AppHarness.install(manager, client.orgId(), app.appStoreAppId(),
                    List.of(client.propertyId()), null).status());
            ApiClient token = h.token(app.clientId(), app.clientSecret());

            String day = LocalDate.now(h.clock.withZone(ZoneId.of("Europe/Dublin"))).toString();
            String sales = "/salesManagement/orgs/" + client.orgId() + "/salesChannels/";
            ApiClient.Response listA = token.get(sales + client.salesChannelId() + "/sales?fromDate=" + day
                    + "&toDate=" + day);
            assertEquals(200, listA.status(), listA.body());
            assertEquals(List.of(saleA), AppGuideFlowTest.ids(listA.json().get("data"), "saleId"));
            assertEquals(404, token.get(sales + channelB + "/sales?fromDate=" + day + "&toDate=" + day).status());
            assertEquals(404, token.get(sales + channelB + "/sales/" + saleB).status());
            assertEquals(404, token.get(sales + client.salesChannelId() + "/sales/" + saleB).status());
            assertEquals(404, token.post("/salesManagement/orgs/" + client.orgId() + "/sales/" + saleB + "/cancel",
                    Map.of("salesChannelId", channelB, "cancellationReason", "x")).status());
            assertEquals("Sale", statusOf(manager, client, channelB, saleB), "the other store's sale is untouched");

            ApiClient.Response pushB = token.post("/salesManagement/orgs/" + client.orgId() + "/sales",
                    onChannel(client, channelB, h), "x-idempotency-key", java.util.UUID.randomUUID().toString());
            assertEquals(422, pushB.status(), pushB.body());
            assertEquals("salesChannelId", pushB.json().get("errors").get(0).get("field").asText());
            assertEquals(201, token.post("/salesManagement/orgs/" + client.orgId() + "/sales",
                    Sales.simple(client, h.clock.instant().toString(), "3.00"), "x-idempotency-key",
                    java.util.UUID.randomUUID().toString()).status());
            ApiClient.Response publishB = token.post("/menuManagement/orgs/" + client.orgId() + "/menus/"
                    + client.menuId() + "/revisions/" + client.menuRevisionId() + "/publish",
                    Map.of("salesChannelIds", List.of(channelB)));
            assertEquals(422, publishB.status(), publishB.body());
            assertEquals("salesChannelIds[0]", publishB.json().get("errors").get(0).get("field").asText());

            assertEquals(List.of(client.propertyId()), AppGuideFlowTest.ids(token.get(org + "/properties").json()
                    .get("data"), "propertyId"));
            assertEquals(404, token.get(org + "/properties/" + storeB).status());
            assertEquals(404, token.get(org + "/properties/" + storeB + "/salesChannels").status());

            // The app's webhook subscriptions cover only its store.
            String hooks = "/webhooks/orgs/" + client.orgId() + "/subscriptions";
            ApiClient.Response sub = token.post(hooks, Map.of("callbackUrl", "http://127.0.0.1:9/h",
                    "secret", "a-strong-random-string-0123456789", "eventTypes", List.of("sales.created.v1")));
            assertEquals(201, sub.status(), sub.body());
            assertEquals(List.of(client.propertyId()), AppGuideFlowTest.ids(sub.json().get("data").get("propertyIds")));
            ApiClient.Response wider = token.post(hooks, Map.of("callbackUrl", "http://127.0.0.1:9/h",
                    "secret", "a-strong-random-string-0123456789", "eventTypes", List.of("sales.created.v1"),
                    "propertyIds", List.of(storeB)));
            assertEquals(422, wider.status(), wider.body());
            assertEquals("propertyIds[0]", wider.json().get("errors").get(0).get("field").asText());

            // Reconfigured to the other store: the view flips on the next call.
            assertEquals(200, manager.send("PUT", "/backoffice/v1/orgs/" + client.orgId() + "/installed-apps/"
                    + app.appStoreAppId(), "{\"propertyIds\":[\"" + storeB + "\"]}").status());
            assertEquals(404, token.get(sales + client.salesChannelId() + "/sales/" + saleA).status());
            assertEquals(200, token.get(sales + channelB + "/sales/" + saleB).status());
            JsonNode narrowed = token.get(hooks + "/" + sub.json().get("data").get("subscriptionId").asText()).json()
                    .get("data");
            assertEquals(List.of(storeB), AppGuideFlowTest.ids(narrowed.get("propertyIds")));
        }
    }

    private static Map<String, Object> onChannel(DemoBootstrap.Result client, String channelId, AppHarness h) {
        Map<String, Object> body = Sales.simple(client, h.clock.instant().toString(), "3.00");
        body.put("salesChannelId", channelId);
        return body;
    }

    private static String statusOf(ApiClient manager, DemoBootstrap.Result client, String channel, String saleId) {
        JsonNode detail = manager.get("/salesManagement/orgs/" + client.orgId() + "/salesChannels/" + channel
                + "/sales/" + saleId).json().get("data");
        return detail.path("payments").get(0).get("type").asText();
    }
}
