package io.brigade.server.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A timed snooze that runs out is ended by the sweep, which tells subscribers the item or channel is back. */
class SnoozeExpiryTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void expiredItemAndChannelSnoozesFireUnsnoozedEventsOnceAndOpenEndedOnesStay(String db) throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
        List<JsonNode> got = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            got.add(Json.mapper().readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        // Polling off: the test runs the sweep itself, at the times it chooses.
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Expiry Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            assertEquals(201, api.post("/webhooks/orgs/" + org.orgId() + "/subscriptions", Map.of(
                    "callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "secret", "expiry-secret-0123456789abcdef",
                    "eventTypes", List.of("menu.item.unsnoozed.v1", "sales_channel.unsnoozed.v1"))).status());
            String snoozes = "/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId()
                    + "/snoozes";
            String cola = org.menuItemIds().get(9); // any two items of the channel's menu
            String lager = org.menuItemIds().get(11);
            Instant colaExpiry = clock.instant().plus(Duration.ofMinutes(10));
            Instant channelExpiry = clock.instant().plus(Duration.ofMinutes(20));
            assertEquals(200, api.post(snoozes, Map.of("menuItemId", cola, "snoozed", true,
                    "expiry", colaExpiry.toString())).status());
            assertEquals(200, api.post(snoozes, Map.of("menuItemId", lager, "snoozed", true)).status());
            assertEquals(200, api.post(snoozes, Map.of("snoozed", true, "expiry", channelExpiry.toString())).status());

            SnoozeExpiry sweep = server.snoozeExpiry();
            assertEquals(0, sweep.sweep(), "nothing has run out yet");
            clock.advance(Duration.ofMinutes(10));
            assertEquals(1, sweep.sweep(), "the item's snooze ends exactly at its expiry");
            assertEquals(0, sweep.sweep(), "and only once");
            JsonNode state = api.get(snoozes).json().get("data");
            assertEquals(List.of(lager), ids(state));
            assertTrue(state.get("storeSnoozed").asBoolean());

            clock.advance(Duration.ofMinutes(15));
            assertEquals(1, sweep.sweep());
            state = api.get(snoozes).json().get("data");
            assertFalse(state.get("storeSnoozed").asBoolean());
            assertEquals(List.of(lager), ids(state), "a snooze without an expiry stays until unsnoozed");
            server.dispatcher().drain();

            assertEquals(List.of("menu.item.unsnoozed.v1", "sales_channel.unsnoozed.v1"),
                    got.stream().map(e -> e.get("detail-type").asText()).sorted().toList());
            JsonNode item = got.stream().filter(e -> e.get("detail-type").asText().equals("menu.item.unsnoozed.v1"))
                    .findFirst().orElseThrow().get("detail");
            assertEquals(cola, item.get("properties").get("menuItemId").asText());
            assertEquals(org.menuId(), item.get("properties").get("menuId").asText());
            assertEquals(Long.parseLong(org.menuRevisionId()), item.get("properties").get("menuRevisionId").asLong());
            assertEquals(org.salesChannelId(), item.get("properties").get("salesChannelId").asText());
            assertEquals("system", item.get("metadata").get("actor").get("id").asText());
        } finally {
            receiver.stop(0);
        }
    }

    private static List<String> ids(JsonNode state) {
        List<String> out = new java.util.ArrayList<>();
        state.get("items").forEach(i -> out.add(i.get("menuItemId").asText()));
        return out;
    }
}
