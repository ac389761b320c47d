package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The POS analytics guide's "Distribute as a Flipdish App", end to end over real HTTP: sandbox, OAuth app,
 * listing, submit, operator approval, another org installs (stores + hosted form), the integrator's token
 * reads that org's POS sales, lifecycle webhooks arrive signed at a real receiver, uninstall revokes at once.
 */
class AppGuideFlowTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void integratorBuildsInSandboxListsIsApprovedInstalledReadsSalesAndIsUninstalled(String db) throws Exception {
        try (AppHarness h = new AppHarness(db); LifecycleReceiver receiver = new LifecycleReceiver(h.clock)) {
            DemoBootstrap.Result sandbox = h.newOrg("Forecastly Sandbox");
            DemoBootstrap.Result client = h.newOrg("Client Bistro");
            DemoBootstrap.Result operator = h.newOrg("Brigade Operations");
            assertEquals(0, h.cli("apps", "reviewer", "--org", operator.orgId()));
            ApiClient dev = h.api(sandbox);
            ApiClient manager = h.api(client);

            // Prerequisites step 3: an OAuth app in the sandbox; secret and webhook secret shown once.
            JsonNode oauth = AppHarness.createOAuthApp(dev, sandbox.orgId(), "Forecastly", receiver.url());
            String clientId = oauth.get("clientId").asText();
            receiver.secret = oauth.get("webhookSecret").asText();
            assertTrue(receiver.secret.startsWith("whsec_"));
            JsonNode reread = dev.get("/backoffice/v1/orgs/" + sandbox.orgId() + "/oauth-apps/" + clientId).json()
                    .get("data");
            assertNull(reread.get("clientSecret"), "the secret is never shown again");
            assertNull(reread.get("webhookSecret"));
            assertEquals(receiver.url(), reread.get("callbackUrl").asText());
            ApiClient app = h.token(clientId, oauth.get("clientSecret").asText());

            // Sandbox loop: push a sale and read it back with the app's own credentials.
            String sandboxSale = h.sale(sandbox);
            ApiClient.Response own = app.get(salesPath(sandbox) + "/" + sandboxSale);
            assertEquals(200, own.status(), own.body());
            assertEquals(404, app.get(salesPath(client) + "?fromDate=2020-01-01&toDate=2020-01-01").status(),
                    "not installed on the client yet: the org is not visible at all");
            assertEquals(403, app.get("/backoffice/v1/orgs/" + sandbox.orgId() + "/api-keys").status(),
                    "an app is not a manager, not even of its owner org");

            // The App Store app: a draft, submitted, approved by an operator in the back office.
            String listing = AppHarness.createListing(dev, sandbox.orgId(), AppHarness.listing(clientId,
                    AppHarness.ANALYTICS_SCOPES, "Multiple", true));
            assertEquals(404, AppHarness.install(manager, client.orgId(), listing, List.of(client.propertyId()),
                    Map.of("apiKey", "k-1")).status(), "a draft is not installable by other orgs");
            assertFalse(catalogue(manager, client).contains(listing));
            assertEquals(200, dev.post("/backoffice/v1/orgs/" + sandbox.orgId() + "/app-store-apps/" + listing
                    + "/submit", Map.of()).status());
            assertEquals(404, AppHarness.install(manager, client.orgId(), listing, List.of(client.propertyId()),
                    Map.of("apiKey", "k-1")).status(), "submitted is not approved");
            assertEquals(403, manager.post("/backoffice/v1/orgs/" + client.orgId() + "/app-reviews/" + listing
                    + "/approve", Map.of()).status(), "only an operator org reviews");
            ApiClient reviewer = h.api(operator);
            JsonNode queue = reviewer.get("/backoffice/v1/orgs/" + operator.orgId() + "/app-reviews").json().get("data");
            assertTrue(ids(queue, "appStoreAppId").contains(listing), queue.toString());
            ApiClient.Response approved = reviewer.post("/backoffice/v1/orgs/" + operator.orgId() + "/app-reviews/"
                    + listing + "/approve", Map.of());
            assertEquals(200, approved.status(), approved.body());
            assertEquals("Approved", approved.json().get("data").get("state").asText());
            assertTrue(catalogue(manager, client).contains(listing));

            // The client's manager installs: one store chosen, the hosted form filled.
            ApiClient.Response installed = AppHarness.install(manager, client.orgId(), listing,
                    List.of(client.propertyId()), Map.of("apiKey", "k-123"));
            assertEquals(201, installed.status(), installed.body());
            assertEquals(List.of(client.salesChannelId()), ids(installed.json().get("data").get("salesChannelIds")));
            h.deliver();
            JsonNode event = single(receiver, LifecycleEvents.INSTALLED);
            JsonNode props = event.get("detail").get("properties");
            assertEquals(client.orgId(), props.get("orgId").asText());
            assertEquals(client.brandId(), props.get("brandId").asText());
            assertEquals(List.of(client.propertyId()), ids(props.get("propertyIds")));
            assertEquals(List.of(client.salesChannelId()), ids(props.get("salesChannelIds")));
            assertEquals("k-123", props.get("configuration").get("apiKey").asText());
            assertEquals(listing, props.get("appStoreAppId").asText());

            // The integrator onboards: the org tree, then the client's POS sales.
            List<String> orgs = ids(app.get("/orgManagement/orgs").json().get("data"), "orgId");
            assertTrue(orgs.contains(client.orgId()) && orgs.contains(sandbox.orgId()), orgs.toString());
            String saleId = h.sale(client);
            String today = LocalDate.now(h.clock.withZone(ZoneId.of("Europe/Dublin"))).toString();
            ApiClient.Response list = app.get(salesPath(client) + "?fromDate=" + today + "&toDate=" + today);
            assertEquals(200, list.status(), list.body());
            assertEquals(List.of(saleId), ids(list.json().get("data"), "saleId"));
            assertEquals(200, app.get(salesPath(client) + "/" + saleId).status());
            ApiClient.Response subscribed = app.post("/webhooks/orgs/" + client.orgId() + "/subscriptions", Map.of(
                    "callbackUrl", receiver.url(), "secret", "a-strong-random-string-0123456789",
                    "eventTypes", List.of("sales.created.v1")));
            assertEquals(201, subscribed.status(), subscribed.body());
            String subId = subscribed.json().get("data").get("subscriptionId").asText();
            assertEquals(403, app.post("/salesManagement/orgs/" + client.orgId() + "/sales", Map.of(),
                    "x-idempotency-key", "11111111-1111-1111-1111-111111111111").status(), "no sales:write");

            // Reconfigure: new hosted values reach the integrator.
            ApiClient.Response changed = manager.send("PUT", "/backoffice/v1/orgs/" + client.orgId()
                    + "/installed-apps/" + listing, "{\"propertyIds\":[\"" + client.propertyId()
                    + "\"],\"configuration\":{\"apiKey\":\"k-456\",\"region\":\"eu\"}}");
            assertEquals(200, changed.status(), changed.body());
            h.deliver();
            JsonNode updated = single(receiver, LifecycleEvents.CONFIGURATION_UPDATED).get("detail").get("properties");
            assertEquals("k-456", updated.get("configuration").get("apiKey").asText());
            assertEquals("eu", updated.get("configuration").get("region").asText());

            // Uninstall: the next call is refused, the app's subscription on that org is gone.
            assertEquals(204, manager.send("DELETE", "/backoffice/v1/orgs/" + client.orgId() + "/installed-apps/"
                    + listing, null).status());
            ApiClient.Response revoked = app.get(salesPath(client) + "/" + saleId);
            assertEquals(403, revoked.status(), revoked.body());
            assertTrue(revoked.json().get("detail").asText().contains("uninstalled"));
            assertFalse(ids(manager.get("/webhooks/orgs/" + client.orgId() + "/subscriptions").json().get("data"),
                    "subscriptionId").contains(subId));
            assertFalse(ids(app.get("/orgManagement/orgs").json().get("data"), "orgId").contains(client.orgId()));
            h.deliver();
            JsonNode gone = single(receiver, LifecycleEvents.UNINSTALLED).get("detail").get("properties");
            assertEquals(client.orgId(), gone.get("orgId").asText());
            assertTrue(gone.get("configuration").isNull(), "values are not sent again on uninstall");
            assertEquals(200, app.get(salesPath(sandbox) + "/" + sandboxSale).status(), "the sandbox still works");

            for (LifecycleReceiver.Delivery d : receiver.received) {
                assertTrue(d.libraryVerified() && d.independentlyVerified(), d.header("X-Flipdish-Signature"));
                assertEquals("v1", d.header("X-Flipdish-Event-Version"));
                assertNotNull(d.header("X-Flipdish-Idempotency-Key"));
            }
            assertEquals(3, receiver.received.size(), "one delivery per lifecycle step");
        }
    }

    static String salesPath(DemoBootstrap.Result org) {
        return "/salesManagement/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId() + "/sales";
    }

    static JsonNode single(LifecycleReceiver receiver, String type) {
        List<LifecycleReceiver.Delivery> found = receiver.ofType(type);
        assertEquals(1, found.size(), type + " in " + receiver.received);
        JsonNode body = found.get(0).json();
        assertEquals(type, body.get("detail-type").asText());
        return body;
    }

    static List<String> catalogue(ApiClient manager, DemoBootstrap.Result org) {
        return ids(manager.get("/backoffice/v1/orgs/" + org.orgId() + "/app-store").json().get("data"),
                "appStoreAppId");
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
