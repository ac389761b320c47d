package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.auth.Secrets;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.ClockedServer;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks every write route of the route table (POST, PUT, PATCH, DELETE) with hostile input: each answer is a 4xx
 * problem, never a 5xx or a success, and afterwards every table reads back exactly as before.
 */
class BadInputEveryRouteTest {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    /** Bodies no write route may accept: not JSON, the wrong kind of JSON, JSON followed by more. */
    private static final Map<String, String> BODIES = Map.of(
            "broken JSON", "{\"name\": ",
            "an array", "[1, 2]",
            "a string", "\"text\"",
            "trailing JSON", "{} {}",
            "fields of the wrong kind", """
                    {"name": {"a": 1}, "quantity": 1.9, "amount": "ten", "status": 3, "salesChannelId": [],
                     "salesChannelIds": "sc", "propertyIds": "p", "plan": [], "eventTypes": "all", "enabled": "yes",
                     "pin": {}, "type": 7, "items": {}, "callbackUrl": 1, "cancellationReason": [], "snoozed": "no",
                     "menuId": {}, "done": "x", "parameters": [], "price": "free", "percentOff": "half",
                     "timeZone": [], "vat": [], "vatPercentage": "x", "appStoreAppId": [], "events": {}}""");

    /**
     * Routes that read no body: a hostile body is ignored, so they get hostile ids instead (unknown ones, and
     * ids that are not ids at all) and must find nothing.
     */
    private static final Set<String> NO_BODY = Set.of(
            "DELETE /backoffice/v1/sessions/current",
            "POST /backoffice/v1/orgs/{orgId}/jobs/{jobId}/cancel",
            "POST /backoffice/v1/orgs/{orgId}/webhooks/{subId}/enable",
            "POST /backoffice/v1/orgs/{orgId}/webhooks/{subId}/test",
            "POST /backoffice/v1/orgs/{orgId}/oauth-apps/{clientId}/rotate-secret",
            "POST /backoffice/v1/orgs/{orgId}/app-store-apps/{appStoreAppId}/submit",
            "POST /backoffice/v1/orgs/{orgId}/app-reviews/{appStoreAppId}/approve",
            "POST /backoffice/v1/orgs/{orgId}/kitchen/tickets/{saleId}/bump",
            "POST /backoffice/v1/orgs/{orgId}/kitchen/tickets/{saleId}/start",
            "POST /backoffice/v1/orgs/{orgId}/kitchen/recall",
            "POST /backoffice/v1/orgs/{orgId}/properties/{propertyId}/approval-requests/{requestId}/withdraw");

    /** Tables a request changes by being made at all (quotas, sign-in counters, last use, the job scheduler). */
    private static final Set<String> VOLATILE = Set.of("rate_limit_buckets", "sign_in_lockouts", "api_keys",
            "scheduled_tasks", "access_tokens", "app_access_tokens", "staff_sessions", "flyway_schema_history");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyWriteRouteRefusesBadInputAndChangesNothing(String db) throws Exception {
        try (ClockedServer server = new ClockedServer(db, START)) {
            TestServer.Tenant t = server.newTenant();
            ApiClient.Response sale = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                    Sales.simple(t.ids(), START.toString(), "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
            assertEquals(201, sale.status(), sale.body());
            Map<String, String> ids = Map.ofEntries(Map.entry("orgId", t.ids().orgId()),
                    Map.entry("propertyId", t.ids().propertyId()), Map.entry("salesChannelId", t.ids().salesChannelId()),
                    Map.entry("menuId", t.ids().menuId()), Map.entry("revisionId", "1"),
                    Map.entry("saleId", sale.json().get("saleId").asText()),
                    Map.entry("menuItemId", t.ids().menuItemIds().get(0)), Map.entry("lineNo", "1"),
                    Map.entry("id", sale.json().get("saleId").asText()));
            ApiClient owner = t.api();
            ApiClient key = new ApiClient(owner.base()).with("X-API-Key", t.ids().apiKey());
            String before = snapshot(server);

            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (io.brigade.server.http.Router.Declared route : serverRoutes(server)) {
                if (route.method().equals("GET")) {
                    continue;
                }
                String name = route.method() + " " + route.template();
                ApiClient caller = (route.template().startsWith("/api/v1/") ? key : owner)
                        .with("x-idempotency-key", UUID.randomUUID().toString())
                        .with("Idempotency-Key", UUID.randomUUID().toString());
                if (route.method().equals("DELETE") || NO_BODY.contains(name)) {
                    for (String bad : new String[] {"unknown" + UUID.randomUUID().toString().substring(0, 8),
                            "%00", "x".repeat(300)}) {
                        String path = route.template().replace("{orgId}", t.ids().orgId())
                                .replaceAll("\\{[A-Za-z]+}", bad);
                        if (path.equals(route.template().replace("{orgId}", t.ids().orgId()))) {
                            continue; // no id to spoil: the route would act on the org itself
                        }
                        checked += check(caller, route.method(), path, null, name + " at " + path, wrong);
                    }
                    continue;
                }
                String path = fill(route.template(), ids);
                for (Map.Entry<String, String> body : BODIES.entrySet()) {
                    checked += check(caller, route.method(), path, body.getValue(), name + " with "
                            + body.getKey(), wrong);
                }
            }
            assertTrue(checked > 150, "made " + checked + " requests");
            assertTrue(wrong.isEmpty(), wrong.size() + " answers were not a 4xx problem:\n" + String.join("\n", wrong));
            assertEquals(before, snapshot(server), "a refused request changed what is stored");
        }
    }

    private static List<io.brigade.server.http.Router.Declared> serverRoutes(ClockedServer server) {
        return server.server().router().routes();
    }

    private static ApiClient.Response send(ApiClient caller, String method, String path, String body) {
        return caller.send(method, path, body);
    }

    private static int check(ApiClient caller, String method, String path, String body, String what,
                             List<String> wrong) {
        ApiClient.Response r;
        try {
            r = send(caller, method, path, body);
        } catch (IllegalStateException e) {
            wrong.add(what + " -> no answer (" + e.getMessage() + ")");
            return 1;
        }
        return check(r, what, wrong);
    }

    private static int check(ApiClient.Response r, String what, List<String> wrong) {
        if (what.startsWith("POST /identity/connect/token ")) {
            // OAuth's token endpoint answers errors in OAuth's own shape (RFC 6749, section 5.2).
            if (r.status() != 400 || !r.body().contains("\"error\":\"invalid_request\"")) {
                wrong.add(what + " -> " + r.status() + " " + r.body());
            }
            return 1;
        }
        String type = r.header("Content-Type");
        if (r.status() < 400 || r.status() >= 500 || type == null || !type.startsWith("application/problem+json")) {
            wrong.add(what + " -> " + r.status() + " " + (r.body().length() > 200 ? r.body().substring(0, 200)
                    : r.body()));
        }
        return 1;
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path.replaceAll("\\{[A-Za-z]+}", "unknown");
    }

    /** Every row of every table but the volatile ones, as one digest per table. */
    private static String snapshot(ClockedServer server) {
        return server.database().read(c -> {
            Map<String, String> digests = new TreeMap<>();
            for (String table : tables(c)) {
                if (VOLATILE.contains(table)) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                digests.put(table, rows.size() + ":" + Secrets.sha256Hex(String.join("\n", rows)));
            }
            return digests.toString();
        });
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, postgres ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
