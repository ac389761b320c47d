package io.brigade.server.kitchen;

import static io.brigade.server.kitchen.KitchenFixture.MARGHERITA;
import static io.brigade.server.kitchen.KitchenFixture.WATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.SseClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.V1;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kitchen tickets as a server-sent event stream: snapshot, events, resume, retention, over real HTTP. */
class KitchenStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aResumedStreamGetsExactlyTheEventsItMissedInOrder(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        String first;
        String lastId;
        try (SseClient stream = k.stream(null)) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            SseClient.Event snapshot = stream.next(WAIT);
            assertEquals("snapshot", snapshot.event());
            JsonNode picture = KitchenFixture.json(snapshot.data());
            assertEquals(0, picture.get("tickets").size(), "a new org has no tickets");
            assertEquals(3, picture.get("stations").get("stations").size());
            first = k.sale(MARGHERITA);
            SseClient.Event created = stream.next(WAIT);
            assertEquals("ticket-created", created.event());
            assertTrue(Long.parseLong(created.id()) > Long.parseLong(snapshot.id()), "the cursor moves forward");
            lastId = created.id();
        }

        // While the display is away: two sales and a bump. A resumed stream gets exactly these, then what follows.
        String second = k.sale(WATER);
        String third = k.sale(MARGHERITA);
        assertEquals(200, k.bump(first, "pizza").status());
        try (SseClient resumed = k.stream(lastId)) {
            assertEquals(200, resumed.status);
            List<SseClient.Event> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(resumed.next(WAIT));
            }
            assertEquals(List.of("ticket-created", "ticket-created", "ticket-updated"),
                    got.stream().map(SseClient.Event::event).toList());
            assertEquals(List.of(second, third, first),
                    got.stream().map(e -> KitchenFixture.json(e.data()).get("ticketId").asText()).toList());
            long previous = Long.parseLong(lastId);
            for (SseClient.Event e : got) {
                assertEquals(previous + 1, Long.parseLong(e.id()), "consecutive ids: " + got);
                previous = Long.parseLong(e.id());
            }
            assertEquals(200, k.bump(second, "bar").status());
            SseClient.Event next = resumed.next(WAIT);
            assertEquals(second, KitchenFixture.json(next.data()).get("ticketId").asText(),
                    "the next event is the new one: nothing was sent twice");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSaleRefusedInsideItsTransactionLeavesNoTicketAndNoEvent(String db) {
        KitchenFixture k = new KitchenFixture(db);
        String water = k.item(WATER);
        assertEquals(200, k.t.api().send("PUT", "/backoffice/v1/orgs/" + k.t.ids().orgId() + "/stock/" + water,
                "{\"quantity\":1}").status());
        ApiClient v1 = V1.keyClient(k.t);

        // The kitchen step runs before the stock check that refuses this order: the rollback undoes both.
        ApiClient.Response refused = v1.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(k.t, water, 2));
        assertEquals(409, refused.status(), refused.body());
        JsonNode none = k.snapshot();
        assertEquals(0, none.get("tickets").size(), "no ticket for a sale that did not commit");
        assertEquals(0, none.get("cursor").asLong(), "and no event");

        assertEquals(201, v1.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(k.t, water, 1)).status());
        JsonNode one = k.snapshot();
        assertEquals(1, one.get("tickets").size());
        assertEquals(1, one.get("cursor").asLong(), "event numbers have no gap where the refused sale was");
    }

    @Test
    void badKitchenInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        KitchenFixture k = new KitchenFixture("h2");
        KitchenFixture other = new KitchenFixture("h2");
        String ticket = k.sale(MARGHERITA);
        String before = k.kitchen.get(k.base + "/tickets?propertyId=" + k.t.ids().propertyId()).body();

        ApiClient.Response noProperty = k.kitchen.get(k.base + "/tickets");
        assertEquals(400, noProperty.status());
        assertEquals("application/problem+json", noProperty.header("Content-Type"));
        assertEquals("propertyId", noProperty.json().get("errors").get(0).get("field").asText());
        assertEquals(404, k.kitchen.get(k.base + "/tickets?propertyId=" + other.t.ids().propertyId()).status());
        assertEquals(404, k.bump("NOSUCHTICKET0000", "pizza").status());
        assertEquals(404, k.bump(other.sale(MARGHERITA), "pizza").status(), "another org's ticket is not found");
        assertEquals(404, k.bump(ticket, "bar").status(), "the bar has nothing on this ticket");
        ApiClient.Response badLine = k.kitchen.post(k.base + "/tickets/" + ticket + "/lines/9", Map.of("done", true));
        assertEquals(400, badLine.status());
        assertEquals("lineId", badLine.json().get("errors").get(0).get("field").asText());
        ApiClient.Response noDone = k.kitchen.post(k.base + "/tickets/" + ticket + "/lines/1", Map.of("done", "yes"));
        assertEquals(400, noDone.status());
        assertEquals("done", noDone.json().get("errors").get(0).get("field").asText());
        assertEquals(409, k.kitchen.post(k.base + "/stations/pizza/recall?propertyId=" + k.t.ids().propertyId(),
                Map.of()).status(), "nothing was bumped");
        assertEquals(409, k.kitchen.post(k.base + "/served/recall?propertyId=" + k.t.ids().propertyId(),
                Map.of()).status(), "nothing was served");
        try (SseClient bad = new SseClient(k.streamUri(), k.token, "not-a-number")) {
            assertEquals(400, bad.status);
        }
        try (SseClient ahead = new SseClient(k.streamUri(), k.token, "999999")) {
            assertEquals(400, ahead.status, "a cursor this org never sent");
        }
        ApiClient cashier = new ApiClient(k.server.server().uri()).with("Authorization", "Bearer " + k.session("1111"));
        assertEquals(403, cashier.get(k.base + "/tickets?propertyId=" + k.t.ids().propertyId()).status(),
                "a cashier does not run the kitchen display");
        assertEquals(403, cashier.post(k.base + "/tickets/" + ticket + "/stations/pizza/bump", Map.of()).status());
        assertEquals(before, k.kitchen.get(k.base + "/tickets?propertyId=" + k.t.ids().propertyId()).body(),
                "nothing changed");
        assertEquals("SALE_CREATED", k.saleStatus(ticket));
        assertEquals(200, k.bump(ticket, "pizza").status());
        assertEquals(409, k.bump(ticket, "pizza").status(), "a second bump of the same part");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDisplayAwayLongerThanEventsAreKeptResumesFromASnapshot(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        List<String> sales = List.of(k.sale(WATER), k.sale(WATER), k.sale(WATER));
        // The first two sales' events (numbers 1 and 2) were written longer ago than events are kept.
        Instant longAgo = Instant.now().minus(KitchenEventRetention.KEEP).minusSeconds(60);
        k.server.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE kitchen_events SET created_at = ? WHERE org_id = ? AND seq <= 2")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(longAgo, java.time.ZoneOffset.UTC));
                ps.setString(2, k.t.ids().orgId());
                assertEquals(2, ps.executeUpdate());
            }
            return null;
        });

        // One event number per transaction, so the purge takes two.
        int deleted = new KitchenEventRetention(k.server.database(), new KitchenRepository(), Clock.systemUTC(), 1)
                .purge();

        assertTrue(deleted >= 2, "deleted " + deleted);
        assertEquals(1, TestDatabases.queryLong(k.server.database(),
                "SELECT COUNT(*) FROM kitchen_events WHERE org_id = ?", k.t.ids().orgId()), "the recent event stays");
        try (SseClient resumed = k.stream("1")) {
            assertEquals(200, resumed.status);
            SseClient.Event first = resumed.next(WAIT);
            assertEquals("snapshot", first.event(), "event 2 is gone, so the display starts again");
            assertEquals("3", first.id());
            java.util.Set<String> open = new java.util.HashSet<>();
            KitchenFixture.json(first.data()).get("tickets").forEach(t -> open.add(t.get("ticketId").asText()));
            assertEquals(java.util.Set.copyOf(sales), open);
        }
        try (SseClient resumed = k.stream("2")) {
            SseClient.Event next = resumed.next(WAIT);
            assertEquals("ticket-created", next.event(), "event 3 is still kept, so the stream resumes");
            assertEquals(sales.get(2), KitchenFixture.json(next.data()).get("ticketId").asText());
        }
    }
}
