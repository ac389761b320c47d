package io.brigade.server.kitchen;

import static io.brigade.server.kitchen.KitchenFixture.CLASSIC_BURGER;
import static io.brigade.server.kitchen.KitchenFixture.DIAVOLA;
import static io.brigade.server.kitchen.KitchenFixture.LAGER;
import static io.brigade.server.kitchen.KitchenFixture.MARGHERITA;
import static io.brigade.server.kitchen.KitchenFixture.WATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stations: a ticket's lines routed by menu category, each station bumping its own part, the expo serving. */
class KitchenStationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachLineGoesToTheStationOfItsCategoryAndTheRestToTheCatchAll(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        // The manager moves the burgers off the grill's list: they still reach the grill, the catch-all.
        JsonNode stations = k.kitchen.get(k.base + "/stations?propertyId=" + k.t.ids().propertyId()).json();
        List<Map<String, Object>> changed = new ArrayList<>();
        for (JsonNode s : stations.get("stations")) {
            Map<String, Object> station = new LinkedHashMap<>();
            station.put("id", s.get("id").asText());
            station.put("name", s.get("name").asText());
            station.put("categoryIds", s.get("id").asText().equals("grill") ? List.of() : List.of(
                    s.get("categoryIds").get(0).asText()));
            station.put("catchAll", s.get("catchAll").asBoolean());
            changed.add(station);
        }
        ApiClient.Response put = k.t.api().send("PUT", k.base + "/stations?propertyId=" + k.t.ids().propertyId(),
                io.brigade.protocol.Json.mapper().writeValueAsString(Map.of("stations", changed)));
        assertEquals(200, put.status(), put.body());

        try (SseClient stream = k.stream(null)) {
            assertEquals("snapshot", stream.next(WAIT).event());
            String saleId = k.sale(MARGHERITA, CLASSIC_BURGER, LAGER);
            SseClient.Event created = stream.next(WAIT);
            assertEquals("ticket-created", created.event());
            JsonNode ticket = KitchenFixture.json(created.data());
            assertEquals(saleId, ticket.get("ticketId").asText());
            assertEquals(Map.of("Margherita", "pizza", "Classic burger", "grill", "Craft lager", "bar"),
                    KitchenFixture.stationsOfLines(ticket));
            assertEquals(List.of("pizza", "grill", "bar"), new ArrayList<>(KitchenFixture.progress(ticket).keySet()),
                    "the new ticket names its stations, so that each station's screen shows it at once");
        }
        JsonNode shown = k.ticket(k.snapshot().get("tickets").get(0).get("ticketId").asText());
        assertEquals(List.of("pizza", "grill", "bar"), new ArrayList<>(KitchenFixture.progress(shown).keySet()),
                "each station with a line has its part, in the store's station order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aTicketIsReadyOnlyOnceEveryStationWithLinesOnItHasBumped(String db) {
        KitchenFixture k = new KitchenFixture(db);
        String ticket = k.sale(MARGHERITA, CLASSIC_BURGER, LAGER);

        ApiClient.Response grill = k.bump(ticket, "grill");
        assertEquals(200, grill.status(), grill.body());
        assertEquals("IN_PREPARATION", grill.json().get("status").asText());
        assertEquals(Map.of("pizza", "-", "grill", "bumped", "bar", "-"), KitchenFixture.progress(grill.json()),
                "the grill's bump leaves the pizza and the lager where they are");
        assertEquals("SALE_IN_PREPARATION", k.saleStatus(ticket));
        assertEquals(200, k.bump(ticket, "pizza").status());
        assertEquals("IN_PREPARATION", k.ticket(ticket).get("status").asText());

        ApiClient.Response bar = k.bump(ticket, "bar");
        assertEquals("READY", bar.json().get("status").asText());
        assertNotNull(bar.json().get("readyAt"));
        assertEquals("SALE_PREPARED_BY_KITCHEN", k.saleStatus(ticket), "the sale is prepared once all stations are");
    }

    @Test
    void aStationRecallsTheTicketItBumpedLastAndOnlyItsOwnPart() {
        KitchenFixture k = new KitchenFixture("h2");
        String first = k.sale(MARGHERITA, WATER);
        String second = k.sale(DIAVOLA, LAGER);
        for (String ticket : List.of(first, second)) {
            assertEquals(200, k.bump(ticket, "pizza").status());
            assertEquals(200, k.bump(ticket, "bar").status());
        }
        assertEquals("READY", k.ticket(second).get("status").asText());

        ApiClient.Response recalled = k.kitchen.post(k.base + "/stations/bar/recall?propertyId="
                + k.t.ids().propertyId(), Map.of());

        assertEquals(200, recalled.status(), recalled.body());
        assertEquals(second, recalled.json().get("ticketId").asText());
        assertEquals(Map.of("pizza", "bumped", "bar", "-"), KitchenFixture.progress(recalled.json()));
        assertEquals("IN_PREPARATION", recalled.json().get("status").asText());
        assertEquals("SALE_IN_PREPARATION", k.saleStatus(second));
        assertEquals("READY", k.ticket(first).get("status").asText(), "the other ticket stays ready");
    }

    @Test
    void aServedTicketLeavesTheScreensAndTheExpoCanRecallIt() {
        KitchenFixture k = new KitchenFixture("h2");
        String ticket = k.sale(MARGHERITA);
        ApiClient.Response early = k.kitchen.post(k.base + "/tickets/" + ticket + "/serve", Map.of());
        assertEquals(409, early.status(), "not ready yet");
        assertTrue(early.json().get("detail").asText().contains("Pizza"), early.body());
        assertEquals(200, k.bump(ticket, "pizza").status());

        ApiClient.Response served = k.kitchen.post(k.base + "/tickets/" + ticket + "/serve", Map.of());

        assertEquals(200, served.status(), served.body());
        assertEquals("SERVED", served.json().get("status").asText());
        assertNull(k.ticket(ticket), "a served ticket is off every screen");
        ApiClient.Response back = k.kitchen.post(k.base + "/served/recall?propertyId=" + k.t.ids().propertyId(),
                Map.of());
        assertEquals(200, back.status(), back.body());
        assertEquals("READY", k.ticket(ticket).get("status").asText());
    }

    @Test
    void prepTimesPerStationRunFromTheOrderToEachBump() {
        KitchenFixture k = new KitchenFixture("h2");
        Instant now = Instant.now();
        // Ten pizzas ordered 1 to 10 minutes ago, bumped now: 90 % were done within 9 minutes (nearest rank).
        for (int minutes = 1; minutes <= 10; minutes++) {
            String ticket = k.sale(now.minusSeconds(60L * minutes), MARGHERITA);
            assertEquals(200, k.bump(ticket, "pizza").status());
        }

        JsonNode times = k.kitchen.get(k.base + "/prep-times?propertyId=" + k.t.ids().propertyId()).json();

        Map<String, JsonNode> byStation = new LinkedHashMap<>();
        times.get("stations").forEach(s -> byStation.put(s.get("stationId").asText(), s));
        assertEquals(List.of("pizza", "grill", "bar"), new ArrayList<>(byStation.keySet()));
        JsonNode pizza = byStation.get("pizza");
        assertEquals(10, pizza.get("bumped").asInt());
        long average = pizza.get("averageSeconds").asLong();
        long p90 = pizza.get("p90Seconds").asLong();
        assertTrue(average >= 330 && average < 360, "mean of 1..10 minutes is 5.5 minutes: " + average);
        assertTrue(p90 >= 540 && p90 < 570, "nearest-rank p90 is 9 minutes: " + p90);
        assertEquals(0, byStation.get("grill").get("bumped").asInt());
        assertTrue(byStation.get("grill").get("p90Seconds") == null, "no figure without a bump");
    }

    static Stream<Arguments> badSetups() {
        Map<String, Object> pizza = Map.of("name", "Pizza", "categoryIds", List.of("c1"), "catchAll", false);
        Map<String, Object> grill = Map.of("name", "Grill", "categoryIds", List.of("c2"), "catchAll", true);
        return Stream.of(
                Arguments.of("no stations", Map.of("stations", List.of()), "stations"),
                Arguments.of("no catch-all", Map.of("stations", List.of(pizza)), "stations"),
                Arguments.of("two catch-alls", Map.of("stations", List.of(grill, Map.of("name", "Bar",
                        "categoryIds", List.of(), "catchAll", true))), "stations"),
                Arguments.of("two stations of one name", Map.of("stations", List.of(grill, Map.of("name", "grill ",
                        "categoryIds", List.of(), "catchAll", false))), "stations[1].name"),
                Arguments.of("a category at two stations", Map.of("stations", List.of(grill, Map.of("name", "Bar",
                        "categoryIds", List.of("c2"), "catchAll", false))), "stations[1].categoryIds[0]"),
                Arguments.of("a station called expo", Map.of("stations", List.of(grill, Map.of("id", "expo",
                        "name", "Pass", "categoryIds", List.of(), "catchAll", false))), "stations[1].id"),
                Arguments.of("an id with spaces", Map.of("stations", List.of(Map.of("id", "the grill", "name", "Grill",
                        "categoryIds", List.of(), "catchAll", true))), "stations[0].id"),
                Arguments.of("a name too long", Map.of("stations", List.of(Map.of("name", "G".repeat(41),
                        "categoryIds", List.of(), "catchAll", true))), "stations[0].name"),
                Arguments.of("a station without a name", Map.of("stations", List.of(Map.of("categoryIds", List.of(),
                        "catchAll", true))), "stations[0].name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSetups")
    void aBadStationSetupIsRefusedWithAProblemAndChangesNothing(String what, Map<String, Object> body, String field)
            throws Exception {
        KitchenFixture k = new KitchenFixture("h2");
        String path = k.base + "/stations?propertyId=" + k.t.ids().propertyId();
        String before = k.kitchen.get(path).body();

        ApiClient.Response r = k.t.api().send("PUT", path, io.brigade.protocol.Json.mapper().writeValueAsString(body));

        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), what + ": " + r.body());
        assertEquals(before, k.kitchen.get(path).body(), "nothing changed");
    }

    @Test
    void kitchenStaffCannotChangeTheStations() {
        KitchenFixture k = new KitchenFixture("h2");
        String path = k.base + "/stations?propertyId=" + k.t.ids().propertyId();
        ApiClient.Response r = k.kitchen.send("PUT", path, "{\"stations\":[{\"name\":\"All\",\"catchAll\":true}]}");
        assertEquals(403, r.status(), r.body());
        assertEquals(3, k.kitchen.get(path).json().get("stations").size());
    }
}
