package io.brigade.server.money;

import static io.brigade.server.money.MoneyDayTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A till asks the office for a manager instead of a PIN on the till: the office lists the request, a manager signed
 * in there approves or refuses it with a reason, the till follows its request and acts with the approval's id.
 */
class RemoteApprovalsTest {

    /** A store with a paired till whose shift is open, and a manager signed in at the office. */
    private record Store(MoneyStore store, TestServer.Tenant t, MoneyStore.Till till, String base, String shift,
                         ApiClient office) {
        ApiClient.Response ask(String requestId, String action, String amount, String reason) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", requestId);
            body.put("action", action);
            if (amount != null) {
                body.put("amount", new BigDecimal(amount));
            }
            body.put("reason", reason);
            body.put("requestedBy", "Ana");
            return till.api().post(base + "/approval-requests", body);
        }

        String asked(String action) {
            String id = UUID.randomUUID().toString();
            ApiClient.Response r = ask(id, action, null, "float for the card machine roll");
            assertEquals(201, r.status(), r.body());
            return id;
        }

        ApiClient.Response answer(ApiClient who, String requestId, String verb, String reason) {
            return who.post(base + "/approval-requests/" + requestId + "/" + verb, reason == null ? Map.of()
                    : Map.of("reason", reason));
        }

        JsonNode request(String requestId) {
            return ok(till.api().get(base + "/approval-requests/" + requestId));
        }

        List<String> pending() {
            List<String> ids = new java.util.ArrayList<>();
            ok(office.get(base + "/approval-requests")).get("data").forEach(r -> ids.add(r.get("requestId").asText()));
            return ids;
        }
    }

    private static Store store(String db) {
        MoneyStore store = MoneyStore.of(db);
        TestServer.Tenant t = store.tenant("Office Approvals");
        MoneyStore.Till till = store.pair(t, "Till 2");
        String base = MoneyStore.store(t);
        String shift = UUID.randomUUID().toString();
        assertEquals(201, till.api().post(base + "/shifts", Map.of("shiftId", shift, "openingFloat",
                new BigDecimal("50.00"))).status());
        ApiClient.Response session = new ApiClient(store.server.uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", t.ids().managerPin()));
        assertEquals(201, session.status(), session.body());
        ApiClient office = new ApiClient(store.server.uri()).with("Authorization", "Bearer "
                + session.json().get("token").asText());
        return new Store(store, t, till, base, shift, office);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNoSaleApprovedAtTheOfficeIsCountedOnTheShift(String db) {
        Store s = store(db);
        String id = s.asked("NO_SALE");
        assertTrue(s.pending().contains(id), "the office lists the till's request");

        JsonNode approved = ok(s.answer(s.office, id, "approve", "change for the float"));

        assertEquals("APPROVED", s.request(id).get("status").asText());
        String approvalId = s.request(id).get("approvalId").asText();
        assertEquals(approved.get("managerName").asText(), s.request(id).get("managerName").asText());
        ApiClient.Response noSale = s.till.api().post(s.base + "/shifts/" + s.shift + "/movements", Map.of(
                "movementId", UUID.randomUUID().toString(), "kind", "NO_SALE", "reason", "change for the float",
                "approvalId", approvalId));
        assertEquals(200, noSale.status(), noSale.body());
        JsonNode x = ok(s.office.get(s.base + "/x-report?shiftId=" + s.shift));
        assertEquals(1, x.get("cash").get(0).get("noSales").asInt(), x.toString());
        assertTrue(!s.pending().contains(id), "an answered request is no longer listed");
    }

    @Test
    void aRefusedRequestTellsTheTillWhoRefusedAndWhy() {
        Store s = store("h2");
        String id = s.asked("NO_SALE");

        ok(s.answer(s.office, id, "refuse", "count the drawer at the close instead"));

        JsonNode r = s.request(id);
        assertEquals("REFUSED", r.get("status").asText());
        assertEquals("count the drawer at the close instead", r.get("answer").asText());
        assertTrue(r.get("approvalId").isNull(), r.toString());
        assertTrue(r.get("managerName").asText().length() > 0, r.toString());
    }

    @Test
    void aWithdrawnRequestIsNoLongerListedAtTheOffice() {
        Store s = store("h2");
        String id = s.asked("DISCOUNT");

        ok(s.till.api().post(s.base + "/approval-requests/" + id + "/withdraw", Map.of()));

        assertEquals("WITHDRAWN", s.request(id).get("status").asText());
        assertTrue(!s.pending().contains(id));
    }

    @Test
    void aRequestAskedAgainUnderItsIdIsOneRequest() {
        Store s = store("h2");
        String id = UUID.randomUUID().toString();
        assertEquals(201, s.ask(id, "REFUND", "4.50", "wrong wine").status());

        ApiClient.Response again = s.ask(id, "REFUND", "4.50", "wrong wine");

        assertEquals(200, again.status(), again.body());
        assertEquals(1, s.pending().size());
    }

    private record Case(String name, int status, String says, BiFunction<Store, String, ApiClient.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                new Case("an answer without a reason", 400, "reason",
                        (s, id) -> s.answer(s.office, id, "approve", " ")),
                new Case("an answer by the org's client, not a person", 403, "own session",
                        (s, id) -> s.answer(s.t.api(), id, "approve", "fine")),
                new Case("an answer by the till", 403, "a till may not do this",
                        (s, id) -> s.answer(s.till.api(), id, "approve", "fine")),
                new Case("an answer to an unknown request", 404, "approval request",
                        (s, id) -> s.answer(s.office, UUID.randomUUID().toString(), "approve", "fine")),
                new Case("a second answer", 409, "approved", (s, id) -> {
                    ok(s.answer(s.office, id, "approve", "fine"));
                    return s.answer(s.office, id, "refuse", "changed my mind");
                }),
                new Case("an answer after ten minutes", 409, "expired", (s, id) -> {
                    s.store.clock.advance(Duration.ofMinutes(11));
                    return s.answer(s.office, id, "approve", "fine");
                }),
                new Case("a request without a reason", 400, "reason",
                        (s, id) -> s.ask(UUID.randomUUID().toString(), "NO_SALE", null, "")),
                new Case("a request for an unknown action", 400, "action",
                        (s, id) -> s.ask(UUID.randomUUID().toString(), "FREE_DRINKS", null, "thirsty")),
                new Case("a request with letters for an amount", 400, null,
                        (s, id) -> s.till.api().post(s.base + "/approval-requests", Map.of("requestId",
                                UUID.randomUUID().toString(), "action", "REFUND", "amount", "ten", "reason", "x"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBadRequestOrAnswerIsRefusedAndApprovesNothing(Case c) {
        Store s = store("h2");
        String id = s.asked("NO_SALE");
        long approvalsBefore = approvals(s);

        ApiClient.Response r = c.call().apply(s, id);

        assertEquals(c.status(), r.status(), r.body());
        assertTrue(r.body().contains("problem") || r.body().contains("detail"), r.body());
        if (c.says() != null) {
            assertTrue(r.body().contains(c.says()), r.body());
        }
        long expected = c.name().equals("a second answer") ? approvalsBefore + 1 : approvalsBefore;
        assertEquals(expected, approvals(s), "no approval was given by the refused call");
    }

    private static long approvals(Store s) {
        return io.brigade.server.support.TestDatabases.queryLong(s.store.database,
                "SELECT COUNT(*) FROM approvals WHERE org_id = ?", s.t.ids().orgId());
    }
}
