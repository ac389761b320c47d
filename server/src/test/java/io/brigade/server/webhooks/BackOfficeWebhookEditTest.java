package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desktop's webhook manager edits a subscription's URL, event types and properties, never its secret. */
class BackOfficeWebhookEditTest {

    @Test
    void editChangesUrlAndEventTypesKeepsTheGeneratedSecretAndBadInputChangesNothing() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2")) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String hooks = "/backoffice/v1/orgs/" + org.orgId() + "/webhooks";
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("callbackUrl", "http://127.0.0.1:1/first");
            b.put("eventTypes", List.of("sales.created.v1"));
            JsonNode created = api.post(hooks, b).json().get("data");
            String sub = created.get("subscriptionId").asText();
            String secret = created.get("secret").asText();

            Map<String, Object> edit = new LinkedHashMap<>();
            edit.put("callbackUrl", "http://127.0.0.1:1/second");
            edit.put("eventTypes", List.of("sales.cancelled.v1", "menu.published.v1"));
            edit.put("propertyIds", List.of(org.propertyId()));
            edit.put("secret", "an-attempt-to-set-the-secret-from-the-back-office");
            ApiClient.Response changed = api.send("PUT", hooks + "/" + sub,
                    io.brigade.protocol.Json.mapper().writeValueAsString(edit));
            assertEquals(200, changed.status(), changed.body());
            JsonNode view = api.get(hooks + "/" + sub).json().get("data");
            assertEquals("http://127.0.0.1:1/second", view.get("callbackUrl").asText());
            assertEquals("[\"sales.cancelled.v1\",\"menu.published.v1\"]", view.get("eventTypes").toString());
            assertEquals(org.propertyId(), view.get("propertyIds").get(0).asText());
            assertFalse(changed.body().contains("secret"), "an edit never shows a secret");
            Subscription stored = h.database.read(c -> new SubscriptionRepository().find(c, org.orgId(), sub))
                    .orElseThrow();
            assertEquals(secret, h.box.open(stored.sealedSecret()), "the generated secret stays");

            ApiClient.Response bad = api.send("PUT", hooks + "/" + sub,
                    "{\"callbackUrl\":\"ftp://x\",\"eventTypes\":[\"order.created\"]}");
            assertEquals(422, bad.status(), bad.body());
            assertEquals("http://127.0.0.1:1/second", api.get(hooks + "/" + sub).json().get("data")
                    .get("callbackUrl").asText(), "a refused edit changes nothing");
            assertEquals(404, api.send("PUT", hooks + "/sub_unknown", "{\"callbackUrl\":\"http://127.0.0.1:1/x\"}")
                    .status());
            assertEquals(400, api.send("PUT", hooks + "/" + sub, "null").status());
        }
    }
}
