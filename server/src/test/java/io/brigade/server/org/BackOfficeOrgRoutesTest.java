package io.brigade.server.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The back office's read-only properties and sales channels, for the dashboard's filters. */
class BackOfficeOrgRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void managerReadsTheOrgsPropertiesAndEveryChannelOfThem(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = "/backoffice/v1/orgs/" + t.ids().orgId();
        ApiClient.Response added = t.api().post("/orgManagement/orgs/" + t.ids().orgId() + "/properties/"
                + t.ids().propertyId() + "/salesChannels", Map.of("brandId", t.ids().brandId(), "name", "Web shop",
                "salesChannelType", "FlipdishWebApp", "dispatchTypes", List.of("Delivery")));
        assertEquals(201, added.status(), added.body());
        ApiClient manager = session(t, t.ids().managerPin());

        ApiClient.Response properties = manager.get(org + "/properties");
        assertEquals(200, properties.status(), properties.body());
        JsonNode property = properties.json().get("data").get(0);
        assertEquals(1, properties.json().get("data").size());
        assertEquals(t.ids().propertyId(), property.get("propertyId").asText());
        assertEquals("EUR", property.get("currency").asText());
        assertEquals("Europe/Dublin", property.get("timeZone").asText());

        ApiClient.Response channels = manager.get(org + "/salesChannels");
        assertEquals(200, channels.status(), channels.body());
        List<String> names = new ArrayList<>();
        channels.json().get("data").forEach(c -> {
            names.add(c.get("name").asText());
            assertEquals(t.ids().propertyId(), c.get("propertyId").asText());
        });
        assertEquals(List.of("Front counter till", "Web shop"), names);
        assertEquals(200, t.api().get(org + "/salesChannels").status(), "the org's own client may read too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void channelsOfEveryPropertyComeGroupedByPropertyAndNoOtherOrgsChannel(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        TestServer.Tenant other = server.newTenant();
        String orgApi = "/orgManagement/orgs/" + t.ids().orgId();
        ApiClient.Response property = t.api().post(orgApi + "/properties", Map.of("name", "Harbour Road",
                "timeZone", "America/New_York", "currency", "USD", "countryCode", "US"));
        assertEquals(201, property.status(), property.body());
        String second = property.json().get("data").get("propertyId").asText();
        assertEquals(201, t.api().post(orgApi + "/properties/" + second + "/salesChannels",
                Map.of("name", "Kiosk", "salesChannelType", "KIOSK")).status());
        assertEquals(201, t.api().post(orgApi + "/properties/" + t.ids().propertyId() + "/salesChannels",
                Map.of("brandId", t.ids().brandId(), "name", "Web shop", "salesChannelType", "FlipdishWebApp",
                        "dispatchTypes", List.of("Delivery"))).status());

        ApiClient.Response channels = session(t, t.ids().managerPin())
                .get("/backoffice/v1/orgs/" + t.ids().orgId() + "/salesChannels");
        assertEquals(200, channels.status(), channels.body());
        List<String> seen = new ArrayList<>();
        channels.json().get("data").forEach(c -> seen.add(c.get("propertyId").asText() + "/"
                + c.get("name").asText()));
        // The first property's channels (the web shop was added after the kiosk), then the second's.
        assertEquals(List.of(t.ids().propertyId() + "/Front counter till", t.ids().propertyId() + "/Web shop",
                second + "/Kiosk"), seen, "and nothing of " + other.ids().orgId());
    }

    @Test
    void cashiersApiKeysAndOtherOrgsAreRefused() {
        TestServer server = TestServer.of("h2");
        TestServer.Tenant t = server.newTenant();
        new DemoBootstrap(server.database(), Clock.systemUTC()).addDemoStaff(t.ids().orgId());
        String org = "/backoffice/v1/orgs/" + t.ids().orgId();

        ApiClient.Response cashier = session(t, "1111").get(org + "/properties");
        assertEquals(403, cashier.status(), cashier.body());
        assertEquals(403, session(t, "2222").get(org + "/salesChannels").status(), "kitchen staff do not manage");
        assertEquals(403, new ApiClient(t.api().base()).with("Authorization", "Bearer " + t.ids().apiKey())
                .get(org + "/properties").status(), "an API key cannot read the back office");
        assertEquals(401, new ApiClient(t.api().base()).get(org + "/properties").status());

        TestServer.Tenant other = server.newTenant();
        ApiClient.Response foreign = session(t, "9999").get("/backoffice/v1/orgs/" + other.ids().orgId()
                + "/salesChannels");
        assertEquals(404, foreign.status(), foreign.body());
    }

    private static ApiClient session(TestServer.Tenant t, String pin) {
        ApiClient.Response r = new ApiClient(t.api().base()).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", pin));
        assertEquals(201, r.status(), r.body());
        return new ApiClient(t.api().base()).with("Authorization", "Bearer " + r.json().get("token").asText());
    }
}
