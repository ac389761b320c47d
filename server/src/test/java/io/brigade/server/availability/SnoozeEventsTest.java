package io.brigade.server.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.webhooks.WebhookSignature;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Snoozing from the back office fires the four snooze events, signed, with the documented fields. */
class SnoozeEventsTest {
    private static final String SECRET = "snooze-secret-0123456789abcdef";

    @Test
    void itemAndChannelSnoozesFireTheirEvents() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Database database = Database.open(TestDatabases.freshUrl("h2"), null, null);
        List<JsonNode> got = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = WebhookSignature.verify(ex.getRequestHeaders().getFirst("X-Flipdish-Signature"), body,
                    List.of(SECRET), clock, Duration.ofMinutes(5));
            if (ok) {
                got.add(Json.mapper().readTree(body));
            }
            ex.sendResponseHeaders(ok ? 200 : 401, -1);
            ex.close();
        });
        receiver.start();
        try (BrigadeServer server = BrigadeServer.create(0, database, clock,
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Snooze Bistro");
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            assertEquals(201, api.post("/webhooks/orgs/" + org.orgId() + "/subscriptions", Map.of(
                    "callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", SECRET,
                    "eventTypes", List.of("menu.item.snoozed.v1", "menu.item.unsnoozed.v1",
                            "sales_channel.snoozed.v1", "sales_channel.unsnoozed.v1"))).status());
            String snoozes = "/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/" + org.salesChannelId()
                    + "/snoozes";
            String cola = org.menuItemIds().get(8);
            Instant expiry = clock.instant().plus(Duration.ofHours(1));
            assertEquals(200, api.post(snoozes, Map.of("menuItemId", cola, "snoozed", true,
                    "expiry", expiry.toString())).status());
            assertEquals(200, api.post(snoozes, Map.of("menuItemId", cola, "snoozed", false)).status());
            assertEquals(200, api.post(snoozes, Map.of("menuItemId", cola, "snoozed", false)).status(),
                    "unsnoozing again changes nothing and fires nothing");
            assertEquals(200, api.post(snoozes, Map.of("snoozed", true)).status());
            assertEquals(200, api.post(snoozes, Map.of("snoozed", false)).status());
            server.dispatcher().drain();

            assertEquals(List.of("menu.item.snoozed.v1", "menu.item.unsnoozed.v1", "sales_channel.snoozed.v1",
                    "sales_channel.unsnoozed.v1"), got.stream().map(e -> e.get("detail-type").asText()).sorted().toList());
            JsonNode item = got.stream().filter(e -> e.get("detail-type").asText().equals("menu.item.snoozed.v1"))
                    .findFirst().orElseThrow().get("detail").get("properties");
            assertEquals(org.menuId(), item.get("menuId").asText());
            assertEquals(Long.parseLong(org.menuRevisionId()), item.get("menuRevisionId").asLong());
            assertEquals(cola, item.get("menuItemId").asText());
            assertEquals(expiry, Instant.parse(item.get("expiry").asText()));
            assertEquals(org.salesChannelId(), item.get("salesChannelId").asText());
            JsonNode channel = got.stream().filter(e -> e.get("detail-type").asText().equals("sales_channel.snoozed.v1"))
                    .findFirst().orElseThrow().get("detail").get("properties");
            assertTrue(channel.has("expiry"));
            assertEquals(org.propertyId(), channel.get("propertyId").asText());
        } finally {
            receiver.stop(0);
        }
    }
}
