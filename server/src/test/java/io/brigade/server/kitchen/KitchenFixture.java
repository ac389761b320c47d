package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.SseClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A demo tenant whose kitchen has the demo stations (Pizza: pizzas, Grill: burgers and the catch-all, Bar:
 * drinks), kitchen staff signed in, and plain-JSON helpers to ring sales, fire rounds and read tickets over HTTP.
 */
final class KitchenFixture {
    /** Menu item indexes of the demo menu. */
    static final int MARGHERITA = 0;
    static final int DIAVOLA = 1;
    static final int CLASSIC_BURGER = 4;
    static final int CHEESEBURGER = 5;
    static final int WATER = 8;
    static final int LAGER = 11;

    final TestServer server;
    final TestServer.Tenant t;
    final String token;
    final ApiClient kitchen;
    final String base;

    KitchenFixture(String db) {
        this.server = TestServer.of(db);
        this.t = server.newTenant();
        DemoBootstrap demo = new DemoBootstrap(server.database(), Clock.systemUTC());
        demo.addDemoStaff(t.ids().orgId());
        demo.addDemoStations(t.ids());
        this.token = session("2222");
        this.kitchen = new ApiClient(server.server().uri()).with("Authorization", "Bearer " + token);
        this.base = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen";
    }

    String session(String pin) {
        ApiClient.Response r = new ApiClient(server.server().uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        return r.json().get("token").asText();
    }

    String item(int index) {
        return t.ids().menuItemIds().get(index);
    }

    URI streamUri() {
        return URI.create(server.server().uri() + base + "/stream?propertyId=" + t.ids().propertyId());
    }

    SseClient stream(String lastEventId) throws Exception {
        return new SseClient(streamUri(), token, lastEventId);
    }

    /** A paid sale of one of each item, rung at {@code time}; its sale id (the ticket's id). */
    String sale(Instant time, int... items) {
        Map<String, Object> sale = Sales.simple(t.ids(), time.toString(), "0.00");
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i : items) {
            String price = switch (i) {
                case MARGHERITA -> "11.50";
                case DIAVOLA -> "13.99";
                case CLASSIC_BURGER -> "12.00";
                case CHEESEBURGER -> "13.00";
                case WATER -> "2.50";
                case LAGER -> "6.00";
                default -> throw new IllegalArgumentException("no price for item " + i);
            };
            // A burger needs its side; fries are free.
            List<Map<String, Object>> mods = i == CLASSIC_BURGER || i == CHEESEBURGER
                    ? List.of(Sales.item(t.ids().modifierItemIds().get(4), 1, "0.00", List.of())) : List.of();
            lines.add(Sales.item(item(i), 1, price, mods));
            total = total.add(new BigDecimal(price));
        }
        sale.put("items", lines);
        sale.put("payments", List.of(Sales.payment("Sale", "Cash", total.toPlainString(), time.toString())));
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    String sale(int... items) {
        return sale(Instant.now(), items);
    }

    /** A round of check {@code checkId} as a till sends it: lines {@code lineId -> item index}. */
    Map<String, Object> round(String operationId, String checkId, Instant sentAt, Map<String, Integer> lines) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("operationId", operationId);
        round.put("propertyId", t.ids().propertyId());
        round.put("checkId", checkId);
        round.put("displayId", "T4");
        round.put("table", "4");
        round.put("guests", 3);
        round.put("round", 1);
        round.put("course", 1);
        round.put("sentAt", sentAt.toString());
        round.put("menuId", t.ids().menuId());
        round.put("menuRevisionId", t.ids().menuRevisionId());
        List<Map<String, Object>> out = new ArrayList<>();
        int seat = 1;
        for (Map.Entry<String, Integer> l : lines.entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineId", l.getKey());
            line.put("menuItemId", item(l.getValue()));
            line.put("quantity", 1);
            line.put("seat", seat++);
            out.add(line);
        }
        round.put("lines", out);
        return round;
    }

    ApiClient.Response fire(Map<String, Object> round) {
        return t.api().post(base + "/rounds", round);
    }

    ApiClient.Response bump(String ticketId, String station) {
        return kitchen.post(base + "/tickets/" + ticketId + "/stations/" + station + "/bump", Map.of());
    }

    JsonNode snapshot() {
        ApiClient.Response r = kitchen.get(base + "/tickets?propertyId=" + t.ids().propertyId());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** The ticket as the snapshot shows it, or null when it is off the screens. */
    JsonNode ticket(String ticketId) {
        for (JsonNode ticket : snapshot().get("tickets")) {
            if (ticket.get("ticketId").asText().equals(ticketId)) {
                return ticket;
            }
        }
        return null;
    }

    String saleStatus(String saleId) {
        ApiClient.Response r = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales/" + saleId);
        assertEquals(200, r.status(), r.body());
        return r.json().get("data").get("status").asText();
    }

    /** Each station's id mapped to its bump time ("-" while not bumped), in the ticket's station order. */
    static Map<String, String> progress(JsonNode ticket) {
        Map<String, String> out = new LinkedHashMap<>();
        ticket.get("stations").forEach(s -> out.put(s.get("stationId").asText(),
                s.hasNonNull("bumpedAt") ? "bumped" : "-"));
        return out;
    }

    /** Each line's name mapped to the station it shows at. */
    static Map<String, String> stationsOfLines(JsonNode ticket) {
        Map<String, String> out = new LinkedHashMap<>();
        ticket.get("items").forEach(i -> out.put(i.get("name").asText(), i.get("stationId").asText()));
        return out;
    }

    static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
