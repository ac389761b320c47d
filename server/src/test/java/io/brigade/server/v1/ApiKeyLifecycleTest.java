package io.brigade.server.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.auth.ApiKeyFormat;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys from creation to revocation, and the Enterprise gate that a plan change moves at once. */
class ApiKeyLifecycleTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void keyIsShownOnceListedByPrefixAndLastFourAndRevokedKeyGets401(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String keys = "/backoffice/v1/orgs/" + t.ids().orgId() + "/api-keys";

        ApiClient.Response created = t.api().post(keys, Map.of("name", "POS Terminal"));
        assertEquals(201, created.status(), created.body());
        String key = created.json().get("key").asText();
        String keyId = created.json().get("keyId").asText();
        assertTrue(ApiKeyFormat.isWellFormed(key));
        assertTrue(key.length() - ApiKeyFormat.PREFIX.length() - 6 >= 27, "at least 160 random bits (27 base62)");

        ApiClient.Response list = t.api().get(keys);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(key), "a list never shows the key");
        JsonNode row = null;
        for (JsonNode r : list.json().get("data")) {
            if (r.get("keyId").asText().equals(keyId)) {
                row = r;
            }
        }
        assertNotNull(row);
        assertEquals("POS Terminal", row.get("name").asText());
        assertEquals(key.substring(0, 12), row.get("keyPrefix").asText());
        assertEquals(key.substring(key.length() - 4), row.get("lastFour").asText());
        assertFalse(row.hasNonNull("lastUsedAt"));
        assertFalse(row.has("key") || row.has("keyHash"));

        ApiClient api = new ApiClient(t.api().base()).with("X-API-Key", key);
        assertEquals(200, api.get("/api/v1/menus").status());
        ApiClient.Response afterUse = t.api().get(keys);
        for (JsonNode r : afterUse.json().get("data")) {
            if (r.get("keyId").asText().equals(keyId)) {
                assertTrue(r.hasNonNull("lastUsedAt"), "lastUsedAt is set on use");
            }
        }

        assertEquals(403, new ApiClient(t.api().base()).with("Authorization", "Bearer " + key).get(keys).status(),
                "an API key cannot manage the org's keys");

        assertEquals(204, t.api().send("DELETE", keys + "/" + keyId, null).status());
        ApiClient.Response revoked = api.get("/api/v1/menus");
        assertEquals(401, revoked.status());
        assertEquals("application/problem+json", revoked.header("Content-Type"));
        assertEquals(404, t.api().send("DELETE", keys + "/keyNOPE", null).status());

        assertEquals(400, t.api().post(keys, Map.of("name", " ")).status());
        assertEquals(401, new ApiClient(t.api().base()).get("/api/v1/menus").status(), "no key");
        assertEquals(401, new ApiClient(t.api().base()).with("X-API-Key", "bk_live_garbage").get("/api/v1/menus")
                .status(), "malformed key");
        assertEquals(401, new ApiClient(t.api().base()).with("X-API-Key", ApiKeyFormat.generate())
                .get("/api/v1/menus").status(), "well-formed but unknown key");
    }

    // What the operator's plan command does (Main.PlanCommand), on the server's own database.
    private static void operatorSetsPlan(TestServer server, String orgId, Plan plan) {
        server.database().inTransaction(c -> new OrgRepository().setPlan(c, orgId, plan));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void planChangeGatesKeysAndTheApiAtOnce(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = "/backoffice/v1/orgs/" + t.ids().orgId();
        ApiClient api = V1.keyClient(t);
        assertEquals("Enterprise", t.api().get(org + "/plan").json().get("plan").asText());
        assertEquals(200, api.get("/api/v1/meals").status());

        operatorSetsPlan(server, t.ids().orgId(), Plan.PROFESSIONAL);
        ApiClient.Response gated = api.get("/api/v1/meals");
        assertEquals(403, gated.status(), "the cached answer is not served past the gate");
        assertTrue(gated.json().get("detail").asText().contains("Upgrade to Enterprise"), gated.body());
        ApiClient.Response noKey = t.api().post(org + "/api-keys", Map.of("name", "Kiosk"));
        assertEquals(403, noKey.status());
        assertTrue(noKey.json().get("detail").asText().contains("Enterprise"));

        operatorSetsPlan(server, t.ids().orgId(), Plan.ENTERPRISE);
        assertEquals(200, api.get("/api/v1/meals").status(), "upgrade takes effect with the next request");
        assertEquals(201, t.api().post(org + "/api-keys", Map.of("name", "Kiosk")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managerCannotChangeThePlan(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = "/backoffice/v1/orgs/" + t.ids().orgId();
        operatorSetsPlan(server, t.ids().orgId(), Plan.FREE);
        ApiClient.Response up = t.api().send("PUT", org + "/plan", "{\"plan\":\"Enterprise\"}");
        assertEquals(403, up.status(), up.body());
        assertTrue(up.json().get("detail").asText().contains("operator"), up.body());
        assertEquals(403, new ApiClient(t.api().base()).with("Authorization", "Bearer " + t.ids().apiKey())
                .send("PUT", org + "/plan", "{\"plan\":\"Enterprise\"}").status(), "nor can an API key");
        ApiClient.Response bad = t.api().send("PUT", org + "/plan", "{\"plan\":\"Platinum\"}");
        assertEquals(400, bad.status());
        assertEquals("plan", bad.json().get("errors").get(0).get("field").asText());
        assertEquals("Free", t.api().get(org + "/plan").json().get("plan").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void managerSeesWhatUpgradingUnlocks(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        operatorSetsPlan(server, t.ids().orgId(), Plan.PROFESSIONAL);
        JsonNode plan = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/plan").json();
        assertEquals("Professional", plan.get("plan").asText());
        assertEquals(1, plan.get("upgrades").size(), plan.toString());
        assertEquals("Enterprise", plan.get("upgrades").get(0).get("plan").asText());
        assertTrue(plan.get("upgrades").get(0).get("unlocks").toString().contains("Webhooks"), plan.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managerSwitchesAnalyticsWithoutChangingThePlan(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = "/backoffice/v1/orgs/" + t.ids().orgId();
        ApiClient.Response off = t.api().send("PUT", org + "/plan", "{\"plan\":\"Enterprise\",\"analyticsEnabled\":false}");
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().get("analyticsEnabled").asBoolean(), "the analytics setting is stored, not dropped");
        assertTrue(t.api().send("PUT", org + "/plan", "{\"plan\":\"Enterprise\"}").json().get("analyticsEnabled")
                .isBoolean());
        assertFalse(t.api().get(org + "/plan").json().get("analyticsEnabled").asBoolean(), "omitted: left as it was");
        assertEquals(200, t.api().send("PUT", org + "/plan", "{\"analyticsEnabled\":true}").status(),
                "the plan may be left out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void orgHoldsAtMostTwentyActiveKeys(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String keys = "/backoffice/v1/orgs/" + t.ids().orgId() + "/api-keys";
        int held = t.api().get(keys).json().get("data").size();
        String last = null;
        for (int i = held; i < 20; i++) {
            ApiClient.Response r = t.api().post(keys, Map.of("name", "Key " + i));
            assertEquals(201, r.status(), r.body());
            last = r.json().get("keyId").asText();
        }
        ApiClient.Response refused = t.api().post(keys, Map.of("name", "One too many"));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("detail").asText().contains("20"), refused.body());
        assertEquals(20, t.api().get(keys).json().get("data").size(), "nothing was created");
        assertEquals(204, t.api().send("DELETE", keys + "/" + last, null).status());
        assertEquals(201, t.api().post(keys, Map.of("name", "In its place")).status());
    }
}
