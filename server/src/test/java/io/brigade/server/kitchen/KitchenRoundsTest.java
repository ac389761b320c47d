package io.brigade.server.kitchen;

import static io.brigade.server.kitchen.KitchenFixture.CLASSIC_BURGER;
import static io.brigade.server.kitchen.KitchenFixture.DIAVOLA;
import static io.brigade.server.kitchen.KitchenFixture.LAGER;
import static io.brigade.server.kitchen.KitchenFixture.MARGHERITA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A check's rounds fired to the kitchen and its sent lines voided, as the till's Send and void do. */
class KitchenRoundsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Map<String, Integer> lines(Object... lineAndItem) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < lineAndItem.length; i += 2) {
            out.put((String) lineAndItem[i], (Integer) lineAndItem[i + 1]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRoundBecomesOneTicketAgedFromWhenItWasSent(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        // Sent from a till that was offline for four minutes.
        Instant sent = Instant.now().minus(4, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> round = k.round(UUID.randomUUID().toString(), "check-1", sent,
                lines("l1", DIAVOLA, "l2", CLASSIC_BURGER, "l3", LAGER));
        round.put("course", 2);
        try (SseClient stream = k.stream(null)) {
            assertEquals("snapshot", stream.next(WAIT).event());
            ApiClient.Response fired = k.fire(round);
            assertEquals(201, fired.status(), fired.body());

            SseClient.Event created = stream.next(WAIT);
            assertEquals("ticket-created", created.event());
            JsonNode ticket = KitchenFixture.json(created.data());
            assertEquals(fired.json().get("ticketId").asText(), ticket.get("ticketId").asText());
            assertEquals("CHECK", ticket.get("source").asText());
            assertEquals("check-1", ticket.get("checkId").asText());
            assertEquals("T4", ticket.get("displayId").asText());
            assertEquals(2, ticket.get("course").asInt());
            assertEquals(3, ticket.get("guests").asInt());
            assertEquals(sent, Instant.parse(ticket.get("orderedAt").asText()), "aged from the Send, not the sync");
            assertTrue(Instant.parse(ticket.get("createdAt").asText()).isAfter(sent));
            assertEquals(Map.of("Diavola", "pizza", "Classic burger", "grill", "Craft lager", "bar"),
                    KitchenFixture.stationsOfLines(ticket));
            List<String> ids = new ArrayList<>();
            ticket.get("items").forEach(i -> ids.add(i.get("lineId").asText() + "@" + i.get("seat").asInt()));
            assertEquals(List.of("l1@1", "l2@2", "l3@3"), ids);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFireRetriedAtOnceAndLaterMakesOneTicket(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        Map<String, Object> round = k.round(UUID.randomUUID().toString(), "check-2", Instant.now(),
                lines("a", MARGHERITA, "b", LAGER));
        ExecutorService tills = Executors.newFixedThreadPool(8);
        List<ApiClient.Response> answers = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(tills.submit(() -> k.fire(round)));
            }
            for (Future<ApiClient.Response> f : sends) {
                answers.add(f.get());
            }
        } finally {
            tills.shutdown();
        }
        answers.add(k.fire(round)); // and once more, later

        Set<String> tickets = new HashSet<>();
        int created = 0;
        for (ApiClient.Response r : answers) {
            assertTrue(r.status() == 201 || r.status() == 200, r.body());
            created += r.status() == 201 ? 1 : 0;
            tickets.add(r.json().get("ticketId").asText());
        }
        assertEquals(1, created, "one answer made the ticket");
        assertEquals(1, tickets.size(), "every answer names the same ticket");
        assertEquals(1, k.snapshot().get("tickets").size());
        assertEquals(1, io.brigade.server.support.TestDatabases.queryLong(k.server.database(),
                "SELECT COUNT(*) FROM kitchen_events WHERE org_id = ? AND type = 'ticket-created'",
                k.t.ids().orgId()), "one ticket-created event");
    }

    @Test
    void aLineSentBeforeIsRefusedUnderAnotherOperationId() {
        KitchenFixture k = new KitchenFixture("h2");
        assertEquals(201, k.fire(k.round(UUID.randomUUID().toString(), "check-3", Instant.now(),
                lines("a", MARGHERITA))).status());
        long cursor = k.snapshot().get("cursor").asLong();

        ApiClient.Response again = k.fire(k.round(UUID.randomUUID().toString(), "check-3", Instant.now(),
                lines("b", LAGER, "a", MARGHERITA)));

        assertEquals(409, again.status(), again.body());
        assertEquals("lines[1].lineId", again.json().get("errors").get(0).get("field").asText());
        assertEquals(cursor, k.snapshot().get("cursor").asLong(), "nothing was sent");
        assertEquals(1, k.snapshot().get("tickets").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aVoidedLineShowsOnTheStreamAtOnceAndARetriedVoidVoidsNothingMore(String db) throws Exception {
        KitchenFixture k = new KitchenFixture(db);
        Map<String, Object> round = k.round(UUID.randomUUID().toString(), "check-4", Instant.now(),
                lines("pizza-1", MARGHERITA, "beer-1", LAGER));
        ((List<Map<String, Object>>) round.get("lines")).get(1).put("quantity", 2);
        String ticketId = k.fire(round).json().get("ticketId").asText();
        Map<String, Object> voidOne = Map.of("operationId", UUID.randomUUID().toString(), "checkId", "check-4",
                "lineId", "beer-1", "quantity", 1, "reason", "guest changed their mind");
        try (SseClient stream = k.stream(k.snapshot().get("cursor").asText())) {
            ApiClient.Response voided = k.t.api().post(k.base + "/voids", voidOne);
            assertEquals(200, voided.status(), voided.body());

            SseClient.Event updated = stream.next(WAIT);
            assertEquals("ticket-updated", updated.event());
            JsonNode beer = KitchenFixture.json(updated.data()).get("items").get(1);
            assertEquals("beer-1", beer.get("lineId").asText());
            assertEquals(2, beer.get("quantity").asInt());
            assertEquals(1, beer.get("voidedQuantity").asInt());
            assertEquals("guest changed their mind", beer.get("voidReason").asText());

            assertEquals(200, k.t.api().post(k.base + "/voids", voidOne).status(), "a retry is answered");
            // The next event is the whole-line void below: the retry appended none.
            ApiClient.Response rest = k.t.api().post(k.base + "/voids", Map.of("operationId",
                    UUID.randomUUID().toString(), "checkId", "check-4", "lineId", "beer-1", "reason", "spilt"));
            assertEquals(200, rest.status(), rest.body());
            JsonNode after = KitchenFixture.json(stream.next(WAIT).data());
            assertEquals(2, after.get("items").get(1).get("voidedQuantity").asInt());
            assertEquals(0, after.get("stations").get(1).get("liveLines").asInt(), "nothing left at the bar");
        }
        assertEquals(200, k.bump(ticketId, "pizza").status());
        assertEquals("READY", k.ticket(ticketId).get("status").asText(), "the bar's void part is not waited for");
        ApiClient.Response tooMany = k.t.api().post(k.base + "/voids", Map.of("operationId",
                UUID.randomUUID().toString(), "checkId", "check-4", "lineId", "beer-1", "reason", "again"));
        assertEquals(409, tooMany.status(), tooMany.body());
    }

    @Test
    void aSaleThatClosesACheckMakesNoSecondTicket() {
        KitchenFixture k = new KitchenFixture("h2");
        Map<String, Object> sale = Sales.simple(k.t.ids(), Instant.now().toString(), "2.50");
        sale.put("metadata", "{\"brigadeCheckId\":\"check-5\",\"posTerminal\":\"till-1\"}");
        ApiClient.Response r = k.t.api().post("/salesManagement/orgs/" + k.t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        assertEquals(0, k.snapshot().get("tickets").size());
    }

    static Stream<Arguments> badRounds() {
        return Stream.of(
                Arguments.of("no operation id", (Consumer<Map<String, Object>>) r -> r.remove("operationId"), 400,
                        "operationId"),
                Arguments.of("no check", (Consumer<Map<String, Object>>) r -> r.put("checkId", " "), 400, "checkId"),
                Arguments.of("no lines", (Consumer<Map<String, Object>>) r -> r.put("lines", List.of()), 400, "lines"),
                Arguments.of("a line twice", (Consumer<Map<String, Object>>) r -> r.put("lines", List.of(
                        Map.of("lineId", "x", "menuItemId", "m"), Map.of("lineId", "x", "menuItemId", "m"))), 400,
                        "lines[1].lineId"),
                Arguments.of("a quantity of 0", (Consumer<Map<String, Object>>) r -> line(r).put("quantity", 0), 400,
                        "lines[0].quantity"),
                Arguments.of("no send time", (Consumer<Map<String, Object>>) r -> r.remove("sentAt"), 400, "sentAt"),
                Arguments.of("a course of 21", (Consumer<Map<String, Object>>) r -> r.put("course", 21), 400,
                        "course"),
                Arguments.of("text where a number goes", (Consumer<Map<String, Object>>) r -> r.put("guests", "four"),
                        400, "guests"),
                Arguments.of("an item not on the menu", (Consumer<Map<String, Object>>) r -> line(r)
                        .put("menuItemId", "nope"), 422, "lines[0].menuItemId"),
                Arguments.of("an unknown revision", (Consumer<Map<String, Object>>) r -> r.put("menuRevisionId",
                        "999999"), 422, "menuRevisionId"),
                Arguments.of("another org's store", (Consumer<Map<String, Object>>) r -> r.put("propertyId",
                        "p_nosuchstore"), 404, null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> round) {
        return ((List<Map<String, Object>>) round.get("lines")).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRounds")
    void aBadRoundIsRefusedWithAProblemAndSendsNothing(String what, Consumer<Map<String, Object>> spoil, int status,
                                                       String field) {
        KitchenFixture k = new KitchenFixture("h2");
        Map<String, Object> round = new HashMap<>(k.round(UUID.randomUUID().toString(), "check-6", Instant.now(),
                lines("a", MARGHERITA)));
        round.put("lines", new ArrayList<>(List.of(new HashMap<>(line(round)))));
        spoil.accept(round);

        ApiClient.Response r = k.fire(round);

        assertEquals(status, r.status(), what + ": " + r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        if (field != null) {
            assertEquals(field, r.json().get("errors").get(0).get("field").asText(), r.body());
        }
        assertEquals(0, k.snapshot().get("cursor").asLong(), "no event");
        assertFalse(k.snapshot().get("tickets").elements().hasNext(), "no ticket");
    }

    @Test
    void kitchenStaffCannotFireARound() {
        KitchenFixture k = new KitchenFixture("h2");
        ApiClient.Response r = k.kitchen.post(k.base + "/rounds", k.round(UUID.randomUUID().toString(), "check-7",
                Instant.now(), lines("a", MARGHERITA)));
        assertEquals(403, r.status(), r.body());
    }
}
