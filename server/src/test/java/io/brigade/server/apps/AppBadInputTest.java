package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input on every apps endpoint: an RFC 9457 problem naming the fields, and nothing changed. */
class AppBadInputTest {
    static AppHarness h;
    static DemoBootstrap.Result dev;
    static ApiClient devApi;
    static LifecycleReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        h = new AppHarness("h2");
        dev = h.newOrg("Bad Input Dev");
        devApi = h.api(dev);
        receiver = new LifecycleReceiver(h.clock);
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.close();
        h.close();
    }

    static List<String> fields(ApiClient.Response r) {
        assertEquals("application/problem+json", r.header("Content-Type"), r.body());
        List<String> out = new ArrayList<>();
        JsonNode errors = r.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.get("field").asText()));
        }
        return out;
    }

    static void refused(ApiClient.Response r, int status, String... expectedFields) {
        assertEquals(status, r.status(), r.body());
        List<String> got = fields(r);
        for (String f : expectedFields) {
            assertTrue(got.contains(f), f + " in " + got);
        }
    }

    @Test
    void oauthAppEndpointsRefuseBadInputAndStoreNothing() {
        String apps = "/backoffice/v1/orgs/" + dev.orgId() + "/oauth-apps";
        int before = devApi.get(apps).json().get("data").size();
        refused(devApi.post(apps, Map.of()), 422, "name");
        refused(devApi.post(apps, Map.of("name", "x", "callbackUrl", "ftp://example.com/x")), 422, "callbackUrl");
        refused(devApi.post(apps, Map.of("name", "x".repeat(201))), 422, "name");
        refused(devApi.post(apps, Map.of("name", List.of("a"))), 400, "name");
        refused(devApi.send("POST", apps, "{not json"), 400);
        assertEquals(before, devApi.get(apps).json().get("data").size(), "nothing stored");

        String clientId = AppHarness.createOAuthApp(devApi, dev.orgId(), "Good", null).get("clientId").asText();
        refused(devApi.send("PUT", apps + "/" + clientId, "{}"), 422, "name");
        refused(devApi.send("PUT", apps + "/" + clientId, "{\"callbackUrl\":\"not a url\"}"), 422, "callbackUrl");
        assertEquals("Good", devApi.get(apps + "/" + clientId).json().get("data").get("name").asText());
        refused(devApi.post(apps + "/app_nope/rotate-secret", Map.of()), 404);
        refused(devApi.send("DELETE", apps + "/app_nope", null), 404);
        DemoBootstrap.Result stranger = h.newOrg("Stranger");
        refused(h.api(stranger).get("/backoffice/v1/orgs/" + dev.orgId() + "/oauth-apps"), 404);
        refused(h.api(stranger).post("/backoffice/v1/orgs/" + stranger.orgId() + "/oauth-apps/" + clientId
                + "/rotate-secret", Map.of()), 404);
        ApiClient apiKey = new ApiClient(h.server.uri()).with("FD-Authorization", dev.apiKey());
        refused(apiKey.post(apps, Map.of("name", "by key")), 403);

        ApiClient.Response longScope = new ApiClient(h.server.uri()).form("/identity/connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", "x", "scope",
                "s".repeat(201)));
        assertEquals(400, longScope.status());
        assertEquals("invalid_scope", longScope.json().get("error").asText());
    }

    @Test
    void appStoreEndpointsRefuseBadInputAndStoreNothing() {
        String listings = "/backoffice/v1/orgs/" + dev.orgId() + "/app-store-apps";
        String clientId = AppHarness.createOAuthApp(devApi, dev.orgId(), "Listed", null).get("clientId").asText();
        int before = devApi.get(listings).json().get("data").size();
        Map<String, Object> bad = new HashMap<>(AppHarness.listing(clientId, List.of("sales:read", "sales:delete"),
                "Some", false));
        bad.remove("name");
        bad.put("supportedCountries", List.of("IE", "Ireland"));
        bad.remove("externalLinkUrl");
        bad.put("categories", List.of());
        refused(devApi.post(listings, bad), 422, "name", "supportedCountries[1]", "permissionLevel.scopes[1]",
                "storeSelectorType", "externalLinkUrl", "categories");
        Map<String, Object> hosted = new HashMap<>(AppHarness.listing(clientId, List.of("sales:read"), "None", true));
        hosted.put("configurationFields", List.of(Map.of("key", "1bad", "label", "x"), Map.of("key", "ok"),
                Map.of("key", "ok", "label", "dup")));
        refused(devApi.post(listings, hosted), 422, "configurationFields[0].key", "configurationFields[1].label",
                "configurationFields[2].key");
        hosted.put("configurationFields", List.of());
        refused(devApi.post(listings, hosted), 422, "configurationFields");
        refused(devApi.post(listings, AppHarness.listing("app_someone_else", List.of("sales:read"), "None", false)),
                422, "clientId");
        refused(devApi.post(listings, Map.of("permissionLevel", "everything")), 400, "permissionLevel");
        assertEquals(before, devApi.get(listings).json().get("data").size(), "nothing stored");

        String id = AppHarness.createListing(devApi, dev.orgId(), AppHarness.listing(clientId, List.of("sales:read"),
                "None", false));
        refused(devApi.post(listings, AppHarness.listing(clientId, List.of("sales:read"), "None", false)), 409);
        Map<String, Object> renamed = new HashMap<>(AppHarness.listing(clientId, List.of("sales:read"), "None", false));
        renamed.put("logoUrl", "javascript:alert(1)");
        refused(devApi.send("PUT", listings + "/" + id, json(renamed)), 422, "logoUrl");
        assertEquals("Forecastly", devApi.get(listings + "/" + id).json().get("data").get("name").asText());

        DemoBootstrap.Result operator = h.newOrg("Ops");
        assertEquals(0, h.cli("apps", "reviewer", "--org", operator.orgId()));
        ApiClient reviewer = h.api(operator);
        String reviews = "/backoffice/v1/orgs/" + operator.orgId() + "/app-reviews";
        refused(reviewer.post(reviews + "/" + id + "/approve", Map.of()), 409); // still a draft
        refused(reviewer.get(reviews + "?state=Bogus"), 400, "state");
        refused(reviewer.post(reviews + "/asa_nope/approve", Map.of()), 404);
        assertEquals(200, devApi.post(listings + "/" + id + "/submit", Map.of()).status());
        refused(devApi.post(listings + "/" + id + "/submit", Map.of()), 409);
        refused(devApi.send("PUT", listings + "/" + id, json(AppHarness.listing(clientId, List.of("sales:write"),
                "None", false))), 409);
        assertEquals("Submitted", devApi.get(listings + "/" + id).json().get("data").get("state").asText());
        assertEquals(List.of("sales:read"), AppGuideFlowTest.ids(devApi.get(listings + "/" + id).json().get("data")
                .get("permissionLevel").get("scopes")));
        assertEquals(1, h.cli("apps", "approve", "--app", "asa_nope"), "the command line refuses unknown ids");
    }

    @Test
    void installEndpointsRefuseBadInputAndChangeNothing() {
        AppHarness.App app = h.approvedApp(dev, List.of("sales:read"), "Multiple", true, receiver.url());
        receiver.secret = app.webhookSecret();
        AppHarness.App none = h.approvedApp(h.newOrg("None Dev"), List.of("sales:read"), "None", false, null);
        DemoBootstrap.Result client = h.newOrg("Careful Bistro");
        DemoBootstrap.Result other = h.newOrg("Other Bistro");
        ApiClient manager = h.api(client);
        String installs = "/backoffice/v1/orgs/" + client.orgId() + "/installed-apps";

        refused(manager.post(installs, Map.of()), 422, "appStoreAppId");
        refused(AppHarness.install(manager, client.orgId(), "asa_nope", List.of(client.propertyId()), Map.of()), 404);
        refused(AppHarness.install(manager, client.orgId(), app.appStoreAppId(), List.of(client.propertyId()),
                Map.of("region", "eu", "color", "red")), 422, "configuration.apiKey", "configuration.color");
        refused(AppHarness.install(manager, client.orgId(), app.appStoreAppId(), List.of(other.propertyId()),
                Map.of("apiKey", "k")), 422, "propertyIds[0]");
        refused(AppHarness.install(manager, client.orgId(), none.appStoreAppId(), List.of(client.propertyId()),
                null), 422, "propertyIds");
        refused(AppHarness.install(manager, client.orgId(), none.appStoreAppId(), null, Map.of("apiKey", "k")),
                422, "configuration");
        refused(manager.post(installs, Map.of("appStoreAppId", app.appStoreAppId(), "propertyIds", "p1")), 400,
                "propertyIds");
        refused(manager.send("PUT", installs + "/" + app.appStoreAppId(), "{}"), 404);
        refused(manager.send("DELETE", installs + "/" + app.appStoreAppId(), null), 404);
        assertEquals(0, manager.get(installs).json().get("data").size(), "nothing installed");
        h.deliver();
        assertEquals(0, receiver.received.size(), "no lifecycle webhook for a refused step");

        assertEquals(201, AppHarness.install(manager, client.orgId(), app.appStoreAppId(),
                List.of(client.propertyId()), Map.of("apiKey", "k-1")).status());
        refused(AppHarness.install(manager, client.orgId(), app.appStoreAppId(), List.of(client.propertyId()),
                Map.of("apiKey", "k-2")), 409);
        refused(manager.send("PUT", installs + "/" + app.appStoreAppId(), "{\"propertyIds\":[\"" + client.propertyId()
                + "\"],\"configuration\":{\"apiKey\":\"\"}}"), 422, "configuration.apiKey");
        JsonNode kept = manager.get(installs + "/" + app.appStoreAppId()).json().get("data");
        assertEquals("k-1", kept.get("configuration").get("apiKey").asText(), "reconfiguration refused: unchanged");
        refused(h.api(other).send("DELETE", "/backoffice/v1/orgs/" + other.orgId() + "/installed-apps/"
                + app.appStoreAppId(), null), 404);
        ApiClient appToken = h.token(app.clientId(), app.clientSecret());
        refused(appToken.send("DELETE", installs + "/" + app.appStoreAppId(), null), 403);
        h.deliver();
        assertEquals(1, receiver.received.size(), "only the accepted install was announced");
    }

    private static String json(Object body) {
        try {
            return io.brigade.protocol.Json.mapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
