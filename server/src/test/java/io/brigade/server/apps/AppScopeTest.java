package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.access.Scopes;
import io.brigade.server.http.Router;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Every route that names an org, with its rule. */
    static List<Router.Declared> orgRoutes() {
        return h.server.router().routes().stream().filter(r -> r.template().contains("{orgId}")).toList();
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
        for (Router.Declared route : orgRoutes()) {
            String method = route.method();
            String path = fill(route.template());
            ApiClient.Response r;
            try {
                r = token.send(method, path, "GET".equals(method) ? null : "{}");
            } catch (IllegalStateException e) {
                throw new AssertionError(method + " " + route.template() + " failed at the transport level", e);
            }
            String needed = route.access().scope().orElse(null);
            String what = method + " " + route.template() + " -> " + r.status() + " " + r.body();
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
