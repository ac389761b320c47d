package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.auth.Scopes;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route the server declares, called with an installed app's token whose permission level lacks one
 * scope: the routes needing that scope answer 403 naming it, the others get past the check, and routes
 * outside the v3 API (back office) refuse apps whatever their scopes.
 */
class AppScopeTest {
    static AppHarness h;
    static DemoBootstrap.Result client;
    static String saleId;

    @BeforeAll
    static void start() throws Exception {
        h = new AppHarness("h2");
        client = h.newOrg("Client Bistro");
        saleId = h.sale(client);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    static Stream<String> scopes() {
        return Scopes.ALL.stream();
    }

    /** (method, template) of every authenticated route that names an org. */
    static List<String[]> orgRoutes() {
        List<String[]> out = new ArrayList<>();
        h.server.router().declared().forEach((template, methods) -> {
            if (template.contains("{orgId}")) {
                methods.forEach(m -> out.add(new String[] {m, template}));
            }
        });
        return out;
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void everyRouteNeedingAMissingScopeIsRefused(String missing) {
        DemoBootstrap.Result dev = h.newOrg("Dev " + missing);
        List<String> granted = new ArrayList<>(Scopes.ALL);
        granted.remove(missing);
        AppHarness.App app = h.approvedApp(dev, granted, "None", false, null);
        assertEquals(201, AppHarness.install(h.api(client), client.orgId(), app.appStoreAppId(), null, null).status());
        ApiClient token = h.token(app.clientId(), app.clientSecret());

        int refused = 0;
        for (String[] route : orgRoutes()) {
            String method = route[0];
            String path = fill(route[1]);
            ApiClient.Response r;
            try {
                r = token.send(method, path, "GET".equals(method) ? null : "{}");
            } catch (IllegalStateException e) {
                throw new AssertionError(method + " " + route[1] + " failed at the transport level", e);
            }
            String needed = Scopes.forRoute(method, route[1]);
            String what = method + " " + route[1] + " -> " + r.status() + " " + r.body();
            if (needed == null) {
                assertEquals(403, r.status(), "apps may not use the back office: " + what);
            } else if (needed.equals(missing)) {
                assertEquals(403, r.status(), what);
                assertTrue(r.json().get("detail").asText().contains("'" + missing + "'"), what);
                refused++;
            } else {
                assertFalse(r.status() == 403 || r.status() == 401, "granted scope " + needed + ": " + what);
            }
        }
        assertTrue(refused > 0, "some route needs " + missing);
        assertEquals(204, h.api(client).send("DELETE", "/backoffice/v1/orgs/" + client.orgId() + "/installed-apps/"
                + app.appStoreAppId(), null).status());
    }

    @Test
    void everyV3RouteNeedsAScope() {
        Set<String> faces = Set.of("/orgManagement/", "/menuManagement/", "/salesManagement/", "/sales/",
                "/webhooks/", "/operations-updates/", "/analytics/");
        for (String[] route : orgRoutes()) {
            boolean v3 = faces.stream().anyMatch(route[1]::startsWith);
            assertEquals(v3, Scopes.forRoute(route[0], route[1]) != null, route[0] + " " + route[1]);
        }
    }

    @Test
    void orgListShowsOnlyOrgsWhoseTreeTheAppMayRead() {
        DemoBootstrap.Result dev = h.newOrg("Dev list");
        AppHarness.App app = h.approvedApp(dev, List.of(Scopes.SALES_READ), "None", false, null);
        DemoBootstrap.Result other = h.newOrg("Other Bistro");
        assertEquals(201, AppHarness.install(h.api(other), other.orgId(), app.appStoreAppId(), null, Map.of())
                .status());
        List<String> listed = AppGuideFlowTest.ids(h.token(app.clientId(), app.clientSecret())
                .get("/orgManagement/orgs").json().get("data"), "orgId");
        assertEquals(List.of(dev.orgId()), listed, "installed without org:read: not listed");
    }

    private static String fill(String template) {
        return template.replace("{orgId}", client.orgId()).replace("{propertyId}", client.propertyId())
                .replace("{salesChannelId}", client.salesChannelId()).replace("{menuId}", client.menuId())
                .replace("{revisionId}", "1").replace("{saleId}", saleId).replaceAll("\\{[A-Za-z]+}", "x");
    }
}
