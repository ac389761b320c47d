package io.brigade.server.webhooks;

import static io.brigade.server.webhooks.WebhookDeliveryTest.SECRET;
import static io.brigade.server.webhooks.WebhookDeliveryTest.sale;
import static io.brigade.server.webhooks.WebhookDeliveryTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v3 Webhook Service API and the back-office webhook manager: validation, limits, secrets, triggers. */
class SubscriptionApiTest {

    private static Map<String, Object> body(String url, String secret, List<String> types) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("callbackUrl", url);
        b.put("secret", secret);
        b.put("eventTypes", types);
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "[::1]", "[fc00::1]", "[::ffff:10.0.0.1]", "localhost"})
    void privateCallbacksAreRefusedAtCreationWithoutTheFlag(String host) {
        // The shared test server runs with production options (no --allow-private-callbacks).
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String path = "/webhooks/orgs/" + t.ids().orgId() + "/subscriptions";
        ApiClient.Response r = t.api().post(path, body("https://" + host + "/hook", SECRET,
                List.of("sales.created.v1")));
        assertEquals(422, r.status(), r.body());
        assertEquals("callbackUrl", r.json().get("errors").get(0).get("field").asText());
        assertEquals(0, t.api().get(path).json().get("data").size(), "nothing was stored");
    }

    @Test
    void badInputIsRefusedWithFieldPaths() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String path = "/webhooks/orgs/" + t.ids().orgId() + "/subscriptions";
        ApiClient.Response r = t.api().post(path, body(null, "short", List.of("sales.created.v1", "order.created")));
        assertEquals(422, r.status());
        Set<String> fields = new java.util.HashSet<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("callbackUrl", "secret", "eventTypes[1]"), fields);
        assertEquals(422, t.api().post(path, body("http://8.8.8.8/hook", SECRET, List.of("sales.created.v1")))
                .status(), "plain http without the flag");
        assertEquals(422, t.api().post(path, body("https://8.8.8.8/hook", SECRET, List.of())).status());
        Map<String, Object> badProperty = body("https://8.8.8.8/hook", SECRET, List.of("sales.created.v1"));
        badProperty.put("propertyIds", List.of("p-unknown"));
        ApiClient.Response p = t.api().post(path, badProperty);
        assertEquals(422, p.status());
        assertEquals("propertyIds[0]", p.json().get("errors").get(0).get("field").asText());
        assertEquals(400, t.api().send("POST", path, "{not json").status());
        assertEquals(400, t.api().send("POST", path, "{\"eventTypes\": \"sales.created.v1\"}").status());
        assertEquals(404, t.api().get(path + "/sub_unknown").status());
        assertEquals(404, t.api().get(path + "/sub_unknown/trigger").status());
        assertEquals(404, t.api().send("DELETE", path + "/sub_unknown", null).status());
        assertEquals(0, t.api().get(path).json().get("data").size(), "nothing was stored");
    }

    @Test
    void backOfficeCreateShowsTheGeneratedSecretOnceAndSignsWithBothHeaders() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2")) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String hooks = "/backoffice/v1/orgs/" + org.orgId() + "/webhooks";
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("callbackUrl", "http://127.0.0.1:1/placeholder");
            b.put("eventTypes", List.of("sales.created.v1", "menu.published.v1"));
            ApiClient.Response created = api.post(hooks, b);
            assertEquals(201, created.status(), created.body());
            JsonNode data = created.json().get("data");
            String secret = data.get("secret").asText();
            assertTrue(secret.startsWith("whsec_") && secret.length() >= 6 + 43, "32 random bytes, base64url");
            String sub = data.get("subscriptionId").asText();
            assertFalse(api.get(hooks).body().contains(secret), "never shown again");
            assertFalse(api.get(hooks + "/" + sub).body().contains(secret));
            Subscription stored = h.database.read(c -> new SubscriptionRepository().find(c, org.orgId(), sub))
                    .orElseThrow();
            assertFalse(stored.sealedSecret().contains(secret), "encrypted at rest");
            assertEquals(secret, h.box.open(stored.sealedSecret()));

            try (WebhookReceiver receiver = new WebhookReceiver(secret, h.clock)) {
                api.post("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub,
                        Map.of("callbackUrl", receiver.url()));
                ApiClient.Response test = api.post(hooks + "/" + sub + "/test", Map.of());
                assertEquals(202, test.status(), test.body());
                assertEquals(2, test.json().get("data").size(), "one per subscribed event type");
                sale(api, org, h.clock.instant());
                h.dispatcher().drain();
                assertEquals(3, receiver.received.size());
                for (WebhookReceiver.Received r : receiver.received) {
                    assertTrue(r.libraryVerified() && r.independentlyVerified());
                    assertEquals(r.header("X-Flipdish-Signature"), r.header("X-FoodFlex-Signature"));
                }
                long synthetic = receiver.received.stream().filter(r -> r.body().contains("\"synthetic\":true")).count();
                assertEquals(2, synthetic);
                JsonNode log = api.get(hooks + "/" + sub + "/deliveries?limit=2").json().get("data");
                assertEquals(2, log.size());
                assertEquals(200, log.get(0).get("statusCode").asInt());
                assertEquals(400, api.get(hooks + "/" + sub + "/deliveries?limit=0").status());
            }
        }
    }

    @Test
    void backOfficeWebhookManagerIsEnterpriseOnlyAndAPlanChangeTakesEffectAtOnce() {
        TestServer server = TestServer.of("h2");
        TestServer.Tenant t = server.newTenant();
        String hooks = "/backoffice/v1/orgs/" + t.ids().orgId() + "/webhooks";
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("callbackUrl", "https://8.8.8.8/hook");
        b.put("eventTypes", List.of("sales.created.v1"));
        setPlan(server, t, io.brigade.server.org.Plan.PROFESSIONAL);
        ApiClient.Response refused = t.api().post(hooks, b);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.json().get("detail").asText().contains("Upgrade to Enterprise"), refused.body());
        int stored = server.database().read(c -> new SubscriptionRepository().count(c, t.ids().orgId()));
        assertEquals(0, stored);
        setPlan(server, t, io.brigade.server.org.Plan.ENTERPRISE);
        assertEquals(201, t.api().post(hooks, b).status());
    }

    private static void setPlan(TestServer server, TestServer.Tenant t, io.brigade.server.org.Plan plan) {
        server.database().inTransaction(c -> new io.brigade.server.org.OrgRepository().setPlan(c, t.ids().orgId(), plan));
    }

    @Test
    void tenSubscriptionsPerOrgAndBackOfficeNeedsTheOrgsOwnClient() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String hooks = "/backoffice/v1/orgs/" + t.ids().orgId() + "/webhooks";
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("callbackUrl", "https://8.8.8.8/hook");
        b.put("eventTypes", List.of("sales.created.v1"));
        for (int i = 0; i < WebhookService.MAX_PER_ORG; i++) {
            assertEquals(201, t.api().post(hooks, b).status());
        }
        ApiClient.Response eleventh = t.api().post(hooks, b);
        assertEquals(409, eleventh.status());
        assertTrue(eleventh.json().get("detail").asText().contains("at most 10"));
        assertEquals(409, t.api().post("/webhooks/orgs/" + t.ids().orgId() + "/subscriptions",
                body("https://8.8.8.8/hook", SECRET, List.of("sales.created.v1"))).status());
        ApiClient withKey = new ApiClient(TestServer.of("h2").server().uri()).with("FD-Authorization", t.ids().apiKey());
        assertEquals(403, withKey.get(hooks).status());
        assertEquals(403, withKey.post(hooks, b).status());
        assertEquals(WebhookService.MAX_PER_ORG, t.api().get(hooks).json().get("data").size());
    }

    @Test
    void publishingAMenuSendsTheFullSnapshotWithCurrencyAndAFailedReportSendsValidationFailed() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("menu.published.v1", "menu.validation.failed.v1"));
            ApiClient.Response pub = api.post("/menuManagement/orgs/" + org.orgId() + "/menus/" + org.menuId()
                    + "/revisions/" + org.menuRevisionId() + "/publish",
                    Map.of("salesChannelIds", List.of(org.salesChannelId())));
            assertEquals(200, pub.status(), pub.body());
            String publishId = pub.json().get("data").get(0).get("menuPublishId").asText();
            String ops = "/operations-updates/orgs/" + org.orgId() + "/properties/" + org.propertyId()
                    + "/salesChannels/" + org.salesChannelId() + "/menu-publish-status";
            assertEquals(400, api.post(ops, Map.of("success", false)).status());
            assertEquals(422, api.post(ops, Map.of("menuPublishId", "nope", "success", false)).status());
            assertEquals(200, api.post(ops, Map.of("menuPublishId", publishId, "success", false,
                    "errorMessage", "item 12 has no price")).status());
            assertEquals(200, api.post(ops, Map.of("menuPublishId", publishId, "success", true)).status());
            h.dispatcher().drain();
            assertEquals(2, receiver.received.size());
            JsonNode published = WebhookDeliveryTest.json(receiver.ofType("menu.published.v1").get(0).body())
                    .get("detail").get("properties");
            assertEquals(publishId, published.get("menuPublishId").asText());
            assertEquals(org.menuId(), published.get("menuId").asText());
            assertEquals(Long.parseLong(org.menuRevisionId()), published.get("menuRevisionId").asLong());
            assertEquals("EUR", published.get("currency").asText());
            JsonNode current = api.get("/menuManagement/orgs/" + org.orgId() + "/menus/" + org.menuId()
                    + "/current").json().get("data").get("menu");
            assertEquals(current.get("categories"), published.get("menu").get("categories"), "the full snapshot");
            JsonNode failed = WebhookDeliveryTest.json(receiver.ofType("menu.validation.failed.v1").get(0).body())
                    .get("detail").get("properties");
            assertEquals("item 12 has no price", failed.get("errorMessage").asText());
            assertNull(receiver.received.get(0).header("X-FoodFlex-Signature"));
        }
    }
}
