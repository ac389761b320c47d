package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Test helpers for the job API: start a job, wait for it to finish, push sales to work on. */
public final class Jobs {
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private Jobs() {
    }

    public static String path(String orgId) {
        return "/backoffice/v1/orgs/" + orgId + "/jobs";
    }

    static ApiClient.Response start(ApiClient api, String orgId, String type, Map<String, ?> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("parameters", parameters);
        return api.post(path(orgId), body);
    }

    /** Starts a job that must be accepted, and waits until it has finished. */
    public static JsonNode run(ApiClient api, String orgId, String type, Map<String, ?> parameters) {
        ApiClient.Response r = start(api, orgId, type, parameters);
        assertEquals(202, r.status(), r.body());
        return awaitFinished(api, orgId, r.json().get("jobId").asText());
    }

    /** Polls the job until it is completed, failed or cancelled (an outcome, not a timing). */
    static JsonNode awaitFinished(ApiClient api, String orgId, String jobId) {
        return await(api, orgId, jobId, j -> FINISHED.contains(j.get("status").asText()));
    }

    static JsonNode await(ApiClient api, String orgId, String jobId, java.util.function.Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response r = api.get(path(orgId) + "/" + jobId);
            assertEquals(200, r.status(), r.body());
            job = r.json();
            if (until.test(job)) {
                return job;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        fail("job " + jobId + " did not get there in 60 s; last seen " + job);
        return null;
    }

    /**
     * A DineIn sale with a pizza and a topping (modifier), a service charge, a discount, a card payment
     * and a named customer: 13.99 + 1.50 + 1.55 - 1.00 = 16.04.
     */
    static Map<String, Object> richSale(DemoBootstrap.Result ids, String time, String customerEmail) {
        Map<String, Object> sale = Sales.simple(ids, time, "16.04");
        sale.put("items", List.of(Sales.item(ids.menuItemIds().get(1), 1, "13.99",
                List.of(Sales.item(ids.modifierItemIds().get(0), 1, "1.50", List.of())))));
        sale.put("charges", List.of(Map.of("type", "Service", "amount", 1.55)));
        sale.put("discounts", List.of(Map.of("type", "Spot", "amount", 1.00, "code", "SPRING")));
        sale.put("payments", List.of(Sales.payment("Sale", "Credit", "16.04", time)));
        sale.put("dispatchType", "DineIn");
        sale.put("dineIn", Map.of("tableId", "12", "guests", 2));
        sale.put("customer", Map.of("name", "John Smith", "phoneNumber", "+353871234567",
                "emailAddress", customerEmail));
        sale.put("externalId", "ext-" + UUID.randomUUID());
        sale.put("metadata", "{\"note\":\"ring John on arrival\"}");
        return sale;
    }

    /** A COUNT(*) query, for checking stored effects directly. */
    static int count(io.brigade.server.db.Database database, String sql, Object... args) {
        return database.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                io.brigade.server.db.Sql.bind(ps, args);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    static String push(ApiClient api, String orgId, Map<String, Object> sale) {
        ApiClient.Response r = api.post("/salesManagement/orgs/" + orgId + "/sales", sale, "x-idempotency-key",
                UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }
}
