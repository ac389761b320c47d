package io.brigade.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Staff members, their PIN sessions and what each role may open in the back office. */
class StaffSessionTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managerSignsInWithTheBootstrapPinAndAddsKitchenStaffWhoCannotManage(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String orgId = t.ids().orgId();
        ApiClient manager = session(t, t.ids().managerPin());
        String staff = "/backoffice/v1/orgs/" + orgId + "/staff";

        ApiClient.Response added = manager.post(staff, Map.of("name", "Kevin", "role", "KITCHEN", "pin", "2323"));
        assertEquals(201, added.status(), added.body());
        assertEquals("KITCHEN", added.json().get("role").asText());
        assertFalse(added.body().contains("2323"), "the PIN is never echoed");
        List<String> names = names(manager.get(staff));
        assertEquals(List.of("Manager", "Kevin"), names);

        ApiClient kitchen = session(t, "2323");
        assertEquals(403, kitchen.get(staff).status(), "kitchen staff cannot manage staff");
        assertEquals(403, kitchen.get("/backoffice/v1/orgs/" + orgId + "/api-keys").status());
        ApiClient.Response v3 = kitchen.get("/orgManagement/orgs/" + orgId + "/properties");
        assertEquals(403, v3.status(), "a staff session opens the back office only: " + v3.body());
        assertEquals(200, manager.get("/backoffice/v1/orgs/" + orgId + "/api-keys").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void removingAMemberEndsTheirSessionAtOnceAndSigningOutEndsOne(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String staff = "/backoffice/v1/orgs/" + t.ids().orgId() + "/staff";
        ApiClient manager = session(t, t.ids().managerPin());
        String staffId = manager.post(staff, Map.of("name", "Aoife", "role", "MANAGER", "pin", "4321"))
                .json().get("staffId").asText();
        ApiClient aoife = session(t, "4321");
        assertEquals(200, aoife.get(staff).status());

        assertEquals(204, manager.send("DELETE", staff + "/" + staffId, null).status());
        assertEquals(401, aoife.get(staff).status(), "the removed member's session ended");
        assertEquals(404, manager.send("DELETE", staff + "/" + staffId, null).status(), "already removed");
        assertEquals(List.of("Manager"), names(manager.get(staff)));

        assertEquals(204, manager.send("DELETE", "/backoffice/v1/sessions/current", null).status());
        assertEquals(401, manager.get(staff).status(), "signed out");
    }

    @Test
    void badStaffInputIsRefusedWithFieldPathsAndChangesNothing() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String staff = "/backoffice/v1/orgs/" + t.ids().orgId() + "/staff";
        ApiClient manager = session(t, t.ids().managerPin());

        ApiClient.Response missing = manager.post(staff, Map.of());
        assertEquals(400, missing.status());
        assertEquals(List.of("name", "role", "pin"), fields(missing));
        ApiClient.Response wrong = manager.post(staff, Map.of("name", "Sam", "role", "CHEF", "pin", "12a4"));
        assertEquals(400, wrong.status());
        assertEquals(List.of("role", "pin"), fields(wrong));
        ApiClient.Response taken = manager.post(staff, Map.of("name", "Sam", "role", "CASHIER",
                "pin", t.ids().managerPin()));
        assertEquals(409, taken.status(), taken.body());
        assertEquals(List.of("pin"), fields(taken));
        assertEquals(400, manager.send("POST", staff, "{not json").status());
        assertEquals(List.of("Manager"), names(manager.get(staff)), "nothing was added");

        ApiClient anonymous = new ApiClient(t.api().base());
        ApiClient.Response shortPin = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", t.ids().orgId(),
                "pin", "12"));
        assertEquals(400, shortPin.status());
        assertEquals(List.of("pin"), fields(shortPin));
    }

    @Test
    void aTerminalReadsPinDigestsThatCheckOfflineButPeopleAndKeysCannot() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String credentials = "/backoffice/v1/orgs/" + t.ids().orgId() + "/staff/credentials";
        ApiClient.Response read = t.api().get(credentials);
        assertEquals(200, read.status(), read.body());
        assertEquals("no-store", read.header("Cache-Control"));
        JsonNode manager = read.json().get("data").get(0);
        assertEquals("MANAGER", manager.get("role").asText());
        assertTrue(PinDigest.matches(t.ids().managerPin(), manager.get("pinSalt").asText(),
                manager.get("pinDigest").asText()));
        assertFalse(PinDigest.matches("0000", manager.get("pinSalt").asText(), manager.get("pinDigest").asText()));

        assertEquals(403, session(t, t.ids().managerPin()).get(credentials).status(), "not for a person's session");
        ApiClient byKey = new ApiClient(t.api().base()).with("Authorization", "Bearer " + t.ids().apiKey());
        assertEquals(403, byKey.get(credentials).status(), "not for an API key");
        TestServer.Tenant other = TestServer.of("h2").newTenant();
        assertEquals(404, other.api().get(credentials).status(), "another org's terminal learns nothing");
    }

    @Test
    void wrongPinsAreOneAnswerForEveryCaseAndRunIntoTheFailedAttemptLimit() throws Exception {
        // A server of its own: the failed-attempt budget is per address, and every test here calls from 127.0.0.1.
        Database database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null);
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, Clock.systemUTC()).run("Pin Bistro");
            ApiClient anonymous = new ApiClient(server.uri());
            String wrongPin = org.managerPin().equals("000000") ? "111111" : "000000";
            ApiClient.Response wrong = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(),
                    "pin", wrongPin));
            ApiClient.Response unknownOrg = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", "orgNOPE",
                    "pin", org.managerPin()));
            assertEquals(401, wrong.status());
            assertEquals(401, unknownOrg.status());
            assertEquals(wrong.json().get("detail"), unknownOrg.json().get("detail"));

            int status = 0;
            for (int i = 0; i < 20 && status != 429; i++) {
                status = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(), "pin", wrongPin))
                        .status();
            }
            assertEquals(429, status, "repeated wrong PINs are slowed down");
            ApiClient.Response right = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(),
                    "pin", org.managerPin()));
            assertEquals(429, right.status(), "even the right PIN waits once the budget is spent");
            assertTrue(right.header("Retry-After") != null);
        }
    }

    @Test
    void aBootstrapManagerChoosesTheirOwnPinBeforeAnythingElse() {
        TestServer server = TestServer.of("h2");
        DemoBootstrap.Result org = new DemoBootstrap(server.database(), Clock.systemUTC()).run("First Sign-in");
        ApiClient anonymous = new ApiClient(server.server().uri());
        ApiClient.Response first = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(),
                "pin", org.managerPin()));
        assertEquals(201, first.status(), first.body());
        assertTrue(first.json().get("pinChangeRequired").asBoolean());
        ApiClient oneTime = new ApiClient(server.server().uri()).with("Authorization",
                "Bearer " + first.json().get("token").asText());
        String staff = "/backoffice/v1/orgs/" + org.orgId() + "/staff";
        ApiClient.Response refused = oneTime.get(staff);
        assertEquals(403, refused.status());
        assertTrue(refused.json().get("detail").asText().contains("choose your own PIN first"), refused.body());
        assertEquals(400, oneTime.send("PUT", "/backoffice/v1/sessions/current/pin",
                "{\"pin\":\"" + org.managerPin() + "\"}").status(), "the printed PIN cannot be kept");

        assertEquals(204, oneTime.send("PUT", "/backoffice/v1/sessions/current/pin", "{\"pin\":\"468024\"}")
                .status());
        assertEquals(200, oneTime.get(staff).status(), "the same session works once the PIN is chosen");
        assertEquals(401, anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(),
                "pin", org.managerPin())).status(), "the printed PIN is gone");
        ApiClient.Response chosen = anonymous.post("/backoffice/v1/sessions", Map.of("orgId", org.orgId(),
                "pin", "468024"));
        assertEquals(201, chosen.status());
        assertFalse(chosen.json().get("pinChangeRequired").asBoolean());
    }

    @Test
    void theDemoPinsAreRefusedOutsideTheDemoRestaurant() {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient manager = session(t, t.ids().managerPin());
        ApiClient.Response refused = manager.post("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff",
                Map.of("name", "Maeve", "role", "MANAGER", "pin", "9999"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("pin"), fields(refused));
    }

    @Test
    void theDemoRestaurantsStaffSignInWithTheDemoPins() {
        TestServer server = TestServer.of("h2");
        TestServer.Tenant t = server.newTenant();
        new DemoBootstrap(server.database(), Clock.systemUTC()).addDemoStaff(t.ids().orgId());
        assertEquals("MANAGER", new ApiClient(t.api().base()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", "9999")).json().get("role").asText());
    }

    private static ApiClient session(TestServer.Tenant t, String pin) {
        ApiClient.Response r = new ApiClient(t.api().base()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        assertTrue(r.json().get("token").asText().startsWith("bst_"));
        return new ApiClient(t.api().base()).with("Authorization", "Bearer " + r.json().get("token").asText());
    }

    private static List<String> names(ApiClient.Response list) {
        assertEquals(200, list.status(), list.body());
        List<String> out = new ArrayList<>();
        list.json().get("data").forEach(m -> out.add(m.get("name").asText()));
        return out;
    }

    private static List<String> fields(ApiClient.Response problem) {
        List<String> out = new ArrayList<>();
        problem.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
