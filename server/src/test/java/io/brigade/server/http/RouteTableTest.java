package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.access.Access;
import io.brigade.server.access.Scopes;
import io.brigade.server.access.StoreLookup;
import io.brigade.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Walks the server's route table: every route says who may call it, and the rules fit the face it is on. */
class RouteTableTest {
    private static final Set<String> OPEN = Set.of("POST /identity/connect/token", "POST /backoffice/v1/sessions",
            "GET /api/v1/openapi.json", "GET /store/v1/hello", "POST /store/v1/pairings");
    /** Each v3 face and the scopes a read and a write on it need. */
    private static final Map<String, List<String>> V3_FACES = Map.of(
            "/orgManagement/", List.of(Scopes.ORG_READ, Scopes.ORG_WRITE),
            "/menuManagement/", List.of(Scopes.MENUS_READ, Scopes.MENUS_WRITE),
            "/salesManagement/", List.of(Scopes.SALES_READ, Scopes.SALES_WRITE),
            "/sales/", List.of(Scopes.SALES_READ, Scopes.SALES_WRITE),
            "/webhooks/", List.of(Scopes.WEBHOOKS_MANAGE, Scopes.WEBHOOKS_MANAGE),
            "/operations-updates/", List.of(Scopes.OPERATIONS_WRITE, Scopes.OPERATIONS_WRITE),
            "/analytics/", List.of(Scopes.ANALYTICS_WRITE, Scopes.ANALYTICS_WRITE));
    private static final Set<String> BACK_OFFICE_RULES = Set.of("manager", "kitchen", "till", "ownClient", "staffSession",
            "anyStaff");

    private static List<Router.Declared> routes() {
        return TestServer.of("h2").server().router().routes();
    }

    private static String name(Router.Declared route) {
        return route.method() + " " + route.template();
    }

    @Test
    void everyRouteHasARule() {
        List<String> without = routes().stream().filter(r -> r.access() == null).map(RouteTableTest::name).toList();
        assertTrue(without.isEmpty(), "routes without an access rule: " + without);
        assertTrue(routes().size() > 100, "walked " + routes().size() + " routes");
    }

    @Test
    void aRouteCannotBeDeclaredWithoutARule() {
        Router router = new Router((request, credential) -> {
            throw new AssertionError("not called");
        }, StoreLookup.NONE);
        assertThrows(NullPointerException.class, () -> router.get("/x", null, ex -> Reply.noContent()));
    }

    @Test
    void onlyTheTokenEndpointSignInAndTheApiDescriptionAreOpen() {
        Set<String> open = new TreeSet<>();
        routes().stream().filter(r -> r.access().credential() == Access.Credential.NONE)
                .forEach(r -> open.add(name(r)));
        assertEquals(new TreeSet<>(OPEN), open);
    }

    @Test
    void everyV3RouteNeedsTheScopeOfItsFace() {
        List<String> wrong = new ArrayList<>();
        for (Router.Declared route : routes()) {
            V3_FACES.forEach((face, scopes) -> {
                if (route.template().startsWith(face)) {
                    String needed = "GET".equals(route.method()) ? scopes.get(0) : scopes.get(1);
                    if (!route.access().scope().equals(java.util.Optional.of(needed))) {
                        wrong.add(name(route) + " has " + route.access() + ", expected scope " + needed);
                    }
                }
            });
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void backOfficeRoutesAreForTheOrgsOwnPeopleAndClient() {
        List<String> wrong = routes().stream()
                .filter(r -> r.template().startsWith("/backoffice/") && !OPEN.contains(name(r)))
                .filter(r -> !BACK_OFFICE_RULES.contains(r.access().name()))
                .map(r -> name(r) + " has " + r.access()).toList();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void publicApiRoutesNeedAnApiKey() {
        List<String> wrong = routes().stream()
                .filter(r -> r.template().startsWith("/api/v1/") && !OPEN.contains(name(r)))
                .filter(r -> r.access().credential() != Access.Credential.API_KEY)
                .map(r -> name(r) + " has " + r.access()).toList();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void devicesReachOnlyTheRoutesTheirRolesNeed() {
        Map<String, String> expected = new java.util.TreeMap<>();
        for (String face : new String[] {"/salesManagement/orgs/{orgId}", "/sales/orgs/{orgId}"}) {
            expected.put("POST " + face + "/sales", "[TILL]");
            expected.put("POST " + face + "/sales/{saleId}/cancel", "[TILL]");
            expected.put("GET " + face + "/salesChannels/{salesChannelId}/sales/{saleId}", "[TILL]");
            expected.put("POST " + face + "/sales/{saleId}/refunds", "[TILL]");
        }
        // Money of a store: tills run their shifts; reports and approvals also from the office PC.
        String store = "/backoffice/v1/orgs/{orgId}/properties/{propertyId}";
        for (String till : new String[] {"POST /shifts", "GET /current-shift", "GET /shifts/{shiftId}",
                "POST /shifts/{shiftId}/movements", "POST /shifts/{shiftId}/close", "POST /outbox",
                "GET /vouchers/{code}"}) {
            String[] parts = till.split(" ");
            expected.put(parts[0] + " " + store + parts[1], "[TILL]");
        }
        for (String both : new String[] {"GET /x-report", "POST /z-reports", "GET /z-reports",
                "GET /z-reports/{zNumber}", "GET /z-reports/{zNumber}/csv", "GET /money-settings",
                "POST /approvals"}) {
            String[] parts = both.split(" ");
            expected.put(parts[0] + " " + store + parts[1], "[OFFICE, TILL]");
        }
        expected.put("GET " + store + "/audit", "[OFFICE]");
        // A till asks the office for a manager and follows its request; the office lists them (a person answers).
        expected.put("POST " + store + "/approval-requests", "[TILL]");
        expected.put("POST " + store + "/approval-requests/{requestId}/withdraw", "[TILL]");
        expected.put("GET " + store + "/approval-requests", "[OFFICE]");
        expected.put("GET " + store + "/approval-requests/{requestId}", "[OFFICE, TILL]");
        expected.put("POST /analytics/orgs/{orgId}/events", "[TILL]");
        expected.put("GET /menuManagement/orgs/{orgId}/menus/published", "[KITCHEN_SCREEN, TILL]");
        expected.put("GET /menuManagement/orgs/{orgId}/menus/{menuId}/revisions/{revisionId}", "[KITCHEN_SCREEN, TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/salesChannels/{salesChannelId}/snoozes", "[TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/staff/credentials", "[KITCHEN_SCREEN, OFFICE, TILL]");
        expected.put("GET /store/v1/device", "[KITCHEN_SCREEN, OFFICE, TILL]");
        // Every device of a store prints and formats as the store says.
        expected.put("GET /backoffice/v1/orgs/{orgId}/store/settings", "[KITCHEN_SCREEN, OFFICE, TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/store/printers", "[KITCHEN_SCREEN, OFFICE, TILL]");
        // A paired till fires rounds of its store's checks; voids name only a check, so they stay with people.
        expected.put("POST /backoffice/v1/orgs/{orgId}/kitchen/rounds", "[TILL]");
        // Tills work on their store's checks; the office PC shows the floor.
        expected.put("POST /backoffice/v1/orgs/{orgId}/checks/{checkId}/operations", "[TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/checks", "[OFFICE, TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/checks/{checkId}", "[OFFICE, TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/floor/stream", "[OFFICE, TILL]");
        expected.put("GET /backoffice/v1/orgs/{orgId}/floor", "[OFFICE, TILL]");
        Map<String, String> actual = new java.util.TreeMap<>();
        for (Router.Declared route : routes()) {
            if (route.template().startsWith("/backoffice/v1/orgs/{orgId}/kitchen/")
                    && !"till".equals(route.access().name())) {
                continue; // the kitchen screen's routes, below
            }
            if (!route.access().devices().isEmpty()) {
                actual.put(name(route), route.access().devices().stream().map(Enum::name).sorted().toList().toString());
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void kitchenScreensReachEveryKitchenRouteAndTillsOnlyTheStream() {
        List<String> wrong = new ArrayList<>();
        for (Router.Declared route : routes()) {
            if (route.template().startsWith("/backoffice/v1/orgs/{orgId}/kitchen/")
                    && !"manager".equals(route.access().name()) && !"till".equals(route.access().name())) {
                boolean stream = route.template().endsWith("/kitchen/stream");
                Set<io.brigade.protocol.devices.DeviceRole> roles = route.access().devices();
                if (!roles.contains(io.brigade.protocol.devices.DeviceRole.KITCHEN_SCREEN)
                        || roles.contains(io.brigade.protocol.devices.DeviceRole.TILL) != stream
                        || roles.contains(io.brigade.protocol.devices.DeviceRole.OFFICE)) {
                    wrong.add(name(route) + " admits " + roles);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aRevokedCallerMayHandInOnlyTheSalesItRangBefore() {
        List<String> handIn = routes().stream().filter(r -> !r.access().handInFields().isEmpty())
                .map(RouteTableTest::name).sorted().toList();
        assertEquals(List.of("POST /sales/orgs/{orgId}/sales", "POST /salesManagement/orgs/{orgId}/sales"), handIn);
    }

    @Test
    void everyRouteIsOnAKnownFace() {
        List<String> faces = new ArrayList<>(V3_FACES.keySet());
        faces.addAll(List.of("/backoffice/", "/api/v1/", "/identity/", "/store/"));
        List<String> unknown = routes().stream().filter(r -> faces.stream().noneMatch(r.template()::startsWith))
                .map(RouteTableTest::name).toList();
        assertTrue(unknown.isEmpty(), "a new face needs its rules thought through here: " + unknown);
    }
}
