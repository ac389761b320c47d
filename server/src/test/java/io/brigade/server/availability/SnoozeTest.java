package io.brigade.server.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Operations updates: snoozing items and channels stops their sale, fires events, and shows on the till's read. */
class SnoozeTest {

    private static Map<String, Object> itemStatus(DemoBootstrap.Result org, String item, String status, Instant expiry) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("menuId", org.menuId());
        b.put("menuRevisionId", org.menuRevisionId());
        b.put("menuItemId", item);
        b.put("requestedStatus", status);
        b.put("success", true);
        if (expiry != null) {
            b.put("expiry", expiry.toString());
        }
        return b;
    }

    private static ApiClient.Response sell(ApiClient api, DemoBootstrap.Result org, Instant at) {
        return api.post("/salesManagement/orgs/" + org.orgId() + "/sales", Sales.simple(org, at.toString(), "3.00"),
                "x-idempotency-key", UUID.randomUUID().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRetryOfASaleStoredBeforeTheSnoozeStillGetsItsOriginalAnswer(String db) throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Retry Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            String cola = org.menuItemIds().get(8);
            String ops = "/operations-updates/orgs/" + org.orgId() + "/properties/" + org.propertyId()
                    + "/salesChannels/" + org.salesChannelId();
            Map<String, Object> sale = Sales.simple(org, clock.instant().toString(), "3.00");
            String key = UUID.randomUUID().toString();
            ApiClient.Response first = api.post("/salesManagement/orgs/" + org.orgId() + "/sales", sale,
                    "x-idempotency-key", key);
            assertEquals(201, first.status(), first.body());
            assertEquals(200, api.post(ops + "/item-snooze-status", itemStatus(org, cola, "Snooze",
                    clock.instant().plus(Duration.ofHours(2)))).status());
            assertEquals(422, sell(api, org, clock.instant()).status(), "a new sale of the item is refused");

            // The retry passes validation (the snooze is checked in the write), so the write must find the
            // used key before the snooze check can refuse it.
            ApiClient.Response retry = api.post("/salesManagement/orgs/" + org.orgId() + "/sales", sale,
                    "x-idempotency-key", key);
            assertEquals(201, retry.status(), retry.body());
            assertEquals(first.body(), retry.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void snoozedItemCannotBeSoldUntilUnsnoozedOrExpired(String db) throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Snooze Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            String cola = org.menuItemIds().get(8);
            String ops = "/operations-updates/orgs/" + org.orgId() + "/properties/" + org.propertyId()
                    + "/salesChannels/" + org.salesChannelId();
            Instant beforeSnooze = clock.instant().minus(Duration.ofMinutes(20));

            ApiClient.Response snoozed = api.post(ops + "/item-snooze-status", itemStatus(org, cola, "Snooze",
                    clock.instant().plus(Duration.ofHours(2))));
            assertEquals(200, snoozed.status(), snoozed.body());
            JsonNode items = snoozed.json().get("data").get("items");
            assertEquals(cola, items.get(0).get("menuItemId").asText());

            ApiClient.Response refused = sell(api, org, clock.instant());
            assertEquals(422, refused.status());
            assertEquals("items[0].menuItemId", refused.json().get("errors").get(0).get("field").asText());
            assertTrue(refused.json().get("errors").get(0).get("detail").asText().contains(cola));
            // Rung on an offline till before the snooze started: the food was already sold, so it is accepted.
            assertEquals(201, sell(api, org, beforeSnooze).status());

            // The till's read shows what to grey out.
            JsonNode state = api.get("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId()
                    + "/snoozes").json().get("data");
            assertEquals(1, state.get("items").size());
            assertFalse(state.get("storeSnoozed").asBoolean());

            clock.advance(Duration.ofHours(2).plusSeconds(1));
            api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            assertEquals(201, sell(api, org, clock.instant()).status(), "the snooze expired");

            assertEquals(200, api.post(ops + "/item-snooze-status", itemStatus(org, cola, "Snooze", null)).status());
            assertEquals(422, sell(api, org, clock.instant()).status());
            assertEquals(200, api.post(ops + "/item-snooze-status", itemStatus(org, cola, "UnSnooze", null)).status());
            assertEquals(201, sell(api, org, clock.instant()).status());

            // The whole channel.
            assertEquals(200, api.post(ops + "/store-snooze-status", Map.of("requestedStatus", "Snooze",
                    "success", true)).status());
            ApiClient.Response closed = sell(api, org, clock.instant());
            assertEquals(422, closed.status());
            assertEquals("salesChannelId", closed.json().get("errors").get(0).get("field").asText());
            assertTrue(api.get("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId()
                    + "/snoozes").json().get("data").get("storeSnoozed").asBoolean());
            assertEquals(200, api.post(ops + "/store-snooze-status", Map.of("requestedStatus", "UnSnooze",
                    "success", true)).status());
            assertEquals(201, sell(api, org, clock.instant()).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void badSnoozeRequestsAreRefusedAndChangeNothing(String db) throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Snooze Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            String ops = "/operations-updates/orgs/" + org.orgId() + "/properties/" + org.propertyId()
                    + "/salesChannels/" + org.salesChannelId();
            String cola = org.menuItemIds().get(8);
            ApiClient.Response r = api.post(ops + "/item-snooze-status", Map.of("requestedStatus", "Sleep"));
            assertEquals(400, r.status());
            assertEquals(List.of("menuId", "menuRevisionId", "menuItemId", "success", "requestedStatus"),
                    fields(r.json()));
            assertEquals(422, api.post(ops + "/item-snooze-status",
                    itemStatus(org, UUID.randomUUID().toString(), "Snooze", null)).status(), "unknown item");
            assertEquals(422, api.post(ops + "/item-snooze-status",
                    itemStatus(org, cola, "Snooze", clock.instant().minusSeconds(5))).status(), "expiry in the past");
            assertEquals(404, api.post("/operations-updates/orgs/" + org.orgId() + "/properties/p-other/salesChannels/"
                    + org.salesChannelId() + "/store-snooze-status", Map.of("requestedStatus", "Snooze",
                    "success", true)).status(), "channel not on that property");
            assertEquals(400, api.post("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId()
                    + "/snoozes", Map.of("menuItemId", cola)).status(), "snoozed is required");
            // success:false reports a failure on the marketplace's side: nothing changes here.
            assertEquals(200, api.post(ops + "/store-snooze-status", Map.of("requestedStatus", "Snooze",
                    "success", false)).status());
            assertEquals(201, sell(api, org, clock.instant()).status());
            ApiClient withKey = new ApiClient(server.uri()).with("FD-Authorization", org.apiKey());
            assertEquals(403, withKey.get("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/"
                    + org.salesChannelId() + "/snoozes").status());
        }
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
