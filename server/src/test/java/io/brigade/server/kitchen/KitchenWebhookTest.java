package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Bump and recall go through the one sale path, so an integrator hears them as POS status webhooks. */
class KitchenWebhookTest {

    @Test
    void bumpAndRecallFireThePosStatusWebhook() throws Exception {
        Database database = Database.open(TestDatabases.freshUrl("h2"), null, null);
        List<JsonNode> got = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            got.add(Json.mapper().readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(),
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap demo = new DemoBootstrap(database, Clock.systemUTC());
            DemoBootstrap.Result org = demo.run("Webhook Kitchen");
            demo.addDemoStaff(org.orgId());
            ApiClient api = new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
            assertEquals(201, api.post("/webhooks/orgs/" + org.orgId() + "/subscriptions", Map.of(
                    "callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "secret", "kitchen-secret-0123456789abcdef",
                    "eventTypes", List.of("sales.pos.status.updated.v1"))).status());
            ApiClient.Response sale = api.post("/salesManagement/orgs/" + org.orgId() + "/sales",
                    Sales.simple(org, Instant.now().toString(), "2.50"), "x-idempotency-key", UUID.randomUUID().toString());
            assertEquals(201, sale.status(), sale.body());
            String saleId = sale.json().get("saleId").asText();
            String token = new ApiClient(server.uri()).post("/backoffice/v1/sessions",
                    Map.of("orgId", org.orgId(), "pin", "2222")).json().get("token").asText();
            ApiClient kitchen = new ApiClient(server.uri()).with("Authorization", "Bearer " + token);
            String base = "/backoffice/v1/orgs/" + org.orgId() + "/kitchen";

            assertEquals(200, kitchen.post(base + "/tickets/" + saleId + "/stations/kitchen/bump", Map.of()).status());
            assertEquals(200, kitchen.post(base + "/stations/kitchen/recall?propertyId=" + org.propertyId(), Map.of()).status());
            server.dispatcher().drain();

            assertEquals(List.of("sales.pos.status.updated.v1", "sales.pos.status.updated.v1"),
                    got.stream().map(e -> e.get("detail-type").asText()).toList());
            // Deliveries run in parallel, so their arrival order is not the order of the changes.
            assertEquals(List.of("SALE_IN_PREPARATION", "SALE_PREPARED_BY_KITCHEN"), got.stream()
                    .map(e -> statusOf(e.get("detail"))).sorted().toList());
        } finally {
            receiver.stop(0);
        }
    }

    /** The status the event reports, wherever the payload nests it. */
    private static String statusOf(JsonNode detail) {
        JsonNode status = detail.findValue("status");
        return status == null ? detail.toString() : status.asText();
    }
}
