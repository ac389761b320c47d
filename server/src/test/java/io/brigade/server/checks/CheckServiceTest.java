package io.brigade.server.checks;

import static io.brigade.server.checks.CheckFixture.CLASSIC_BURGER;
import static io.brigade.server.checks.CheckFixture.COLA;
import static io.brigade.server.checks.CheckFixture.DIAVOLA;
import static io.brigade.server.checks.CheckFixture.FUNGHI;
import static io.brigade.server.checks.CheckFixture.LAGER;
import static io.brigade.server.checks.CheckFixture.MARGHERITA;
import static io.brigade.server.checks.CheckFixture.WATER;
import static io.brigade.server.checks.CheckFixture.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Table service on the store server: checks, rounds to the kitchen, and the sales a check closes into. */
class CheckServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aTableServedInCoursesAndSplitBySeatEndsAsOneSalePerSeat(String db) {
        CheckFixture f = new CheckFixture(db);
        String check = id();
        long ticketsBefore = f.ticketsCreated();
        JsonNode opened = f.apply(check, f.open("4", 2));
        assertEquals("OPEN", opened.get("state").asText());

        f.apply(check, f.add(f.line("lager", LAGER, 1, 1), f.line("water", WATER, 2, 1)));
        JsonNode drinks = f.apply(check, f.send(null, false));
        assertEquals("SENT", drinks.get("state").asText());
        f.apply(check, f.add(f.line("diavola", DIAVOLA, 1, 2), f.line("burger", CLASSIC_BURGER, 2, 2)));
        JsonNode held = f.apply(check, f.send(List.of("diavola", "burger"), true));
        assertEquals(List.of(2), ints(held.get("heldCourses")), held.toString());
        assertEquals(1, f.tickets(check).size(), "the mains wait for their course");
        f.apply(check, f.fire(2));
        f.apply(check, f.add(f.line("funghi", FUNGHI, 1, 3)));
        JsonNode third = f.apply(check, f.send(null, false));

        List<JsonNode> tickets = f.tickets(check);
        assertEquals(List.of(List.of("lager", "water"), List.of("diavola", "burger"), List.of("funghi")),
                tickets.stream().map(CheckFixture::lineIds).toList(), "each round on one ticket, once");
        assertEquals(List.of(1, 2, 3), tickets.stream().map(t -> t.get("course").asInt()).toList());
        assertEquals(3, f.ticketsCreated() - ticketsBefore);
        assertEquals(3, third.get("rounds").asInt());
        assertMoney("46.99", third.get("total"));

        JsonNode split = f.apply(check, splitBySeats());
        assertEquals(List.of("1", "2"), texts(split.get("parts"), "label"));
        JsonNode seat1 = split.get("parts").get(0);
        JsonNode seat2 = split.get("parts").get(1);
        assertMoney("32.49", seat1.get("total")); // lager 6.00 + diavola 13.99 + funghi 12.50
        assertMoney("14.50", seat2.get("total")); // water 2.50 + burger 12.00 with fries
        long salesBefore = f.sales();

        JsonNode afterSeat1 = f.apply(check, f.pay(seat1.get("partId").asText(), "32.49"));
        assertTrue(afterSeat1.get("parts").get(0).get("closed").asBoolean());
        assertEquals(salesBefore + 1, f.sales(), "seat 1's sale is made when seat 1 has paid");
        JsonNode closed = f.apply(check, f.pay(seat2.get("partId").asText(), "14.50"));

        assertEquals("CLOSED", closed.get("state").asText());
        assertEquals(2, closed.get("saleIds").size());
        assertEquals(salesBefore + 2, f.sales(), "one sale per seat");
        assertEquals(3, f.ticketsCreated() - ticketsBefore, "closing sends nothing more to the kitchen");
        JsonNode sale1 = f.sale(closed.get("parts").get(0).get("saleId").asText());
        JsonNode sale2 = f.sale(closed.get("parts").get(1).get("saleId").asText());
        assertEquals(List.of(f.item(LAGER), f.item(DIAVOLA), f.item(FUNGHI)), texts(sale1.get("items"), "menuItemId"));
        assertEquals(List.of(f.item(WATER), f.item(CLASSIC_BURGER)), texts(sale2.get("items"), "menuItemId"));
        assertMoney("32.49", sale1.get("payments").get(0).get("amount"));
        assertMoney("14.50", sale2.get("payments").get(0).get("amount"));
        assertMoney("0", sale1.get("paymentMismatch"));
        assertEquals("4", sale1.get("dineIn").get("tableId").asText());
        assertEquals("T4/1", sale1.get("displayId").asText());
    }

    @Test
    void anOperationSentAgainIsAnsweredWithoutBeingAppliedTwice() {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("5", 2));
        Map<String, Object> add = f.add(f.line("cola", COLA, 1, 1));
        f.apply(check, add);

        ApiClient.Response again = f.post(check, add);

        assertEquals(200, again.status(), again.body());
        assertEquals(1, again.json().get("lines").size());
        assertEquals(2, again.json().get("version").asInt());
    }

    @Test
    void aSendRetriedAtOnceMakesOneRound() throws Exception {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("6", 2));
        f.apply(check, f.add(f.line("a", MARGHERITA, 1, 1), f.line("b", LAGER, 2, 1)));
        Map<String, Object> send = f.send(null, false);
        long before = f.ticketsCreated();
        ExecutorService tills = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sends.add(tills.submit(() -> f.post(check, send)));
            }
            for (Future<ApiClient.Response> s : sends) {
                statuses.add(s.get().status());
            }
        } finally {
            tills.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 200 || s == 409), statuses.toString());
        assertEquals(1, f.ticketsCreated() - before, "one round reached the kitchen");
    }

    @Test
    void twoTillsOnOneCheckOneOfThemOfflineBothRoundsReachTheKitchenOnce() {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("7", 4));
        // Till B lost the store server: it keeps its round (add, then Send of its own lines) in its outbox.
        Instant offline = Instant.now().minus(3, ChronoUnit.MINUTES);
        Map<String, Object> addOnB = f.add(f.line("b1", LAGER, 3, 1), f.line("b2", WATER, 4, 1));
        addOnB.put("at", offline.toString());
        Map<String, Object> sendOnB = f.send(List.of("b1", "b2"), false);
        sendOnB.put("at", offline.plusSeconds(5).toString());
        // Meanwhile till A adds and sends at the same table.
        f.apply(check, f.add(f.line("a1", MARGHERITA, 1, 1), f.line("a2", COLA, 2, 1)));
        f.apply(check, f.send(List.of("a1", "a2"), false));
        long before = f.ticketsCreated();

        f.apply(check, addOnB); // B is back and sends its outbox in order
        f.apply(check, sendOnB);
        assertEquals(200, f.post(check, sendOnB).status(), "B's retry of its Send changes nothing");

        JsonNode after = f.check(check);
        assertEquals(List.of("a1", "a2", "b1", "b2"), texts(after.get("lines"), "lineId"));
        assertTrue(texts(after.get("lines"), "status").stream().allMatch("SENT"::equals));
        List<JsonNode> tickets = f.tickets(check);
        // The kitchen lists B's round first: it was sent (offline) before A's.
        assertEquals(Set.of(List.of("a1", "a2"), List.of("b1", "b2")),
                Set.copyOf(tickets.stream().map(CheckFixture::lineIds).toList()));
        assertEquals(2, tickets.size());
        assertEquals(1, f.ticketsCreated() - before);
        assertEquals(offline.plusSeconds(5).truncatedTo(ChronoUnit.MILLIS),
                Instant.parse(tickets.stream().filter(t -> CheckFixture.lineIds(t).contains("b1")).findFirst()
                        .orElseThrow().get("orderedAt").asText()).truncatedTo(ChronoUnit.MILLIS),
                "B's round is aged from its Send");
    }

    @Test
    void aSentLineVoidedWithAReasonShowsOnItsTicketAndIsNotCharged() {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("8", 2));
        f.apply(check, f.add(f.line("pizza", MARGHERITA, 1, 1), f.line("beer", LAGER, 2, 1)));
        f.apply(check, f.send(null, false));
        Map<String, Object> noReason = CheckFixture.op("void");
        noReason.put("lineId", "beer");
        ApiClient.Response refused = f.post(check, noReason);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("reason", refused.json().get("errors").get(0).get("field").asText());

        Map<String, Object> unapproved = CheckFixture.op("void");
        unapproved.put("lineId", "beer");
        unapproved.put("reason", "spilled");
        ApiClient.Response forbidden = f.post(check, unapproved);
        assertEquals(403, forbidden.status(), "the store asks for a manager's approval: " + forbidden.body());

        Map<String, Object> voided = CheckFixture.op("void");
        voided.put("lineId", "beer");
        voided.put("reason", "spilled");
        voided.put("approvalId", f.voidApproval("6.00"));
        JsonNode after = f.apply(check, voided);

        assertMoney("11.50", after.get("total"));
        JsonNode beer = f.tickets(check).get(0).get("items").get(1);
        assertEquals(1, beer.get("voidedQuantity").asInt());
        assertEquals("spilled", beer.get("voidReason").asText());
        JsonNode closed = f.apply(check, f.pay(null, "11.50"));
        assertEquals("CLOSED", closed.get("state").asText());
        JsonNode sale = f.sale(closed.get("saleIds").get(0).asText());
        assertEquals(List.of(f.item(MARGHERITA)), texts(sale.get("items"), "menuItemId"));
    }

    @Test
    void anEvenSplitIsOneSalePaidInEqualParts() {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("9", 3));
        f.apply(check, f.add(f.line("p", MARGHERITA, 1, 1), f.line("c", COLA, 2, 1)));
        Map<String, Object> split = CheckFixture.op("split");
        split.put("by", "evenly");
        split.put("count", 3);
        JsonNode parts = f.apply(check, split).get("parts");
        assertEquals(List.of("4.83", "4.83", "4.84"), texts(parts, "total"));
        long salesBefore = f.sales();

        f.apply(check, f.pay("p1", "4.83"));
        f.apply(check, f.pay("p2", "4.83"));
        assertEquals(salesBefore, f.sales(), "no sale before every share is paid");
        JsonNode closed = f.apply(check, f.pay("p3", "4.84"));

        assertEquals(salesBefore + 1, f.sales());
        JsonNode sale = f.sale(closed.get("saleIds").get(0).asText());
        assertEquals(3, sale.get("payments").size());
        assertMoney("0", sale.get("paymentMismatch"));
    }

    @Test
    void aLineTransferredAndAMergedCheckKeepEveryLineOnce() {
        CheckFixture f = new CheckFixture("h2");
        String a = id();
        String b = id();
        f.apply(a, f.open("10", 2));
        f.apply(b, f.open("11", 2));
        f.apply(a, f.add(f.line("x", MARGHERITA, 1, 1), f.line("y", COLA, 1, 1)));
        f.apply(a, f.send(null, false));
        Map<String, Object> transfer = CheckFixture.op("transfer");
        transfer.put("lineIds", List.of("y"));
        transfer.put("toCheckId", b);
        f.apply(a, transfer);
        assertEquals(List.of("y"), texts(f.check(b).get("lines"), "lineId"));

        Map<String, Object> merge = CheckFixture.op("merge");
        merge.put("fromCheckId", b);
        JsonNode merged = f.apply(a, merge);

        assertEquals(List.of("x", "y"), texts(merged.get("lines"), "lineId"));
        assertEquals(4, merged.get("guests").asInt());
        assertEquals("MERGED", f.check(b).get("state").asText());
        ApiClient.Response list = f.till.get("/backoffice/v1/orgs/" + f.org + "/checks?propertyId="
                + f.t.ids().propertyId());
        assertEquals(List.of(a), texts(list.json().get("checks"), "checkId"));
        // The line sent from A and moved twice is still voided on its ticket.
        Map<String, Object> voided = CheckFixture.op("void");
        voided.put("lineId", "y");
        voided.put("reason", "changed mind");
        voided.put("approvalId", f.voidApproval("3.00"));
        f.apply(a, voided);
        assertEquals(1, f.tickets(a).get(0).get("items").get(1).get("voidedQuantity").asInt());
    }

    @Test
    void aCheckWithABalanceDueDoesNotClose() {
        CheckFixture f = new CheckFixture("h2");
        String check = id();
        f.apply(check, f.open("12", 1));
        f.apply(check, f.add(f.line("p", MARGHERITA, 1, 1)));
        f.apply(check, f.pay(null, "5.00"));

        ApiClient.Response close = f.post(check, CheckFixture.op("close"));

        assertEquals(409, close.status(), close.body());
        assertTrue(close.json().get("detail").asText().contains("6.50 left to pay"), close.body());
        assertFalse(f.check(check).get("state").asText().equals("CLOSED"));
    }

    @Test
    void aChangeOnOneTillReachesEveryDeviceOnTheFloorStream() throws Exception {
        CheckFixture f = new CheckFixture("h2");
        String token = new ApiClient(f.server.server().uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", f.org, "pin", "1111")).json().get("token").asText(); // a cashier
        java.net.URI uri = java.net.URI.create(f.server.server().uri() + "/backoffice/v1/orgs/" + f.org
                + "/floor/stream?propertyId=" + f.t.ids().propertyId());
        String check = id();
        try (SseClient stream = new SseClient(uri, token, null)) {
            SseClient.Event snapshot = stream.next(WAIT);
            assertEquals("snapshot", snapshot.event());
            f.apply(check, f.open("30", 2));
            SseClient.Event opened = stream.next(WAIT);
            assertEquals("check-updated", opened.event());
            assertEquals(check, io.brigade.protocol.Json.mapper().readTree(opened.data()).get("checkId").asText());
            String cursor = opened.id();
            stream.close();
            f.apply(check, f.add(f.line("w", WATER, 1, 1)));
            try (SseClient resumed = new SseClient(uri, token, cursor)) {
                SseClient.Event added = resumed.next(WAIT);
                assertEquals("check-updated", added.event(), "a device that was away resumes from its cursor");
                assertEquals(1, io.brigade.protocol.Json.mapper().readTree(added.data()).get("lines").size());
            }
        }
    }

    private static Map<String, Object> splitBySeats() {
        Map<String, Object> split = CheckFixture.op("split");
        split.put("by", "seats");
        return split;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
