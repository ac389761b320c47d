package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Walks every declared route with another org's credential and ids: nothing of org A leaks to org B. */
class CrossTenantTest {
    // Sessions name their org in the body; StaffSessionTest covers a PIN tried against another org. The store
    // routes serve a new device before it belongs to an org, or a device its own org (DevicePairingTest).
    private static final Set<String> NOT_ORG_SCOPED = Set.of("/identity/connect/token", "/orgManagement/orgs",
            "/api/v1/openapi.json", "/backoffice/v1/sessions", "/backoffice/v1/sessions/current",
            "/backoffice/v1/sessions/current/pin", "/backoffice/v1/sessions/current/language", "/store/v1/hello",
            "/store/v1/pairings", "/store/v1/device");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyRouteHidesAnotherOrgsData(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant a = server.newTenant();
        TestServer.Tenant b = server.newTenant();
        ApiClient.Response sale = a.api().post("/salesManagement/orgs/" + a.ids().orgId() + "/sales",
                Sales.simple(a.ids(), "2026-04-05T12:00:00Z", "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, sale.status());
        String jobId = a.api().post("/backoffice/v1/orgs/" + a.ids().orgId() + "/jobs",
                Map.of("type", "product-sync-all", "parameters", Map.of())).json().get("jobId").asText();
        // A webhook subscription of org A, stored directly (the shared server refuses non-public callbacks).
        String subId = "sub_" + UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        server.database().inTransaction(c -> {
            new io.brigade.server.webhooks.SubscriptionRepository().insert(c, new io.brigade.server.webhooks.Subscription(
                    subId, a.ids().orgId(), "https://8.8.8.8/hook", "v1:none", List.of("sales.created.v1"), List.of(),
                    "v3", true, null, null, 0, now, now));
            return null;
        });
        Map<String, String> aIds = Map.ofEntries(Map.entry("propertyId", a.ids().propertyId()),
                Map.entry("salesChannelId", a.ids().salesChannelId()), Map.entry("menuId", a.ids().menuId()),
                Map.entry("revisionId", "1"), Map.entry("saleId", sale.json().get("saleId").asText()),
                Map.entry("menuItemId", a.ids().menuItemIds().get(0)), Map.entry("jobId", jobId),
                Map.entry("name", "sales.csv"), Map.entry("subId", subId), Map.entry("lineNo", "1"), Map.entry("staffId", a.api()
                        .get("/backoffice/v1/orgs/" + a.ids().orgId() + "/staff").json().get("data").get(0)
                        .get("staffId").asText()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Intruder");
        body.put("salesChannelType", "POS");
        body.put("cancellationReason", "stolen");
        body.put("quantity", 5);
        body.put("done", true);
        body.put("status", "SALE_DISPATCHED");
        body.put("salesChannelIds", List.of(b.ids().salesChannelId()));
        String json = Json.mapper().writeValueAsString(body);
        body.put("status", "SALE_PREPARED_BY_KITCHEN");
        String posJson = Json.mapper().writeValueAsString(body);

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Set<String>> route : server.server().router().declared().entrySet()) {
            String template = route.getKey();
            if (NOT_ORG_SCOPED.contains(template)) {
                continue;
            }
            if (template.startsWith("/api/v1/")) {
                // The public API takes the org from the key: B's key with A's ids must find nothing.
                checked += checkPublicApi(template, route.getValue(), a, b, aIds.get("saleId"), leaks);
                continue;
            }
            for (String method : route.getValue()) {
                // A body that passes validation, so that the route reaches its lookups.
                String payload = method.equals("GET") ? null : template.endsWith("/posStatus") ? posJson : json;
                // 1. Org A's org id in the path, org B's credential.
                String path = fill(template, a.ids().orgId(), aIds) + query(template);
                ApiClient.Response r = b.api().with("x-idempotency-key", UUID.randomUUID().toString())
                        .send(method, path, payload);
                if (r.status() != 404 && r.status() != 403) {
                    leaks.add(method + " " + path + " -> " + r.status() + " " + r.body());
                }
                checked++;
                // 2. Org B's own org id, org A's object ids.
                if (template.matches(".*\\{(propertyId|salesChannelId|menuId|saleId|menuItemId|jobId|subId|staffId)}.*")) {
                    String own = fill(template, b.ids().orgId(), aIds) + query(template);
                    ApiClient.Response r2 = b.api().with("x-idempotency-key", UUID.randomUUID().toString())
                            .send(method, own, payload);
                    if (r2.status() != 404) {
                        leaks.add(method + " " + own + " -> " + r2.status() + " " + r2.body());
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 30, "walked " + checked + " route checks");
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        // And the sale is untouched.
        ApiClient.Response detail = a.api().get("/salesManagement/orgs/" + a.ids().orgId() + "/salesChannels/"
                + a.ids().salesChannelId() + "/sales/" + aIds.get("saleId"));
        assertEquals("SALE_CREATED", detail.json().get("data").get("status").asText());
        assertFalse(b.api().get("/orgManagement/orgs").body().contains(a.ids().orgId()));
    }

    private static int checkPublicApi(String template, Set<String> methods, TestServer.Tenant a, TestServer.Tenant b,
                                      String aSaleId, List<String> leaks) throws Exception {
        ApiClient keyB = new ApiClient(b.api().base()).with("X-API-Key", b.ids().apiKey())
                .with("Idempotency-Key", UUID.randomUUID().toString());
        String aId = template.startsWith("/api/v1/meals") ? a.ids().menuItemIds().get(0)
                : template.startsWith("/api/v1/menus") ? a.ids().menuId() : aSaleId;
        String path = template.replace("{id}", aId);
        int checked = 0;
        for (String method : methods) {
            String payload = method.equals("GET") ? null : Json.mapper().writeValueAsString(Map.of(
                    "status", "SALE_CANCELLED", "cancellationReason", "stolen", "menuId", a.ids().menuId(),
                    "dispatchType", "TakeAway", "items", List.of(Map.of("mealId", aId, "quantity", 1))));
            ApiClient.Response r = keyB.send(method, path, payload);
            boolean hidden = template.contains("{id}") ? r.status() == 404
                    : r.status() >= 400 || !r.body().contains(a.ids().menuId()) && !r.body().contains(aSaleId);
            if (!hidden) {
                leaks.add(method + " " + path + " (key of B) -> " + r.status() + " " + r.body());
            }
            checked++;
        }
        return checked;
    }

    private static String fill(String template, String orgId, Map<String, String> ids) {
        String path = template.replace("{orgId}", orgId);
        for (Map.Entry<String, String> e : ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        // Ids this test has no object of A for (an API key, a pricing rule): any id must answer 404.
        return path.replaceAll("\\{[A-Za-z]+}", "unknown" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String query(String template) {
        return template.endsWith("/sales") && template.contains("salesChannels")
                ? "?fromDate=2026-04-05&toDate=2026-04-05" : "";
    }
}
