package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.net.URI;
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

/** Kitchen tickets as a server-sent event stream, and the kitchen's actions, over real HTTP. */
class KitchenStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void saleAppearsOnTheStreamBumpMovesTheSaleAndAResumedStreamMissesNothingAndRepeatsNothing(String db)
            throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String token = kitchenToken(server, t);
        ApiClient kitchen = new ApiClient(server.server().uri()).with("Authorization", "Bearer " + token);
        String base = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen";
        URI streamUri = URI.create(server.server().uri() + base + "/stream?propertyId=" + t.ids().propertyId());

        String first;
        String lastId;
        try (SseClient stream = new SseClient(streamUri, token, null)) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            SseClient.Event snapshot = stream.next(WAIT);
            assertEquals("snapshot", snapshot.event());
            assertEquals(0, json(snapshot.data()).get("tickets").size(), "a new org has no tickets");

            first = sale(t, "12", "no ice");
            SseClient.Event created = stream.next(WAIT);
            assertEquals("ticket-created", created.event());
            assertTrue(Long.parseLong(created.id()) > Long.parseLong(snapshot.id()), "the cursor moves forward");
            JsonNode ticket = json(created.data());
            assertEquals(first, ticket.get("saleId").asText());
            assertEquals("DineIn", ticket.get("dispatchType").asText());
            assertEquals("12", ticket.get("table").asText());
            assertEquals("SALE_CREATED", ticket.get("status").asText());
            JsonNode item = ticket.get("items").get(0);
            assertEquals(1, item.get("lineNo").asInt());
            assertEquals("Drinks", item.get("category").asText());
            assertEquals("no ice", item.get("notes").asText());
            assertFalse(ticket.get("displayId").asText().isEmpty());

            ApiClient.Response bumped = kitchen.post(base + "/tickets/" + first + "/bump", Map.of());
            assertEquals(200, bumped.status(), bumped.body());
            SseClient.Event status = stream.next(WAIT);
            assertEquals("ticket-status", status.event());
            assertEquals("SALE_PREPARED_BY_KITCHEN", json(status.data()).get("status").asText());
            assertEquals("SALE_PREPARED_BY_KITCHEN", saleStatus(t, first), "the sale itself moved (read over v3)");
            lastId = status.id();
        }

        // While the display is away: two sales and an item mark. A resumed stream gets exactly these.
        String second = sale(t, null, null);
        String third = sale(t, "4", null);
        assertEquals(200, kitchen.post(base + "/tickets/" + second + "/items/1", Map.of("done", true)).status());
        try (SseClient resumed = new SseClient(streamUri, token, lastId)) {
            assertEquals(200, resumed.status);
            List<SseClient.Event> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(resumed.next(WAIT));
            }
            assertEquals(List.of("ticket-created", "ticket-created", "item-done"),
                    got.stream().map(SseClient.Event::event).toList());
            assertEquals(List.of(second, third, second),
                    got.stream().map(e -> json(e.data()).get("saleId").asText()).toList());
            long previous = Long.parseLong(lastId);
            for (SseClient.Event e : got) {
                long id = Long.parseLong(e.id());
                assertTrue(id > previous, "ids strictly increase: " + got);
                previous = id;
            }
            assertNull(resumed.poll(Duration.ofMillis(700)), "nothing more, nothing twice");

            ApiClient.Response recalled = kitchen.post(base + "/recall?propertyId=" + t.ids().propertyId(), Map.of());
            assertEquals(200, recalled.status(), recalled.body());
            assertEquals(first, recalled.json().get("saleId").asText(), "the last bumped ticket comes back");
            SseClient.Event back = resumed.next(WAIT);
            assertEquals("SALE_IN_PREPARATION", json(back.data()).get("status").asText());
            assertEquals("SALE_IN_PREPARATION", saleStatus(t, first));
        }

        JsonNode snapshot = kitchen.get(base + "/tickets?propertyId=" + t.ids().propertyId()).json();
        List<String> open = new ArrayList<>();
        snapshot.get("tickets").forEach(x -> open.add(x.get("saleId").asText()));
        assertEquals(List.of(first, second, third), open);
        assertTrue(snapshot.get("tickets").get(1).get("items").get(0).get("done").asBoolean());
        assertEquals(0, snapshot.get("today").get("bumped").asInt(), "a recalled ticket is not done");
        assertEquals(200, kitchen.post(base + "/tickets/" + first + "/bump", Map.of()).status());
        JsonNode after = kitchen.get(base + "/tickets?propertyId=" + t.ids().propertyId()).json();
        assertEquals(1, after.get("today").get("bumped").asInt());
        assertTrue(after.get("today").get("averageSeconds").asLong() >= 0);
        assertEquals("SALE_PREPARED_BY_KITCHEN", after.get("tickets").get(0).get("status").asText(),
                "a bumped ticket stays in the ready column of the snapshot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSaleRefusedInsideItsTransactionLeavesNoTicketAndNoEvent(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        ApiClient kitchen = new ApiClient(server.server().uri()).with("Authorization",
                "Bearer " + kitchenToken(server, t));
        String tickets = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen/tickets?propertyId=" + t.ids().propertyId();
        String water = t.ids().menuItemIds().get(8);
        assertEquals(200, t.api().send("PUT", "/backoffice/v1/orgs/" + t.ids().orgId() + "/stock/" + water,
                "{\"quantity\":1}").status());
        ApiClient v1 = V1.keyClient(t);

        // The kitchen observer runs before the stock check that refuses this order: the savepoint undoes both.
        ApiClient.Response refused = v1.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 2));
        assertEquals(409, refused.status(), refused.body());
        JsonNode none = kitchen.get(tickets).json();
        assertEquals(0, none.get("tickets").size(), "no ticket for a sale that did not commit");
        assertEquals(0, none.get("cursor").asLong(), "and no event");

        assertEquals(201, v1.with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, water, 1)).status());
        JsonNode one = kitchen.get(tickets).json();
        assertEquals(1, one.get("tickets").size());
        assertEquals(1, one.get("cursor").asLong(), "event numbers have no gap where the refused sale was");
    }

    @Test
    void badKitchenInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
        TestServer server = TestServer.of("h2");
        TestServer.Tenant t = server.newTenant();
        TestServer.Tenant other = server.newTenant();
        String token = kitchenToken(server, t);
        ApiClient kitchen = new ApiClient(server.server().uri()).with("Authorization", "Bearer " + token);
        String base = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen";
        String saleId = sale(t, "3", null);
        String before = kitchen.get(base + "/tickets?propertyId=" + t.ids().propertyId()).body();

        ApiClient.Response noProperty = kitchen.get(base + "/tickets");
        assertEquals(400, noProperty.status());
        assertEquals("application/problem+json", noProperty.header("Content-Type"));
        assertEquals("propertyId", noProperty.json().get("errors").get(0).get("field").asText());
        assertEquals(404, kitchen.get(base + "/tickets?propertyId=" + other.ids().propertyId()).status());
        assertEquals(404, kitchen.post(base + "/tickets/NOSUCHSALE000/bump", Map.of()).status());
        String otherSale = sale(other, null, null);
        assertEquals(404, kitchen.post(base + "/tickets/" + otherSale + "/bump", Map.of()).status(),
                "another org's ticket is not found");
        ApiClient.Response badLine = kitchen.post(base + "/tickets/" + saleId + "/items/9", Map.of("done", true));
        assertEquals(400, badLine.status());
        assertEquals("lineNo", badLine.json().get("errors").get(0).get("field").asText());
        ApiClient.Response noDone = kitchen.post(base + "/tickets/" + saleId + "/items/1", Map.of("done", "yes"));
        assertEquals(400, noDone.status());
        assertEquals("done", noDone.json().get("errors").get(0).get("field").asText());
        assertEquals(409, kitchen.post(base + "/recall?propertyId=" + t.ids().propertyId(), Map.of()).status(),
                "nothing was bumped");
        try (SseClient bad = new SseClient(URI.create(server.server().uri() + base + "/stream?propertyId="
                + t.ids().propertyId()), token, "not-a-number")) {
            assertEquals(400, bad.status);
        }
        try (SseClient ahead = new SseClient(URI.create(server.server().uri() + base + "/stream?propertyId="
                + t.ids().propertyId()), token, "999999")) {
            assertEquals(400, ahead.status, "a cursor this org never sent");
        }
        String cashier = session(server, t, "1111");
        ApiClient.Response refused = new ApiClient(server.server().uri()).with("Authorization", "Bearer " + cashier)
                .get(base + "/tickets?propertyId=" + t.ids().propertyId());
        assertEquals(403, refused.status(), "a cashier does not run the kitchen display");
        assertEquals(before, kitchen.get(base + "/tickets?propertyId=" + t.ids().propertyId()).body(),
                "nothing changed");
        assertEquals("SALE_CREATED", saleStatus(t, saleId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDisplayAwayLongerThanEventsAreKeptResumesFromASnapshot(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String token = kitchenToken(server, t);
        URI streamUri = URI.create(server.server().uri() + "/backoffice/v1/orgs/" + t.ids().orgId()
                + "/kitchen/stream?propertyId=" + t.ids().propertyId());
        List<String> sales = List.of(sale(t, null, null), sale(t, "7", null), sale(t, "8", null));
        // The first two sales' events (numbers 1 and 2) were written longer ago than events are kept.
        Instant longAgo = Instant.now().minus(KitchenEventRetention.KEEP).minusSeconds(60);
        server.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE kitchen_events SET created_at = ? WHERE org_id = ? AND seq <= 2")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(longAgo, java.time.ZoneOffset.UTC));
                ps.setString(2, t.ids().orgId());
                assertEquals(2, ps.executeUpdate());
            }
            return null;
        });

        // One event number per transaction, so the purge takes two.
        int deleted = new KitchenEventRetention(server.database(), new KitchenRepository(), Clock.systemUTC(), 1)
                .purge();

        assertTrue(deleted >= 2, "deleted " + deleted);
        assertEquals(1, TestDatabases.queryLong(server.database(),
                "SELECT COUNT(*) FROM kitchen_events WHERE org_id = ?", t.ids().orgId()), "the recent event stays");
        try (SseClient resumed = new SseClient(streamUri, token, "1")) {
            assertEquals(200, resumed.status);
            SseClient.Event first = resumed.next(WAIT);
            assertEquals("snapshot", first.event(), "event 2 is gone, so the display starts again");
            assertEquals("3", first.id());
            java.util.Set<String> open = new java.util.HashSet<>();
            json(first.data()).get("tickets").forEach(ticket -> open.add(ticket.get("saleId").asText()));
            assertEquals(java.util.Set.copyOf(sales), open);
        }
        try (SseClient resumed = new SseClient(streamUri, token, "2")) {
            SseClient.Event next = resumed.next(WAIT);
            assertEquals("ticket-created", next.event(), "event 3 is still kept, so the stream resumes");
            assertEquals(sales.get(2), json(next.data()).get("saleId").asText());
        }
    }

    private static String kitchenToken(TestServer server, TestServer.Tenant t) {
        new DemoBootstrap(server.database(), Clock.systemUTC()).addDemoStaff(t.ids().orgId());
        return session(server, t, "2222");
    }

    private static String session(TestServer server, TestServer.Tenant t, String pin) {
        ApiClient.Response r = new ApiClient(server.server().uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        return r.json().get("token").asText();
    }

    /** A sale pushed over v3 as a till does; {@code table} makes it DineIn. */
    static String sale(TestServer.Tenant t, String table, String notes) {
        Map<String, Object> sale = Sales.simple(t.ids(), Instant.now().toString(), "3.00");
        if (table != null) {
            sale.put("dispatchType", "DineIn");
            sale.put("dineIn", Map.of("tableId", table, "guests", 2));
        }
        if (notes != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) ((List<?>) sale.get("items")).get(0);
            item.put("notes", notes);
        }
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    private static String saleStatus(TestServer.Tenant t, String saleId) {
        ApiClient.Response r = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales/" + saleId);
        assertEquals(200, r.status(), r.body());
        return r.json().get("data").get("status").asText();
    }

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
