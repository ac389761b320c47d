package io.brigade.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.OneBatch;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import io.brigade.server.support.V1;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sales committed together take stock and meet snoozes exactly as if they had been written one by one,
 * although the group commit checks snoozes and decrements stock once for the whole batch.
 */
class StockInOneBatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void ordersInOneBatchTakeStockInTheirOrderAndOnlyTheShortOneIsRefused(String db) throws Exception {
        Stocked it = stocked(db, 5);
        TestServer.Tenant t = it.tenant();
        String water = it.water();

        List<Future<ApiClient.Response>> answers = OneBatch.run(it.server().server().saleBatcher(),
                List.of(order(t, water, 2), order(t, water, 4), order(t, water, 3)));

        assertEquals(201, answers.get(0).get().status(), answers.get(0).get().body());
        ApiClient.Response short4 = answers.get(1).get();
        assertEquals(409, short4.status(), short4.body());
        assertTrue(short4.json().get("detail").asText().contains("3 left, 4 ordered"), short4.body());
        assertEquals(201, answers.get(2).get().status(), answers.get(2).get().body());
        assertEquals(0, t.api().get(it.stockPath()).json().get("quantity").asInt());
        assertEquals(2, V1.keyClient(t).get("/api/v1/orders").json().get("data").size(), "the refused order stored nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLaterSaleInTheBatchMeetsTheSnoozeOfTheItemAnEarlierOneSoldOut(String db) throws Exception {
        Stocked it = stocked(db, 1);
        TestServer.Tenant t = it.tenant();
        String water = it.water();
        // Pushed sales only decrement, even below zero; but a sale made after the item was snoozed is refused.
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        List<Future<ApiClient.Response>> answers = OneBatch.run(it.server().server().saleBatcher(),
                List.of(push(t, later), push(t, later)));

        assertEquals(201, answers.get(0).get().status(), answers.get(0).get().body());
        ApiClient.Response second = answers.get(1).get();
        assertEquals(422, second.status(), second.body());
        assertTrue(second.body().contains("item " + water + " is snoozed"), second.body());
        assertEquals(0, t.api().get(it.stockPath()).json().get("quantity").asInt(), "the refused sale took nothing");
        String snoozes = "/backoffice/v1/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId()
                + "/snoozes";
        assertEquals(List.of(water), t.api().get(snoozes).json().findValuesAsText("menuItemId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSnoozedItemRefusesOnlyTheSalesThatHoldIt(String db) throws Exception {
        Stocked it = stocked(db, 1);
        TestServer.Tenant t = it.tenant();
        String water = it.water();
        assertEquals(201, push(t, Instant.now()).call().status(), "the push that takes the last one snoozes the item");
        String cola = t.ids().menuItemIds().get(9);
        ApiClient keyed = V1.keyClient(t);

        List<Future<ApiClient.Response>> answers = OneBatch.run(it.server().server().saleBatcher(), List.of(
                order(t, cola, 1), order(t, water, 1), order(t, cola, 2)));

        assertEquals(201, answers.get(0).get().status(), answers.get(0).get().body());
        assertEquals(422, answers.get(1).get().status(), answers.get(1).get().body());
        assertEquals(201, answers.get(2).get().status(), answers.get(2).get().body());
        assertEquals(3, keyed.get("/api/v1/orders").json().get("data").size(), "the push and the two cola orders");
    }

    /** A new tenant whose water (a drink with no modifiers) is tracked with {@code quantity} in stock. */
    private record Stocked(TestServer server, TestServer.Tenant tenant, String water, String stockPath) {
    }

    private static Stocked stocked(String db, int quantity) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String water = t.ids().menuItemIds().get(8);
        String stock = "/backoffice/v1/orgs/" + t.ids().orgId() + "/stock/" + water;
        ApiClient.Response set = t.api().send("PUT", stock, "{\"quantity\":" + quantity + "}");
        assertEquals(200, set.status(), set.body());
        return new Stocked(server, t, water, stock);
    }

    private static Callable<ApiClient.Response> order(TestServer.Tenant t, String item, int quantity) {
        return () -> V1.keyClient(t).with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/orders", V1.order(t, item, quantity));
    }

    private static Callable<ApiClient.Response> push(TestServer.Tenant t, Instant at) {
        Map<String, Object> sale = Sales.simple(t.ids(), at.toString(), "2.50");
        return () -> t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale, "x-idempotency-key",
                UUID.randomUUID().toString());
    }
}
