package io.brigade.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.SseClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A manager draws the store's floor; every till hears of it on the floor stream. */
class FloorPlanTest {

    private static Map<String, Object> table(String name, String shape, int seats, int x, int y) {
        return Map.of("table", name, "shape", shape, "seats", seats, "x", x, "y", y);
    }

    private static String session(CheckFixture f, String pin) {
        return new ApiClient(f.server.server().uri()).post("/backoffice/v1/sessions",
                Map.of("orgId", f.org, "pin", pin)).json().get("token").asText();
    }

    @Test
    void aManagersFloorPlanReachesTheTillsAtOnce() throws Exception {
        CheckFixture f = new CheckFixture("h2");
        String path = "/backoffice/v1/orgs/" + f.org + "/floor?propertyId=" + f.t.ids().propertyId();
        String cashier = session(f, "1111");
        URI stream = URI.create(f.server.server().uri() + "/backoffice/v1/orgs/" + f.org + "/floor/stream?propertyId="
                + f.t.ids().propertyId());
        Map<String, Object> plan = Map.of("areas", List.of(Map.of("name", "Dining room", "tables", List.of(
                table("1", "round", 2, 100, 100), table("2", "square", 4, 300, 100),
                table("3", "rectangle", 6, 500, 100)))));
        try (SseClient till = new SseClient(stream, cashier, null)) {
            assertEquals("snapshot", till.next(Duration.ofSeconds(10)).event());

            ApiClient.Response saved = f.till.send("PUT", path, io.brigade.protocol.Json.mapper()
                    .writeValueAsString(plan));

            assertEquals(200, saved.status(), saved.body());
            SseClient.Event e = till.next(Duration.ofSeconds(10));
            assertEquals("floor-plan", e.event());
            JsonNode heard = io.brigade.protocol.Json.mapper().readTree(e.data());
            assertEquals(3, heard.get("areas").get(0).get("tables").size());
        }
        JsonNode read = new ApiClient(f.server.server().uri()).with("Authorization", "Bearer " + cashier).get(path)
                .json();
        assertEquals("rectangle", read.get("areas").get(0).get("tables").get(2).get("shape").asText());
        assertEquals("area-1", read.get("areas").get(0).get("areaId").asText());
    }

    @Test
    void aPlanWithATableTwiceIsRefusedAndChangesNothing() throws Exception {
        CheckFixture f = new CheckFixture("h2");
        String path = "/backoffice/v1/orgs/" + f.org + "/floor?propertyId=" + f.t.ids().propertyId();
        Map<String, Object> twice = Map.of("areas", List.of(Map.of("name", "Terrace", "tables", List.of(
                table("7", "round", 2, 0, 0), table("7", "round", 2, 900, 900)))));

        ApiClient.Response refused = f.till.send("PUT", path, io.brigade.protocol.Json.mapper()
                .writeValueAsString(twice));

        assertEquals(400, refused.status(), refused.body());
        assertEquals("areas[0].tables[1].table", refused.json().get("errors").get(0).get("field").asText());
        assertEquals(0, f.till.get(path).json().get("areas").size());
    }

    @Test
    void aCashierCannotChangeTheFloor() throws Exception {
        CheckFixture f = new CheckFixture("h2");
        ApiClient cashier = new ApiClient(f.server.server().uri()).with("Authorization", "Bearer "
                + session(f, "1111"));
        ApiClient.Response refused = cashier.send("PUT", "/backoffice/v1/orgs/" + f.org + "/floor?propertyId="
                + f.t.ids().propertyId(), "{\"areas\":[]}");
        assertEquals(403, refused.status(), refused.body());
    }
}
