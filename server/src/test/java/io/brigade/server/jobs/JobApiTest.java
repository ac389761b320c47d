package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.billing.BillingRepository;
import io.brigade.server.org.Plan;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobApiTest {

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static int jobCount(ApiClient api, String orgId) {
        ApiClient.Response r = api.get(Jobs.path(orgId));
        assertEquals(200, r.status(), r.body());
        return r.json().get("data").size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void unknownJobTypeIsRefusedWith400AndNothingIsQueued(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        ApiClient.Response r = Jobs.start(t.api(), t.ids().orgId(), "make-coffee", Map.of());
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(List.of("type"), fields(r.json()));
        assertTrue(r.json().get("detail").asText().contains("analytics-export"), r.body());
        assertEquals(0, jobCount(t.api(), t.ids().orgId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void badParametersAreRefusedWith422NamingEachFieldAndNothingIsQueued(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        ApiClient.Response export = Jobs.start(t.api(), org, "analytics-export",
                Map.of("fromDate", "2026-02-01", "toDate", "2026-01-01", "colour", "red"));
        assertEquals(422, export.status(), export.body());
        assertEquals(List.of("parameters.colour", "parameters.toDate"), fields(export.json()).stream().sorted().toList());

        ApiClient.Response bulk = Jobs.start(t.api(), org, "bulk-meal-update", Map.of("menuId", t.ids().menuId(),
                "changes", List.of(Map.of("menuItemId", "no-such-item", "price", 3), Map.of("menuItemId",
                        t.ids().menuItemIds().get(0), "price", -1))));
        assertEquals(422, bulk.status(), bulk.body());
        assertEquals(List.of("parameters.changes[0].menuItemId", "parameters.changes[1].price"), fields(bulk.json()));
        Map<String, Object> noOp = new java.util.HashMap<>();
        noOp.put("menuItemId", t.ids().menuItemIds().get(0));
        noOp.put("price", null);
        ApiClient.Response nothing = Jobs.start(t.api(), org, "bulk-meal-update", Map.of("menuId", t.ids().menuId(),
                "changes", List.of(noOp)));
        assertEquals(422, nothing.status(), "a change that sets nothing is refused: " + nothing.body());
        assertEquals(List.of("parameters.changes[0]"), fields(nothing.json()));

        ApiClient.Response gdpr = Jobs.start(t.api(), org, "gdpr-shop-deletion", Map.of());
        assertEquals(422, gdpr.status(), gdpr.body());
        assertEquals(List.of("parameters.propertyId"), fields(gdpr.json()));

        ApiClient.Response notAnObject = t.api().post(Jobs.path(org), "{\"type\":\"product-sync-all\",\"parameters\":[1]}");
        assertEquals(400, notAnObject.status(), notAnObject.body());
        assertEquals(0, jobCount(t.api(), org));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void unreadableOrWrongHeaderedCsvIsRefusedWith422(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        for (String csv : List.of("item,energyKcal\n\"unclosed,1\n", "product,energyKcal\nx,1\n",
                "item,energyKcal,colour\nx,1,red\n", "item,energyKcal\n")) {
            ApiClient.Response r = Jobs.start(t.api(), org, "bulk-nutrition-import",
                    Map.of("menuId", t.ids().menuId(), "csv", csv));
            assertEquals(422, r.status(), csv + " -> " + r.body());
            assertEquals(List.of("parameters.csv"), fields(r.json()), r.body());
        }
        assertEquals(0, jobCount(t.api(), org));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void freePlanIsRefusedWith403NamingTheUpgrade(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        server.database().inTransaction(c -> {
            new BillingRepository().apply(c, t.ids().orgId(), Plan.FREE, null);
            return null;
        });
        ApiClient.Response start = Jobs.start(t.api(), t.ids().orgId(), "product-sync-all", Map.of());
        assertEquals(403, start.status(), start.body());
        assertTrue(start.json().get("detail").asText().contains("Professional"), start.body());
        assertEquals(403, t.api().get(Jobs.path(t.ids().orgId())).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void apiKeyCannotUseTheJobDashboardAndOtherOrgsJobsAre404(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        TestServer.Tenant other = server.newTenant();
        ApiClient keyed = new ApiClient(server.server().uri()).with("Authorization", "Bearer " + t.ids().apiKey());
        assertEquals(403, keyed.get(Jobs.path(t.ids().orgId())).status());
        JsonNode job = Jobs.run(t.api(), t.ids().orgId(), "product-sync-all", Map.of());
        assertEquals(404, other.api().get(Jobs.path(t.ids().orgId()) + "/" + job.get("jobId").asText()).status());
        assertEquals(404, other.api().get(Jobs.path(other.ids().orgId()) + "/" + job.get("jobId").asText()).status());
        assertEquals(404, other.api().post(Jobs.path(other.ids().orgId()) + "/" + job.get("jobId").asText()
                + "/cancel", Map.of()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void delayedJobCanBeCancelledAndThenNeverRuns(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        ApiClient.Response r = t.api().post(Jobs.path(org), Map.of("type", "bulk-meal-update", "delaySeconds", 3600,
                "parameters", Map.of("menuId", t.ids().menuId(), "changes",
                        List.of(Map.of("menuItemId", t.ids().menuItemIds().get(0), "price", 99)))));
        assertEquals(202, r.status(), r.body());
        String jobId = r.json().get("jobId").asText();
        assertEquals("delayed", r.json().get("status").asText());
        assertEquals(Jobs.path(org) + "/" + jobId, r.header("Location"));

        ApiClient.Response cancelled = t.api().post(Jobs.path(org) + "/" + jobId + "/cancel", Map.of());
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().get("status").asText());
        ApiClient.Response again = t.api().post(Jobs.path(org) + "/" + jobId + "/cancel", Map.of());
        assertEquals(409, again.status(), again.body());
        assertEquals(0, Jobs.count(TestServer.of(db).database(),
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", jobId),
                "the queue entry of a cancelled job is gone");
        // Nothing ran: the menu still has only its first revision.
        assertEquals(404, t.api().get("/menuManagement/orgs/" + org + "/menus/" + t.ids().menuId() + "/revisions/2")
                .status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void waitingJobCanBeCancelledButAFinishedOneAnswers409(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        JsonNode done = Jobs.run(t.api(), org, "product-sync-all", Map.of());
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        ApiClient.Response r = t.api().post(Jobs.path(org) + "/" + done.get("jobId").asText() + "/cancel", Map.of());
        assertEquals(409, r.status(), r.body());
        assertTrue(r.json().get("detail").asText().contains("completed"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void listFiltersByStatusAndTypeAndRefusesUnknownFilters(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        Jobs.run(t.api(), org, "product-sync-all", Map.of());
        ApiClient.Response delayed = t.api().post(Jobs.path(org), Map.of("type", "subscription-process",
                "delaySeconds", 600, "parameters", Map.of()));
        assertEquals(202, delayed.status(), delayed.body());
        JsonNode onlyDelayed = t.api().get(Jobs.path(org) + "?status=delayed").json().get("data");
        assertEquals(1, onlyDelayed.size());
        assertEquals("subscription-process", onlyDelayed.get(0).get("type").asText());
        JsonNode sync = t.api().get(Jobs.path(org) + "?type=product-sync-all&status=completed").json().get("data");
        assertEquals(1, sync.size());
        assertEquals(400, t.api().get(Jobs.path(org) + "?status=sleeping").status());
        assertEquals(400, t.api().get(Jobs.path(org) + "?type=nap").status());
        assertEquals(400, t.api().get(Jobs.path(org) + "?limit=0").status());
        assertEquals(200, t.api().post(Jobs.path(org) + "/" + delayed.json().get("jobId").asText() + "/cancel",
                Map.of()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void webhookRetriesCompletesAndReportsWhatItRequeued(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        JsonNode job = Jobs.run(t.api(), t.ids().orgId(), "webhook-retries", Map.of());
        assertEquals("completed", job.get("status").asText(), job.toString());
        assertEquals(0, job.get("result").get("deliveriesRequeued").asInt(), "an org without failing hooks");
        assertEquals(422, Jobs.start(t.api(), t.ids().orgId(), "webhook-retries", Map.of("orgId", "x")).status(),
                "it takes no parameters");
    }
}
