package io.brigade.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A demo tenant with the demo kitchen stations, and plain-JSON helpers that make check operations as a till does
 * (each with a fresh operation id) and read checks, kitchen tickets and sales back over HTTP.
 */
final class CheckFixture {
    static final int MARGHERITA = 0;
    static final int DIAVOLA = 1;
    static final int FUNGHI = 2;
    static final int CLASSIC_BURGER = 4;
    static final int WATER = 8;
    static final int COLA = 9;
    static final int LAGER = 11;
    static final Map<Integer, String> PRICES = Map.of(MARGHERITA, "11.50", DIAVOLA, "13.99", FUNGHI, "12.50",
            CLASSIC_BURGER, "12.00", WATER, "2.50", COLA, "3.00", LAGER, "6.00");

    final TestServer server;
    final TestServer.Tenant t;
    final ApiClient till;
    final String org;

    CheckFixture(TestServer server) {
        this.server = server;
        this.t = server.newTenant();
        DemoBootstrap demo = new DemoBootstrap(server.database(), Clock.systemUTC());
        demo.addDemoStaff(t.ids().orgId());
        demo.addDemoStations(t.ids());
        this.till = t.api();
        this.org = t.ids().orgId();
    }

    CheckFixture(String db) {
        this(TestServer.of(db));
    }

    String item(int index) {
        return t.ids().menuItemIds().get(index);
    }

    String path(String checkId) {
        return "/backoffice/v1/orgs/" + org + "/checks/" + checkId + "/operations";
    }

    static Map<String, Object> op(String type) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("type", type);
        op.put("operationId", UUID.randomUUID().toString());
        op.put("at", Instant.now().toString());
        return op;
    }

    Map<String, Object> open(String table, int guests) {
        Map<String, Object> op = op("open");
        op.put("propertyId", t.ids().propertyId());
        op.put("salesChannelId", t.ids().salesChannelId());
        op.put("dispatchType", "DineIn");
        op.put("table", table);
        op.put("guests", guests);
        op.put("menuId", t.ids().menuId());
        op.put("menuRevisionId", t.ids().menuRevisionId());
        return op;
    }

    /** A line of {@code item} for {@code seat} in {@code course}; burgers come with fries, as they must. */
    Map<String, Object> line(String lineId, int item, int seat, int course) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", lineId);
        line.put("menuItemId", item(item));
        line.put("quantity", 1);
        line.put("unitPrice", new BigDecimal(PRICES.get(item)));
        line.put("seat", seat);
        line.put("course", course);
        List<Map<String, Object>> mods = new ArrayList<>();
        if (item == CLASSIC_BURGER) {
            Map<String, Object> fries = new LinkedHashMap<>();
            fries.put("menuItemId", t.ids().modifierItemIds().get(4));
            fries.put("quantity", 1);
            fries.put("unitPrice", new BigDecimal("0.00"));
            mods.add(fries);
        }
        line.put("modifierItems", mods);
        return line;
    }

    Map<String, Object> add(Map<String, Object>... lines) {
        Map<String, Object> op = op("add");
        op.put("lines", List.of(lines));
        return op;
    }

    Map<String, Object> send(List<String> lineIds, boolean hold) {
        Map<String, Object> op = op("send");
        if (lineIds != null) {
            op.put("lineIds", lineIds);
        }
        if (hold) {
            op.put("hold", true);
        }
        return op;
    }

    Map<String, Object> fire(int course) {
        Map<String, Object> op = op("fire");
        op.put("course", course);
        return op;
    }

    Map<String, Object> pay(String partId, String amount) {
        Map<String, Object> op = op("pay");
        if (partId != null) {
            op.put("partId", partId);
        }
        op.put("paymentMethod", "Credit");
        op.put("amount", new BigDecimal(amount));
        return op;
    }

    /** A manager's approval (PIN 9999 typed at the till) of voiding up to {@code amount}; its id. */
    String voidApproval(String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "VOID");
        body.put("amount", new BigDecimal(amount));
        body.put("subject", "a sent line");
        body.put("reason", "guest changed their mind");
        body.put("managerPin", "9999");
        body.put("terminal", "till-1");
        ApiClient.Response r = till.post("/backoffice/v1/orgs/" + org + "/properties/" + t.ids().propertyId()
                + "/approvals", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("approvalId").asText();
    }

    ApiClient.Response post(String checkId, Map<String, Object> op) {
        return till.post(path(checkId), op);
    }

    /** Applies {@code op}, which must be applied now (201); the check after it. */
    JsonNode apply(String checkId, Map<String, Object> op) {
        ApiClient.Response r = post(checkId, op);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    JsonNode check(String checkId) {
        ApiClient.Response r = till.get("/backoffice/v1/orgs/" + org + "/checks/" + checkId);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** The kitchen's open tickets of {@code checkId}, as the kitchen screens' snapshot shows them. */
    List<JsonNode> tickets(String checkId) {
        ApiClient.Response r = till.get("/backoffice/v1/orgs/" + org + "/kitchen/tickets?propertyId="
                + t.ids().propertyId());
        assertEquals(200, r.status(), r.body());
        List<JsonNode> out = new ArrayList<>();
        r.json().get("tickets").forEach(ticket -> {
            if (checkId.equals(ticket.path("checkId").asText())) {
                out.add(ticket);
            }
        });
        return out;
    }

    long ticketsCreated() {
        return TestDatabases.queryLong(server.database(),
                "SELECT COUNT(*) FROM kitchen_events WHERE org_id = ? AND type = 'ticket-created'", org);
    }

    long sales() {
        return TestDatabases.queryLong(server.database(), "SELECT COUNT(*) FROM sales WHERE org_id = ?", org);
    }

    JsonNode sale(String saleId) {
        ApiClient.Response r = till.get("/salesManagement/orgs/" + org + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales/" + saleId);
        assertEquals(200, r.status(), r.body());
        return r.json().get("data");
    }

    static List<String> lineIds(JsonNode ticket) {
        List<String> ids = new ArrayList<>();
        ticket.get("items").forEach(i -> ids.add(i.get("lineId").asText()));
        return ids;
    }

    static void assertMoney(String expected, JsonNode actual) {
        assertTrue(new BigDecimal(expected).compareTo(actual.decimalValue()) == 0,
                "expected " + expected + " but was " + actual);
    }
}
