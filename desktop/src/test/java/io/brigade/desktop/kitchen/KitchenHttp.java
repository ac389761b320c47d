package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plain HTTP as the org's till client (sales) and as the kitchen (PIN 2222). */
final class KitchenHttp {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final DemoBootstrap.Result org;
    private final String tillToken;
    private final String kitchenToken;

    KitchenHttp(String base, DemoBootstrap.Result org) throws Exception {
        this.base = base;
        this.org = org;
        String form = "grant_type=client_credentials&client_id=" + org.clientId() + "&client_secret="
                + java.net.URLEncoder.encode(org.clientSecret(), java.nio.charset.StandardCharsets.UTF_8);
        tillToken = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200)).get("access_token").asText();
        kitchenToken = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orgId\":\"" + org.orgId() + "\",\"pin\":\"2222\"}")), 201)).get("token").asText();
    }

    String sale(String table, String displayId, List<Map<String, Object>> lines) throws Exception {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> l : lines) {
            BigDecimal unit = (BigDecimal) l.get("unitPrice");
            for (Object m : (List<?>) l.get("modifierItems")) {
                unit = unit.add((BigDecimal) ((Map<?, ?>) m).get("unitPrice"));
            }
            total = total.add(unit.multiply(BigDecimal.valueOf((Integer) l.get("quantity"))));
        }
        String now = Instant.now().toString();
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("salesChannelId", org.salesChannelId());
        sale.put("source", "POS");
        sale.put("requestedFulfillmentTime", now);
        sale.put("desiredAsap", true);
        sale.put("dispatchType", table == null ? "TakeAway" : "DineIn");
        if (table != null) {
            sale.put("dineIn", Map.of("tableId", table, "guests", 2));
        }
        sale.put("displayId", displayId);
        sale.put("menuId", org.menuId());
        sale.put("menuRevisionId", org.menuRevisionId());
        sale.put("items", lines);
        sale.put("charges", List.of());
        sale.put("discounts", List.of());
        sale.put("payments", List.of(Map.of("type", "Sale", "paymentMethod", "Cash", "amount", total,
                "paidAt", now)));
        String body = send(HttpRequest.newBuilder(URI.create(base + "/salesManagement/orgs/" + org.orgId()
                + "/sales")).header("Authorization", "Bearer " + tillToken).header("Content-Type", "application/json")
                .header("x-idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(sale))), 201);
        return Json.mapper().readTree(body).get("saleId").asText();
    }

    Map<String, Object> round(String displayId, String table, int guests, int course,
                              List<Map<String, Object>> lines) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("operationId", UUID.randomUUID().toString());
        round.put("propertyId", org.propertyId());
        round.put("checkId", "check-" + table);
        round.put("displayId", displayId);
        round.put("table", table);
        round.put("guests", guests);
        round.put("round", 2);
        round.put("course", course);
        round.put("sentAt", Instant.now().toString());
        round.put("menuId", org.menuId());
        round.put("menuRevisionId", org.menuRevisionId());
        round.put("lines", lines);
        return round;
    }

    /** Fires a round as the till does (the org's own client); its ticket id. */
    String fire(Map<String, Object> round) throws Exception {
        String body = send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId()
                + "/kitchen/rounds")).header("Authorization", "Bearer " + tillToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(round))), 201);
        return Json.mapper().readTree(body).get("ticketId").asText();
    }

    void voidLine(String checkId, String lineId, String reason) throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/kitchen/voids"))
                .header("Authorization", "Bearer " + tillToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(Map.of(
                        "operationId", UUID.randomUUID().toString(), "checkId", checkId, "lineId", lineId,
                        "reason", reason)))), 200);
    }

    String get(String relative) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/" + relative))
                .header("Authorization", "Bearer " + kitchenToken).GET(), 200);
    }

    void post(String relative, String json) throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/backoffice/v1/orgs/" + org.orgId() + "/" + relative))
                .header("Authorization", "Bearer " + kitchenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }

    static Map<String, Object> mod(String id, String price) {
        return line(id, 1, price, null);
    }

    @SafeVarargs
    static Map<String, Object> line(String id, int qty, String price, String notes, Map<String, Object>... mods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("menuItemId", id);
        m.put("quantity", qty);
        m.put("unitPrice", new BigDecimal(price));
        if (notes != null) {
            m.put("notes", notes);
        }
        m.put("modifierItems", List.of(mods));
        return m;
    }
}
