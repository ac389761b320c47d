package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value a sale stores fits its column: the longest value validation lets through is stored by H2 and
 * PostgreSQL alike, and anything longer or out of range is refused by validation (422, naming the field)
 * before the database could refuse it.
 */
class StorableValuesTest {
    private static final String TIME = "2026-03-04T12:00:00Z";
    private static final Map<String, TestServer.Tenant> TENANTS = new ConcurrentHashMap<>();

    /** A text field of the sale: its path in problems, its largest size, and how to set it on a sale. */
    record Field(String path, int max, BiConsumer<Map<String, Object>, String> set) {
        @Override
        public String toString() {
            return path;
        }
    }

    static List<Field> fields() {
        return List.of(
                new Field("source", SaleValidator.SOURCE, (s, v) -> s.put("source", v)),
                new Field("externalId", SaleValidator.EXTERNAL_ID, (s, v) -> s.put("externalId", v)),
                new Field("displayId", SaleValidator.DISPLAY_ID, (s, v) -> s.put("displayId", v)),
                new Field("customer.id", SaleValidator.CUSTOMER_ID, (s, v) -> customer(s).put("id", v)),
                new Field("customer.name", SaleValidator.CUSTOMER_NAME, (s, v) -> customer(s).put("name", v)),
                new Field("customer.phoneNumber", SaleValidator.CUSTOMER_PHONE,
                        (s, v) -> customer(s).put("phoneNumber", v.replaceAll(".", "7"))),
                new Field("customer.emailAddress", SaleValidator.CUSTOMER_EMAIL,
                        (s, v) -> customer(s).put("emailAddress", v)),
                new Field("customer.externalId", SaleValidator.CUSTOMER_EXTERNAL_ID,
                        (s, v) -> customer(s).put("externalId", v)),
                new Field("dineIn.tableId", SaleValidator.TABLE_ID, (s, v) -> s.put("dineIn", Map.of("tableId", v))),
                new Field("delivery.deliveredBy", SaleValidator.DELIVERED_BY,
                        (s, v) -> delivery(s).put("deliveredBy", v)),
                new Field("delivery.notes", SaleValidator.DELIVERY_NOTES, (s, v) -> delivery(s).put("notes", v)),
                new Field("delivery.location.countryCode", SaleValidator.DELIVERY_COUNTRY,
                        (s, v) -> delivery(s).put("location", Map.of("countryCode", v.toUpperCase()))),
                new Field("items[0].notes", SaleValidator.ITEM_NOTES, (s, v) -> item(s).put("notes", v)),
                new Field("charges[0].itemId", SaleValidator.ITEM_ID, (s, v) -> s.put("charges",
                        List.of(Map.of("type", "Service", "amount", 0, "itemId", v)))),
                new Field("discounts[0].code", SaleValidator.DISCOUNT_CODE,
                        (s, v) -> s.put("discounts", List.of(Sales.amount("Voucher", "0", v)))),
                new Field("payments[0].description1", SaleValidator.PAYMENT_DESCRIPTION,
                        (s, v) -> payment(s).put("description1", v)),
                new Field("metadata", SaleValidator.MAX_METADATA_BYTES, (s, v) -> s.put("metadata", v)));
    }

    static Stream<Arguments> fieldsOnEachDatabase() {
        List<Arguments> out = new ArrayList<>();
        for (String db : List.of("h2", "postgres")) {
            fields().forEach(f -> out.add(Arguments.of(db, f)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fieldsOnEachDatabase")
    void theLongestValueAFieldTakesIsStored(String db, Field field) {
        Map<String, Object> sale = Sales.simple(tenant(db).ids(), TIME, "3.00");
        field.set().accept(sale, "x".repeat(field.max()));
        ApiClient.Response r = push(db, sale);
        assertEquals(201, r.status(), r.body());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fieldsOnEachDatabase")
    void aLongerValueIsRefusedNamingTheField(String db, Field field) {
        Map<String, Object> sale = Sales.simple(tenant(db).ids(), TIME, "3.00");
        field.set().accept(sale, "x".repeat(field.max() + 1));
        assertRefused(push(db, sale), field.path());
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("requestedFulfillmentTime", (BiConsumer<Map<String, Object>, String>) (s, ids) ->
                        s.put("requestedFulfillmentTime", "1969-12-31T23:59:59Z")),
                Arguments.of("payments[0].paidAt", (BiConsumer<Map<String, Object>, String>) (s, ids) ->
                        payment(s).put("paidAt", "9999-12-31T23:59:59Z")),
                Arguments.of("delivery.location.coordinates.latitude", (BiConsumer<Map<String, Object>, String>)
                        (s, ids) -> delivery(s).put("location", Map.of("coordinates",
                                Map.of("latitude", 90.5, "longitude", 0)))),
                Arguments.of("delivery.location.coordinates.longitude", (BiConsumer<Map<String, Object>, String>)
                        (s, ids) -> delivery(s).put("location", Map.of("coordinates",
                                Map.of("latitude", 0, "longitude", -180.5)))),
                Arguments.of("items[0].notes", (BiConsumer<Map<String, Object>, String>) (s, ids) ->
                        item(s).put("notes", "no\u0000nul")),
                Arguments.of("items[0].modifierItems[0].quantity", (BiConsumer<Map<String, Object>, String>)
                        (s, ids) -> s.put("items", List.of(Sales.item(ids, 10_000, "1.00",
                                List.of(Sales.item("modifier", 101, "0.00", List.of())))))),
                Arguments.of("items", (BiConsumer<Map<String, Object>, String>) (s, ids) ->
                        s.put("items", List.of(Sales.item(ids, 10_000, "999999999", List.of())))));
    }

    static Stream<Arguments> outOfRangeOnEachDatabase() {
        List<Arguments> out = new ArrayList<>();
        for (String db : List.of("h2", "postgres")) {
            outOfRange().forEach(a -> out.add(Arguments.of(db, a.get()[0], a.get()[1])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("outOfRangeOnEachDatabase")
    void aValueOutOfRangeIsRefusedNamingTheField(String db, String path,
                                                 BiConsumer<Map<String, Object>, String> change) {
        TestServer.Tenant t = tenant(db);
        Map<String, Object> sale = Sales.simple(t.ids(), TIME, "3.00");
        change.accept(sale, t.ids().menuItemIds().get(8));
        assertRefused(push(db, sale), path);
    }

    private static void assertRefused(ApiClient.Response r, String path) {
        assertEquals(422, r.status(), r.body());
        boolean named = false;
        for (JsonNode e : r.json().path("errors")) {
            named |= e.get("field").asText().equals(path);
        }
        assertTrue(named, "names " + path + ": " + r.body());
    }

    private static ApiClient.Response push(String db, Map<String, Object> sale) {
        TestServer.Tenant t = tenant(db);
        return t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale, "x-idempotency-key",
                UUID.randomUUID().toString());
    }

    private static TestServer.Tenant tenant(String db) {
        return TENANTS.computeIfAbsent(db, k -> TestServer.of(k).newTenant());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> customer(Map<String, Object> sale) {
        return (Map<String, Object>) sale.computeIfAbsent("customer", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(Map<String, Object> sale) {
        return (Map<String, Object>) sale.computeIfAbsent("delivery", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> sale) {
        return ((List<Map<String, Object>>) sale.get("items")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payment(Map<String, Object> sale) {
        return ((List<Map<String, Object>>) sale.get("payments")).get(0);
    }
}
