package io.brigade.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A staff member's own language: chosen in their session, kept with them, handed to tills with their PIN digest.
 * The tests share one org on H2 (a new org costs seconds); each test signs in a member of its own.
 */
class StaffLanguageTest {
    private static final String LANGUAGE = "/backoffice/v1/sessions/current/language";
    private static final AtomicInteger MEMBERS = new AtomicInteger();
    private static TestServer.Tenant shared;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMembersChosenLanguageReachesTheTillsWithTheirCredentials(String db) {
        TestServer.Tenant t = db.equals("h2") ? shared() : TestServer.of(db).newTenant();
        Member ana = member(t);

        assertEquals(204, ana.session().send("PUT", LANGUAGE, "{\"language\":\"de\"}").status());

        assertEquals("de", languageOf(t, ana.name()));
    }

    @Test
    void nullGoesBackToEachDevicesOwnLanguage() {
        Member ana = member(shared());
        assertEquals(204, ana.session().send("PUT", LANGUAGE, "{\"language\":\"es\"}").status());

        assertEquals(204, ana.session().send("PUT", LANGUAGE, "{\"language\":null}").status());

        assertNull(languageOf(shared(), ana.name()), "no language of their own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"language\":\"fr\"}", "{\"language\":\"DE\"}", "{\"language\":\"\"}",
        "{\"language\":\"deutsch\"}", "{\"language\":42}", "{\"language\":[\"de\"]}", "{\"language\":", "[]"})
    void aLanguageTheDesktopDoesNotSpeakIsRefusedAndChangesNothing(String body) {
        Member ana = member(shared());
        assertEquals(204, ana.session().send("PUT", LANGUAGE, "{\"language\":\"es\"}").status());

        ApiClient.Response refused = ana.session().send("PUT", LANGUAGE, body);

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.body());
        assertEquals("es", languageOf(shared(), ana.name()));
    }

    @Test
    void theRefusalNamesTheFieldAndTheLanguagesSpoken() {
        ApiClient.Response refused = member(shared()).session().send("PUT", LANGUAGE, "{\"language\":\"fr\"}");

        JsonNode error = refused.json().get("errors").get(0);
        assertEquals("language", error.get("field").asText());
        assertTrue(error.toString().contains("en, de, es"), refused.body());
    }

    @Test
    void theOrgsOwnClientCannotChooseALanguageForAMember() {
        ApiClient.Response refused = shared().api().send("PUT", LANGUAGE, "{\"language\":\"de\"}");

        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    void withoutASessionTheLanguageCannotBeChosen() {
        ApiClient.Response refused = new ApiClient(shared().api().base()).send("PUT", LANGUAGE,
                "{\"language\":\"de\"}");

        assertEquals(401, refused.status(), refused.body());
    }

    private static synchronized TestServer.Tenant shared() {
        if (shared == null) {
            shared = TestServer.of("h2").newTenant();
        }
        return shared;
    }

    private record Member(String name, ApiClient session) {
    }

    /** A new cashier of {@code t}, signed in. */
    private static Member member(TestServer.Tenant t) {
        int n = MEMBERS.incrementAndGet();
        String name = "Ana " + n;
        String pin = String.valueOf(515000 + n);
        ApiClient manager = session(t, t.ids().managerPin());
        ApiClient.Response added = manager.post("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff",
                Map.of("name", name, "role", "CASHIER", "pin", pin));
        assertEquals(201, added.status(), added.body());
        return new Member(name, session(t, pin));
    }

    private static ApiClient session(TestServer.Tenant t, String pin) {
        ApiClient.Response r = new ApiClient(t.api().base()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        return new ApiClient(t.api().base()).with("Authorization", "Bearer " + r.json().get("token").asText());
    }

    private static String languageOf(TestServer.Tenant t, String name) {
        ApiClient.Response r = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff/credentials");
        assertEquals(200, r.status(), r.body());
        for (JsonNode m : r.json().get("data")) {
            if (m.get("name").asText().equals(name)) {
                JsonNode language = m.get("language");
                return language == null || language.isNull() ? null : language.asText();
            }
        }
        throw new AssertionError(name + " is not among the credentials: " + r.body());
    }
}
