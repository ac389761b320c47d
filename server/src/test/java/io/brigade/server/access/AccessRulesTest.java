package io.brigade.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.apps.AppHarness;
import io.brigade.server.network.StoreAuthority;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of caller against each kind of rule, over real HTTP: the refusals that used to live inside handlers
 * (a cashier on a manager route, an API key in the back office, an app outside v3, ...) now come from the rules
 * on the route table, and the callers a rule names still get through. The store's paired devices get through
 * only where a rule names their role, and a revoked device nowhere.
 */
class AccessRulesTest {
    private static AppHarness h;
    private static DemoBootstrap.Result org;
    private static AppHarness.App app;
    private static final Map<Who, String> DEVICES = new java.util.EnumMap<>(Who.class);

    /** Who calls. */
    enum Who {
        NOBODY, ORG_CLIENT, MANAGER, CASHIER, KITCHEN, API_KEY_BEARER, API_KEY_HEADER, APP, TILL_DEVICE,
        KITCHEN_DEVICE, OFFICE_DEVICE, REVOKED_DEVICE
    }

    private static final String MANAGER_ROUTE = "GET /backoffice/v1/orgs/{org}/staff";
    private static final String KITCHEN_ROUTE = "GET /backoffice/v1/orgs/{org}/kitchen/tickets?propertyId={property}";
    private static final String OWN_CLIENT_ROUTE = "GET /backoffice/v1/orgs/{org}/staff/credentials";
    private static final String SCOPE_ROUTE = "GET /orgManagement/orgs/{org}/properties";
    private static final String API_KEY_ROUTE = "GET /api/v1/meals";
    private static final String SIGN_OUT_ROUTE = "DELETE /backoffice/v1/sessions/current";
    private static final String MENU_ROUTE = "GET /menuManagement/orgs/{org}/menus/published";
    private static final String DEVICE_ROUTE = "GET /store/v1/device";
    private static final String OTHER_STORE_KITCHEN_ROUTE =
            "GET /backoffice/v1/orgs/{org}/kitchen/tickets?propertyId=another-store";

    @BeforeAll
    static void start() throws Exception {
        h = new AppHarness("h2");
        org = h.newOrg("Rules Bistro");
        TestServer.keepBootstrapPin(h.database(), org.orgId());
        ApiClient owner = h.api(org);
        for (Map<String, String> member : List.of(Map.of("name", "Ciara", "role", "CASHIER", "pin", "1313"),
                Map.of("name", "Kevin", "role", "KITCHEN", "pin", "2424"))) {
            ApiClient.Response added = owner.post("/backoffice/v1/orgs/" + org.orgId() + "/staff", member);
            assertEquals(201, added.status(), added.body());
        }
        DemoBootstrap.Result dev = h.newOrg("Rules Dev");
        app = h.approvedApp(dev, Scopes.ALL, "None", false, null);
        assertEquals(201, AppHarness.install(owner, org.orgId(), app.appStoreAppId(), null, null).status());
        // Devices pair with a store server that serves HTTPS (the fingerprint comes with each code).
        h.server.serveStore(0, StoreAuthority.loadOrCreate(Files.createTempDirectory("rules-tls"),
                Clock.systemUTC()));
        DEVICES.put(Who.TILL_DEVICE, pair(owner, "TILL"));
        DEVICES.put(Who.KITCHEN_DEVICE, pair(owner, "KITCHEN_SCREEN"));
        DEVICES.put(Who.OFFICE_DEVICE, pair(owner, "OFFICE"));
        String revoked = pair(owner, "TILL");
        String deviceId = new ApiClient(h.server.uri()).with("Authorization", "Bearer " + revoked)
                .get("/store/v1/device").json().get("deviceId").asText();
        assertEquals(204, owner.send("DELETE", "/backoffice/v1/orgs/" + org.orgId() + "/devices/" + deviceId, null)
                .status());
        DEVICES.put(Who.REVOKED_DEVICE, revoked);
    }

    private static String pair(ApiClient owner, String role) {
        ApiClient.Response code = owner.post("/backoffice/v1/orgs/" + org.orgId() + "/devices/pairing-codes",
                Map.of("propertyId", org.propertyId(), "role", role));
        assertEquals(201, code.status(), code.body());
        ApiClient.Response paired = new ApiClient(h.server.uri()).post("/store/v1/pairings",
                Map.of("code", code.json().get("code").asText()));
        assertEquals(201, paired.status(), paired.body());
        return paired.json().get("credential").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Who.CASHIER, MANAGER_ROUTE, 403),
                Arguments.of(Who.KITCHEN, MANAGER_ROUTE, 403),
                Arguments.of(Who.API_KEY_BEARER, MANAGER_ROUTE, 403),
                Arguments.of(Who.APP, MANAGER_ROUTE, 403),
                Arguments.of(Who.NOBODY, MANAGER_ROUTE, 401),
                Arguments.of(Who.MANAGER, MANAGER_ROUTE, 200),
                Arguments.of(Who.ORG_CLIENT, MANAGER_ROUTE, 200),

                Arguments.of(Who.CASHIER, KITCHEN_ROUTE, 403),
                Arguments.of(Who.API_KEY_BEARER, KITCHEN_ROUTE, 403),
                Arguments.of(Who.APP, KITCHEN_ROUTE, 403),
                Arguments.of(Who.KITCHEN, KITCHEN_ROUTE, 200),
                Arguments.of(Who.MANAGER, KITCHEN_ROUTE, 200),
                Arguments.of(Who.ORG_CLIENT, KITCHEN_ROUTE, 200),

                Arguments.of(Who.MANAGER, OWN_CLIENT_ROUTE, 403),
                Arguments.of(Who.API_KEY_BEARER, OWN_CLIENT_ROUTE, 403),
                Arguments.of(Who.APP, OWN_CLIENT_ROUTE, 403),
                Arguments.of(Who.ORG_CLIENT, OWN_CLIENT_ROUTE, 200),

                Arguments.of(Who.MANAGER, SCOPE_ROUTE, 403),
                Arguments.of(Who.KITCHEN, SCOPE_ROUTE, 403),
                Arguments.of(Who.NOBODY, SCOPE_ROUTE, 401),
                Arguments.of(Who.ORG_CLIENT, SCOPE_ROUTE, 200),
                Arguments.of(Who.API_KEY_BEARER, SCOPE_ROUTE, 200),
                Arguments.of(Who.APP, SCOPE_ROUTE, 200),

                Arguments.of(Who.ORG_CLIENT, API_KEY_ROUTE, 401),
                Arguments.of(Who.APP, API_KEY_ROUTE, 401),
                Arguments.of(Who.MANAGER, API_KEY_ROUTE, 401),
                Arguments.of(Who.API_KEY_HEADER, API_KEY_ROUTE, 200),

                Arguments.of(Who.ORG_CLIENT, SIGN_OUT_ROUTE, 403),
                Arguments.of(Who.API_KEY_BEARER, SIGN_OUT_ROUTE, 403),
                Arguments.of(Who.CASHIER, SIGN_OUT_ROUTE, 204),

                Arguments.of(Who.TILL_DEVICE, MANAGER_ROUTE, 403),
                Arguments.of(Who.KITCHEN_DEVICE, MANAGER_ROUTE, 403),
                Arguments.of(Who.OFFICE_DEVICE, MANAGER_ROUTE, 403),
                Arguments.of(Who.KITCHEN_DEVICE, KITCHEN_ROUTE, 200),
                Arguments.of(Who.TILL_DEVICE, KITCHEN_ROUTE, 403),
                Arguments.of(Who.OFFICE_DEVICE, KITCHEN_ROUTE, 403),
                Arguments.of(Who.KITCHEN_DEVICE, OTHER_STORE_KITCHEN_ROUTE, 404),
                Arguments.of(Who.TILL_DEVICE, OWN_CLIENT_ROUTE, 200),
                Arguments.of(Who.OFFICE_DEVICE, OWN_CLIENT_ROUTE, 200),
                Arguments.of(Who.TILL_DEVICE, MENU_ROUTE, 200),
                Arguments.of(Who.OFFICE_DEVICE, MENU_ROUTE, 403),
                Arguments.of(Who.TILL_DEVICE, SCOPE_ROUTE, 403),
                Arguments.of(Who.TILL_DEVICE, API_KEY_ROUTE, 401),
                Arguments.of(Who.TILL_DEVICE, SIGN_OUT_ROUTE, 403),
                Arguments.of(Who.OFFICE_DEVICE, DEVICE_ROUTE, 200),
                Arguments.of(Who.ORG_CLIENT, DEVICE_ROUTE, 403),
                Arguments.of(Who.MANAGER, DEVICE_ROUTE, 403),
                Arguments.of(Who.REVOKED_DEVICE, MENU_ROUTE, 403),
                Arguments.of(Who.REVOKED_DEVICE, DEVICE_ROUTE, 403));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("cases")
    void aRouteAnswersEachCallerAsItsRuleSays(Who who, String route, int expected) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{org}", org.orgId())
                .replace("{property}", org.propertyId());
        ApiClient.Response r = caller(who).send(method, path, null);
        assertEquals(expected, r.status(), who + " " + route + ": " + r.body());
        if (expected == 403) {
            assertTrue(r.json().get("detail").asText().length() > 20, "a refusal says why: " + r.body());
        }
    }

    private static ApiClient caller(Who who) {
        ApiClient anonymous = new ApiClient(h.server.uri());
        return switch (who) {
            case NOBODY -> anonymous;
            case ORG_CLIENT -> h.api(org);
            case MANAGER -> session(org.managerPin());
            case CASHIER -> session("1313");
            case KITCHEN -> session("2424");
            case API_KEY_BEARER -> anonymous.with("Authorization", "Bearer " + org.apiKey());
            case API_KEY_HEADER -> anonymous.with("X-API-Key", org.apiKey());
            case APP -> h.token(app.clientId(), app.clientSecret());
            case TILL_DEVICE, KITCHEN_DEVICE, OFFICE_DEVICE, REVOKED_DEVICE ->
                    anonymous.with("Authorization", "Bearer " + DEVICES.get(who));
        };
    }

    private static ApiClient session(String pin) {
        ApiClient.Response r = new ApiClient(h.server.uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", org.orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        return new ApiClient(h.server.uri()).with("Authorization", "Bearer " + r.json().get("token").asText());
    }
}
