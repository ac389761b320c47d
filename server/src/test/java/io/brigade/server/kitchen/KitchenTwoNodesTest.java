package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.SseClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two server nodes on one database: sales and a bump on node A reach a display streaming from node B (which
 * hears nothing locally and finds them by polling), in order, once each.
 */
class KitchenTwoNodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDisplayOnAnotherNodeGetsEveryEventOnceInOrder(String db) throws Exception {
        String url = TestDatabases.freshUrl(db);
        Database databaseA = Database.open(url, TestDatabases.user(db), null);
        Database databaseB = Database.open(url, TestDatabases.user(db), null);
        try (BrigadeServer a = BrigadeServer.create(0, databaseA, Clock.systemUTC(),
                     new BrigadeServer.Options(false, SecretBox.random(), false)).start();
             BrigadeServer b = BrigadeServer.create(0, databaseB, Clock.systemUTC(),
                     new BrigadeServer.Options(false, SecretBox.random(), false)).start()) {
            DemoBootstrap demo = new DemoBootstrap(databaseA, Clock.systemUTC());
            DemoBootstrap.Result org = demo.run("Two Node Kitchen");
            demo.addDemoStaff(org.orgId());
            ApiClient tillOnA = new ApiClient(a.uri()).withToken(org.clientId(), org.clientSecret());
            String token = new ApiClient(b.uri()).post("/backoffice/v1/sessions",
                    Map.of("orgId", org.orgId(), "pin", "2222")).json().get("token").asText();
            URI streamOnB = URI.create(b.uri() + "/backoffice/v1/orgs/" + org.orgId() + "/kitchen/stream?propertyId="
                    + org.propertyId());
            try (SseClient stream = new SseClient(streamOnB, token, null)) {
                assertEquals("snapshot", stream.next(Duration.ofSeconds(10)).event());
                List<String> sold = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ApiClient.Response r = tillOnA.post("/salesManagement/orgs/" + org.orgId() + "/sales",
                            Sales.simple(org, Instant.now().toString(), "2.50"), "x-idempotency-key",
                            UUID.randomUUID().toString());
                    assertEquals(201, r.status(), r.body());
                    sold.add(r.json().get("saleId").asText());
                }
                ApiClient kitchenOnA = new ApiClient(a.uri()).with("Authorization", "Bearer " + token);
                assertEquals(200, kitchenOnA.post("/backoffice/v1/orgs/" + org.orgId() + "/kitchen/tickets/"
                        + sold.get(0) + "/stations/kitchen/bump", Map.of()).status());

                List<SseClient.Event> got = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    got.add(stream.next(Duration.ofSeconds(10)));
                }
                List<String> expected = new ArrayList<>(sold);
                expected.add(sold.get(0));
                assertEquals(expected, got.stream().map(e -> e.data().replaceAll(".*\"ticketId\":\"([^\"]+)\".*", "$1"))
                        .toList());
                assertEquals("ticket-updated", got.get(5).event());
                for (int i = 1; i < got.size(); i++) {
                    assertTrue(Long.parseLong(got.get(i).id()) == Long.parseLong(got.get(i - 1).id()) + 1,
                            "consecutive cursors: " + got);
                }
                ApiClient.Response marker = tillOnA.post("/salesManagement/orgs/" + org.orgId() + "/sales",
                        Sales.simple(org, Instant.now().toString(), "2.50"), "x-idempotency-key",
                        UUID.randomUUID().toString());
                SseClient.Event next = stream.next(Duration.ofSeconds(10));
                assertTrue(next.data().contains(marker.json().get("saleId").asText()),
                        "the next event is the next sale's: nothing came twice");
            }
        }
    }
}
