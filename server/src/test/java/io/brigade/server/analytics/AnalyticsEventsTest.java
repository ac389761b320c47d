package io.brigade.server.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Client analytics batches: stored once per event id, all or nothing, refused with field paths. */
class AnalyticsEventsTest {
    private static final String TIME = "2026-05-06T12:00:00Z";
    private static TestServer.Tenant h2Tenant;

    @BeforeAll
    static void tenant() {
        h2Tenant = TestServer.of("h2").newTenant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void batchIsAcceptedAndStored(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        List<Map<String, Object>> events = threeEvents(t);
        ApiClient.Response r = post(t, t.ids().orgId(), Map.of("events", events));
        assertEquals(202, r.status(), r.body());
        assertEquals(3, r.json().get("accepted").asInt());
        assertEquals(0, r.json().get("duplicates").asInt());
        assertEquals(3, count(server, t));
        String cartId = (String) events.get(1).get("eventId");
        server.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT type, occurred_at, menu_item_id, quantity, amount, "
                    + "sale_key, received_at FROM analytics_events WHERE org_id = ? AND event_id = ?")) {
                ps.setString(1, t.ids().orgId());
                ps.setString(2, cartId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("MEAL_ADDED_TO_CART", rs.getString("type"));
                    assertEquals(Instant.parse(TIME), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
                    assertEquals(t.ids().menuItemIds().get(0), rs.getString("menu_item_id"));
                    assertEquals(2, rs.getInt("quantity"));
                    assertEquals(0, new BigDecimal("7.50").compareTo(rs.getBigDecimal("amount")));
                    assertNull(rs.getString("sale_key"));
                    Instant received = rs.getObject("received_at", OffsetDateTime.class).toInstant();
                    assertTrue(Duration.between(received, Instant.now()).abs().toMinutes() < 5, received.toString());
                }
            }
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sameBatchAgainIsAllDuplicates(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        Map<String, Object> batch = Map.of("events", threeEvents(t));
        assertEquals(202, post(t, t.ids().orgId(), batch).status());
        ApiClient.Response again = post(t, t.ids().orgId(), batch);
        assertEquals(202, again.status(), again.body());
        assertEquals(0, again.json().get("accepted").asInt());
        assertEquals(3, again.json().get("duplicates").asInt());
        assertEquals(3, count(server, t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void repeatedIdWithinOneBatchIsStoredOnce(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        Map<String, Object> viewed = event("meal_viewed", t.ids().menuItemIds().get(0));
        ApiClient.Response r = post(t, t.ids().orgId(), Map.of("events", List.of(viewed, viewed)));
        assertEquals(202, r.status(), r.body());
        assertEquals(1, r.json().get("accepted").asInt());
        assertEquals(1, r.json().get("duplicates").asInt());
        assertEquals(1, count(server, t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrentIdenticalBatchesStoreEachEventOnce(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(event("meal_viewed", t.ids().menuItemIds().get(i % 12)));
        }
        Map<String, Object> batch = Map.of("events", events);
        // Eight clients racing with the same ids: the losers' inserts hit the primary key and are retried.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ApiClient.Response>> senders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                senders.add(() -> post(t, t.ids().orgId(), batch));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<ApiClient.Response> f : pool.invokeAll(senders)) {
                ApiClient.Response r = f.get();
                assertEquals(202, r.status(), r.body());
                accepted += r.json().get("accepted").asInt();
                duplicates += r.json().get("duplicates").asInt();
            }
            assertEquals(50, accepted);
            assertEquals(7 * 50, duplicates);
            assertEquals(50, count(server, t));
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void unknownTypeIsRefusedWithItsPathAndStoresNothingOfTheBatch(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        List<Map<String, Object>> events = threeEvents(t);
        events.get(2).put("type", "meal_sniffed");
        ApiClient.Response r = post(t, t.ids().orgId(), Map.of("events", events));
        assertProblem(r, "events[2].type");
        assertTrue(r.body().contains("meal_viewed"), "lists the wire names: " + r.body());
        assertEquals(0, count(server, t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void emptyBatchIsRefused(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        assertProblem(post(t, t.ids().orgId(), Map.of("events", List.of())), "events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void missingCredentialsAre401(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        ApiClient anonymous = new ApiClient(server.server().uri());
        ApiClient.Response r = anonymous.post(path(t.ids().orgId()), Map.of("events", threeEvents(t)));
        assertEquals(401, r.status(), r.body());
        assertEquals(0, count(server, t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anotherOrgsIdIs404(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant a = server.newTenant();
        TestServer.Tenant b = server.newTenant();
        ApiClient.Response r = post(b, a.ids().orgId(), Map.of("events", threeEvents(a)));
        assertEquals(404, r.status(), r.body());
        assertEquals(0, count(server, a));
        assertEquals(0, count(server, b));
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                bad("not JSON", null, batch -> "{\"events\": ["),
                bad("an array, not an object", "$", batch -> "[]"),
                bad("no events field", "events", batch -> "{}"),
                bad("501 events", "events", batch -> json(Map.of("events",
                        Collections.nCopies(501, batch.get(0))))),
                bad("null event", "events[1]", batch -> json(Map.of("events", Arrays.asList(
                        batch.get(0), null)))),
                bad("missing eventId", "events[0].eventId", batch -> json(edit(batch, 0, e -> e.remove("eventId")))),
                bad("eventId of 65 characters", "events[0].eventId",
                        batch -> json(edit(batch, 0, e -> e.put("eventId", "x".repeat(65))))),
                bad("missing type", "events[1].type", batch -> json(edit(batch, 1, e -> e.remove("type")))),
                bad("missing occurredAt", "events[0].occurredAt",
                        batch -> json(edit(batch, 0, e -> e.remove("occurredAt")))),
                bad("occurredAt not a time", "events[0].occurredAt",
                        batch -> json(edit(batch, 0, e -> e.put("occurredAt", "yesterday")))),
                bad("meal_viewed without menuItemId", "events[0].menuItemId",
                        batch -> json(edit(batch, 0, e -> e.remove("menuItemId")))),
                bad("order_placed without saleKey", "events[2].saleKey",
                        batch -> json(edit(batch, 2, e -> e.remove("saleKey")))),
                bad("quantity 0", "events[1].quantity", batch -> json(edit(batch, 1, e -> e.put("quantity", 0)))),
                bad("quantity 1000", "events[1].quantity",
                        batch -> json(edit(batch, 1, e -> e.put("quantity", 1000)))),
                bad("quantity a string", "events[1].quantity",
                        batch -> json(edit(batch, 1, e -> e.put("quantity", "two")))),
                bad("negative amount", "events[1].amount",
                        batch -> json(edit(batch, 1, e -> e.put("amount", new BigDecimal("-0.01"))))));
    }

    private static Arguments bad(String name, String field,
                                 Function<List<Map<String, Object>>, String> body) {
        return Arguments.of(name, field, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void badBatchIsRefusedAndStoresNothing(String name, String field,
                                           Function<List<Map<String, Object>>, String> body) {
        TestServer server = TestServer.of("h2");
        int before = count(server, h2Tenant);
        ApiClient.Response r = h2Tenant.api().send("POST", path(h2Tenant.ids().orgId()),
                body.apply(threeEvents(h2Tenant)));
        assertProblem(r, field);
        assertEquals(before, count(server, h2Tenant), name);
    }

    @Test
    void zeroAmountAndMissingOptionalFieldsAreAccepted() {
        Map<String, Object> minimal = new LinkedHashMap<>();
        minimal.put("eventId", UUID.randomUUID().toString());
        minimal.put("type", "order_placed");
        minimal.put("occurredAt", TIME);
        minimal.put("saleKey", UUID.randomUUID().toString());
        minimal.put("amount", BigDecimal.ZERO);
        ApiClient.Response r = post(h2Tenant, h2Tenant.ids().orgId(), Map.of("events", List.of(minimal)));
        assertEquals(202, r.status(), r.body());
        assertEquals(1, r.json().get("accepted").asInt());
    }

    private static void assertProblem(ApiClient.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        if (field != null) {
            boolean named = false;
            for (JsonNode e : r.json().path("errors")) {
                named |= e.get("field").asText().equals(field);
            }
            assertTrue(named, "names " + field + ": " + r.body());
        }
    }

    /** A view, an add to cart and the order, as a till records them. */
    private static List<Map<String, Object>> threeEvents(TestServer.Tenant t) {
        String item = t.ids().menuItemIds().get(0);
        Map<String, Object> cart = event("meal_added_to_cart", item);
        cart.put("quantity", 2);
        cart.put("amount", new BigDecimal("7.50"));
        Map<String, Object> order = event("order_placed", null);
        order.put("saleKey", UUID.randomUUID().toString());
        order.put("amount", new BigDecimal("7.50"));
        return new ArrayList<>(List.of(event("meal_viewed", item), cart, order));
    }

    private static Map<String, Object> event(String type, String menuItemId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("occurredAt", TIME);
        e.put("menuItemId", menuItemId);
        e.put("staffId", "staff-1");
        return e;
    }

    /** The batch body with one event changed. */
    private static Map<String, Object> edit(List<Map<String, Object>> events, int index,
                                            Consumer<Map<String, Object>> change) {
        change.accept(events.get(index));
        return Map.of("events", events);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(String orgId) {
        return "/analytics/orgs/" + orgId + "/events";
    }

    private static ApiClient.Response post(TestServer.Tenant t, String orgId, Object body) {
        return t.api().post(path(orgId), body);
    }

    private static int count(TestServer server, TestServer.Tenant t) {
        return server.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM analytics_events WHERE org_id = ?")) {
                ps.setString(1, t.ids().orgId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
