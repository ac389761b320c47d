package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.bootstrap.SyntheticMenu;
import io.brigade.server.support.ApiClient;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** menu.published.v1 for a menu too large to send plain: the snapshot goes gzip-compressed, still signed. */
class LargeMenuWebhookTest {
    private static final String SECRET = "whsec_large_menu_secret_0123456789";

    @Test
    void aLargeMenuIsDeliveredCompressedWithTheFullSnapshot() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url());
            String menuId = createAndPublish(api, org, 2_500);

            h.dispatcher().drain();

            WebhookReceiver.Received got = receiver.ofType("menu.published.v1").get(0);
            assertEquals("gzip", got.header("Content-Encoding"));
            assertTrue(got.libraryVerified(), "the signature covers the JSON as read after decompression");
            JsonNode properties = Json.mapper().readTree(got.body()).get("detail").get("properties");
            assertEquals(menuId, properties.get("menuId").asText());
            assertEquals("EUR", properties.get("currency").asText());
            JsonNode current = api.get("/menuManagement/orgs/" + org.orgId() + "/menus/" + menuId + "/current")
                    .json().get("data").get("menu");
            assertEquals(current, properties.get("menu"));
        }
    }

    @Test
    void aSmallMenuIsDeliveredUncompressed() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url());
            createAndPublish(api, org, 20);

            h.dispatcher().drain();

            WebhookReceiver.Received got = receiver.ofType("menu.published.v1").get(0);
            assertNull(got.header("Content-Encoding"));
            assertTrue(got.libraryVerified());
            assertEquals(20, Json.mapper().readTree(got.body()).get("detail").get("properties").get("menu")
                    .get("categories").get(0).get("items").size());
        }
    }

    private static void subscribe(ApiClient api, String orgId, String url) {
        ApiClient.Response created = api.post("/webhooks/orgs/" + orgId + "/subscriptions", Map.of("orgId", orgId,
                "callbackUrl", url, "eventTypes", List.of("menu.published.v1"), "secret", SECRET));
        assertEquals(201, created.status(), created.body());
    }

    private static String createAndPublish(ApiClient api, DemoBootstrap.Result org, int items) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        SyntheticMenu.write(items, "Large", body);
        String menus = "/menuManagement/orgs/" + org.orgId() + "/menus";
        ApiClient.Response created = api.send("POST", menus, body.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.body());
        String menuId = created.json().get("menuId").asText();
        ApiClient.Response published = api.post(menus + "/" + menuId + "/revisions/1/publish",
                Map.of("salesChannelIds", List.of(org.salesChannelId())));
        assertEquals(200, published.status(), published.body());
        return menuId;
    }
}
