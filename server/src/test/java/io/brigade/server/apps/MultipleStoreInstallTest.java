package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * A Multiple app installed without a list covers every store of the org, also one opened after the install; an
 * install with a list of stores covers only those.
 */
class MultipleStoreInstallTest {

    // A new store with a POS till, the menu published to it, and one sale there; returns the till's channel id.
    private static String openStoreWithASale(AppHarness h, ApiClient manager, DemoBootstrap.Result client) {
        String org = "/orgManagement/orgs/" + client.orgId();
        String store = manager.post(org + "/properties", Map.of("name", "Docklands " + System.nanoTime()))
                .json().get("data").get("propertyId").asText();
        String channel = manager.post(org + "/properties/" + store + "/salesChannels",
                Map.of("name", "Till", "salesChannelType", "POS")).json().get("data").get("salesChannelId").asText();
        assertEquals(200, manager.post("/menuManagement/orgs/" + client.orgId() + "/menus/" + client.menuId()
                + "/revisions/" + client.menuRevisionId() + "/publish", Map.of("salesChannelIds", List.of(channel)))
                .status());
        Map<String, Object> sale = Sales.simple(client, h.clock.instant().toString(), "3.00");
        sale.put("salesChannelId", channel);
        h.sale(client, sale);
        return channel;
    }

    private static ApiClient.Response day(AppHarness h, ApiClient app, DemoBootstrap.Result client, String channel) {
        String day = LocalDate.now(h.clock.withZone(ZoneId.of("Europe/Dublin"))).toString();
        return app.get("/salesManagement/orgs/" + client.orgId() + "/salesChannels/" + channel + "/sales?fromDate="
                + day + "&toDate=" + day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void multipleWithoutAListCoversAStoreOpenedLater(String db) throws Exception {
        try (AppHarness h = new AppHarness(db)) {
            DemoBootstrap.Result dev = h.newOrg("Analytics Co");
            DemoBootstrap.Result client = h.newOrg("Growing Bistro");
            ApiClient manager = h.api(client);
            AppHarness.App app = h.approvedApp(dev, List.of("sales:read", "org:read"), "Multiple", false, null);
            ApiClient.Response installed = AppHarness.install(manager, client.orgId(), app.appStoreAppId(), null, null);
            assertEquals(201, installed.status(), installed.body());
            JsonNode view = installed.json().get("data");
            assertTrue(view.get("allStores").asBoolean(), view.toString());
            assertEquals(List.of(client.propertyId()), AppGuideFlowTest.ids(view.get("propertyIds")));

            String later = openStoreWithASale(h, manager, client);
            ApiClient token = h.token(app.clientId(), app.clientSecret());
            ApiClient.Response sales = day(h, token, client, later);
            assertEquals(200, sales.status(), sales.body());
            assertEquals(1, sales.json().get("data").size());
            JsonNode now = manager.get("/backoffice/v1/orgs/" + client.orgId() + "/installed-apps/"
                    + app.appStoreAppId()).json().get("data");
            assertTrue(AppGuideFlowTest.ids(now.get("salesChannelIds")).contains(later), now.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void multipleWithAListDoesNotCoverAStoreOpenedLater(String db) throws Exception {
        try (AppHarness h = new AppHarness(db)) {
            DemoBootstrap.Result dev = h.newOrg("Analytics Co");
            DemoBootstrap.Result client = h.newOrg("Careful Bistro");
            ApiClient manager = h.api(client);
            AppHarness.App app = h.approvedApp(dev, List.of("sales:read", "org:read"), "Multiple", false, null);
            ApiClient.Response installed = AppHarness.install(manager, client.orgId(), app.appStoreAppId(),
                    List.of(client.propertyId()), null);
            assertEquals(201, installed.status(), installed.body());
            assertEquals(false, installed.json().get("data").get("allStores").asBoolean());
            String later = openStoreWithASale(h, manager, client);
            ApiClient token = h.token(app.clientId(), app.clientSecret());
            assertEquals(404, day(h, token, client, later).status());
            assertEquals(200, day(h, token, client, client.salesChannelId()).status());
        }
    }
}
