package io.brigade.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import io.brigade.server.webhooks.Subscription;
import io.brigade.server.webhooks.SubscriptionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stock running out snoozes the item (tills and marketplaces hear of it); a restock lifts that snooze. */
class StockOutSnoozeTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sellingTheLastOneSnoozesTheItemWithAnEventAndRestockUnsnoozesIt(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        // A disabled subscription: events are stored for it and wait, nothing is posted anywhere.
        Instant now = Instant.now();
        server.database().inTransaction(c -> {
            new SubscriptionRepository().insert(c, new Subscription("sub_" + UUID.randomUUID(), org,
                    "https://8.8.8.8/hook", "v1:none", List.of("menu.item.snoozed.v1", "menu.item.unsnoozed.v1"),
                    List.of(), "v3", false, null, null, 0, now, now));
            return null;
        });
        ApiClient api = V1.keyClient(t);
        String water = t.ids().menuItemIds().get(8);
        String stock = "/backoffice/v1/orgs/" + org + "/stock/" + water;
        String snoozes = "/backoffice/v1/orgs/" + org + "/salesChannels/" + t.ids().salesChannelId() + "/snoozes";
        assertEquals(200, t.api().send("PUT", stock, "{\"quantity\":1}").status());
        assertEquals(List.of(), snoozedItems(t.api().get(snoozes).json()));

        assertEquals(201, api.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 1)).status());
        assertEquals(List.of(water), snoozedItems(t.api().get(snoozes).json()), "sold out: snoozed on the channel");
        List<JsonNode> events = events(server, org);
        assertEquals(1, events.size(), events.toString());
        JsonNode snoozed = events.get(0);
        assertEquals("menu.item.snoozed.v1", snoozed.get("detail-type").asText());
        JsonNode props = snoozed.get("detail").get("properties");
        assertEquals(water, props.get("menuItemId").asText());
        assertEquals(t.ids().salesChannelId(), props.get("salesChannelId").asText());
        assertEquals(t.ids().menuId(), props.get("menuId").asText());

        assertEquals(200, t.api().send("PUT", stock, "{\"quantity\":5}").status());
        assertEquals(List.of(), snoozedItems(t.api().get(snoozes).json()), "restocked: the stock snooze is lifted");
        events = events(server, org);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.get("detail-type").asText().equals("menu.item.unsnoozed.v1")));
    }

    private static List<String> snoozedItems(JsonNode state) {
        List<String> out = new ArrayList<>();
        state.findValues("menuItemId").forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<JsonNode> events(TestServer server, String orgId) {
        return server.database().read(c -> {
            List<JsonNode> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT payload FROM webhook_events WHERE org_id = ? ORDER BY created_at")) {
                ps.setString(1, orgId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.mapper().readTree(rs.getString(1)));
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }
}
