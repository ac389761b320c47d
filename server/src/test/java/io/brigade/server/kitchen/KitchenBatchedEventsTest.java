package io.brigade.server.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sales that share a group commit number their ticket-created events together, and still one each, in order. */
class KitchenBatchedEventsTest {
    private static final int SALES = 48;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void salesCommittedTogetherGetOneEventEachNumberedWithoutGaps(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant tenant = server.newTenant();
        TestServer.Tenant other = server.newTenant();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        Set<String> saleIds = new HashSet<>();
        try {
            List<Future<String>> pushes = new ArrayList<>();
            for (int i = 0; i < SALES; i++) {
                // Two orgs in the same batches: each keeps its own numbering.
                TestServer.Tenant t = i % 3 == 0 ? other : tenant;
                pushes.add(clients.submit(() -> push(t)));
            }
            for (int i = 0; i < SALES; i++) {
                String saleId = pushes.get(i).get();
                if (i % 3 != 0) {
                    saleIds.add(saleId);
                }
            }
        } finally {
            clients.shutdown();
        }

        List<String[]> events = server.database().read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, ticket_id, type FROM kitchen_events WHERE org_id = ? ORDER BY seq")) {
                ps.setString(1, tenant.ids().orgId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return out;
        });
        assertEquals(saleIds.size(), events.size());
        Set<String> announced = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(Long.toString(i + 1), events.get(i)[0], "numbers run 1, 2, 3 … without gaps");
            assertEquals(KitchenEvent.TICKET_CREATED, events.get(i)[2]);
            announced.add(events.get(i)[1]);
        }
        assertEquals(saleIds, announced);
    }

    private static String push(TestServer.Tenant t) {
        Map<String, Object> sale = Sales.simple(t.ids(), Instant.now().toString(), "2.50");
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }
}
