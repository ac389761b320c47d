package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad sale is answered with the right 4xx problem, names the field, and stores nothing. */
class BadInputTest {
    private static final String TIME = "2026-03-04T12:00:00Z";
    private static TestServer.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = TestServer.of("h2").newTenant();
    }

    static Stream<Arguments> badSales() {
        return Stream.of(
                bad("malformed JSON", 400, null, (ids, s) -> "{\"salesChannelId\": "),
                bad("not an object", 400, null, (ids, s) -> "[]"),
                bad("empty body", 400, null, (ids, s) -> ""),
                bad("quantity is a string", 400, "items[0].quantity",
                        (ids, s) -> json(s).replace("\"quantity\":1", "\"quantity\":\"one\"")),
                bad("unknown dispatch type", 400, "dispatchType", (ids, s) -> with(s, "dispatchType", "Drone")),
                bad("missing salesChannelId", 400, "salesChannelId", (ids, s) -> without(s, "salesChannelId")),
                bad("missing dispatchType", 400, "dispatchType", (ids, s) -> without(s, "dispatchType")),
                bad("missing menuRevisionId", 400, "menuRevisionId", (ids, s) -> without(s, "menuRevisionId")),
                bad("no items", 400, "items", (ids, s) -> with(s, "items", List.of())),
                bad("negative quantity", 400, "items[0].quantity", (ids, s) -> with(s, "items",
                        List.of(Sales.item(ids.menuItemIds().get(8), -1, "3.00", List.of())))),
                bad("negative price", 400, "items[0].unitPrice", (ids, s) -> with(s, "items",
                        List.of(Sales.item(ids.menuItemIds().get(8), 1, "-3.00", List.of())))),
                bad("negative payment", 400, "payments[0].amount", (ids, s) -> with(s, "payments",
                        List.of(Sales.payment("Sale", "Cash", "-3.00", TIME)))),
                bad("voucher without code", 400, "discounts[0].code", (ids, s) -> with(s, "discounts",
                        List.of(Map.of("type", "Voucher", "amount", 1)))),
                bad("unknown menu item", 422, "items[0].menuItemId", (ids, s) -> with(s, "items",
                        List.of(Sales.item(UUID.randomUUID().toString(), 1, "3.00", List.of())))),
                bad("wrong revision", 422, "menuRevisionId", (ids, s) -> with(s, "menuRevisionId", "99")),
                bad("revision not a number", 400, "menuRevisionId", (ids, s) -> with(s, "menuRevisionId", "latest")),
                bad("unknown sales channel", 422, "salesChannelId", (ids, s) -> with(s, "salesChannelId", "scNOPE")),
                bad("modifier on an item without that group", 422, "items[0].modifierItems[0].menuItemId",
                        (ids, s) -> with(s, "items", List.of(Sales.item(ids.menuItemIds().get(8), 1, "3.00",
                                List.of(Sales.item(ids.modifierItemIds().get(0), 1, "0.00", List.of())))))),
                bad("required side missing (min 1)", 422, "items[0].modifierItems", (ids, s) -> with(s, "items",
                        List.of(Sales.item(ids.menuItemIds().get(4), 1, "3.00", List.of())))),
                bad("too many toppings (max 3)", 422, "items[0].modifierItems", (ids, s) -> with(s, "items",
                        List.of(Sales.item(ids.menuItemIds().get(0), 1, "3.00",
                                List.of(Sales.item(ids.modifierItemIds().get(0), 4, "0.00", List.of())))))),
                bad("discount larger than the sale", 422, "discounts", (ids, s) -> with(withMap(s, "discounts",
                        List.of(Map.of("type", "Spot", "amount", 5))), "payments", List.of())));
    }

    private static Arguments bad(String name, int status, String field, BiFunction<DemoBootstrap.Result,
            Map<String, Object>, String> body) {
        return Arguments.of(name, status, field, body);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badSales")
    void badSaleIsRefusedAndChangesNothing(String name, int status, String field,
                                           BiFunction<DemoBootstrap.Result, Map<String, Object>, String> body)
            throws Exception {
        int before = IdempotencyTest.count(tenant);
        String raw = body.apply(tenant.ids(), Sales.simple(tenant.ids(), TIME, "3.00"));
        ApiClient.Response r = tenant.api().with("x-idempotency-key", UUID.randomUUID().toString())
                .send("POST", "/salesManagement/orgs/" + tenant.ids().orgId() + "/sales", raw);
        assertEquals(status, r.status(), name + ": " + r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("detail"));
        if (field != null) {
            assertTrue(problem.has("errors"), "field errors listed: " + r.body());
            boolean named = false;
            for (JsonNode e : problem.get("errors")) {
                named |= e.get("field").asText().equals(field);
            }
            assertTrue(named, "names " + field + ": " + r.body());
        }
        assertEquals(before, IdempotencyTest.count(tenant));
    }

    @Test
    void hugeBodyIsTooLargeBeforeItIsRead() throws Exception {
        // A raw socket: the server must answer from the declared length alone, without reading 3 MB.
        java.net.URI base = tenant.api().base();
        String token = tenant.ids().apiKey();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /salesManagement/orgs/" + tenant.ids().orgId() + "/sales HTTP/1.1\r\n"
                    + "Host: localhost\r\nFD-Authorization: " + token + "\r\nx-idempotency-key: huge\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{\"salesChannelId\":\"";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.contains(" 413 "), statusLine);
        }
    }

    @Test
    void listWithoutDatesIsBadRequest() {
        ApiClient.Response r = tenant.api().get("/salesManagement/orgs/" + tenant.ids().orgId() + "/salesChannels/"
                + tenant.ids().salesChannelId() + "/sales?fromDate=2026-13-01");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("toDate") && r.body().contains("fromDate"), r.body());
    }

    @Test
    void unknownStatusIsBadRequestAndIllegalMoveIsConflict() {
        ApiClient.Response created = IdempotencyTest.push(tenant, Sales.simple(tenant.ids(), TIME, "3.00"),
                UUID.randomUUID().toString());
        String base = "/salesManagement/orgs/" + tenant.ids().orgId() + "/sales/" + created.json().get("saleId").asText();
        assertEquals(400, tenant.api().post(base + "/deliveryStatus", Map.of("status", "SALE_TELEPORTED")).status());
        assertEquals(200, tenant.api().post(base + "/deliveryStatus", Map.of("status", "SALE_DELIVERED")).status());
        assertEquals(409, tenant.api().post(base + "/posStatus", Map.of("status", "SALE_PREPARED_BY_KITCHEN")).status());
        assertEquals(400, tenant.api().post(base + "/cancel", Map.of("salesChannelId", "x")).status(),
                "cancellationReason is required");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() {
        ApiClient.Response missing = tenant.api().get("/nothing/here");
        assertEquals(404, missing.status());
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"));
        ApiClient.Response wrongMethod = tenant.api().send("DELETE", "/orgManagement/orgs", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.header("Allow"));
    }

    @Test
    void badTokenAndMissingCredentialsAre401() {
        ApiClient anonymous = new ApiClient(tenant.api().base());
        assertEquals(401, anonymous.get("/orgManagement/orgs").status());
        assertEquals(401, anonymous.with("Authorization", "Bearer not-a-token").get("/orgManagement/orgs").status());
        assertEquals(401, anonymous.with("FD-Authorization", "bk_live_garbage").get("/orgManagement/orgs").status());
        ApiClient.Response wrongSecret = anonymous.form("/identity/connect/token", Map.of("grant_type",
                "client_credentials", "client_id", tenant.ids().clientId(), "client_secret", "nope"));
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.json().get("error").asText());
        ApiClient.Response notBase64 = anonymous.with("Authorization", "Basic %%%not-base64")
                .form("/identity/connect/token", Map.of("grant_type", "client_credentials"));
        assertEquals(400, notBase64.status());
        assertEquals("invalid_request", notBase64.json().get("error").asText());
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String with(Map<String, Object> sale, String key, Object value) {
        sale.put(key, value);
        return json(sale);
    }

    private static Map<String, Object> withMap(Map<String, Object> sale, String key, Object value) {
        sale.put(key, value);
        return sale;
    }

    private static String without(Map<String, Object> sale, String key) {
        sale.remove(key);
        return json(sale);
    }
}
