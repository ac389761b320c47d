package io.brigade.server.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and addresses of the org tree fit their columns: the longest is stored, a longer one refused with 422. */
class StorableOrgNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLimitsAreTheColumnsSizes(String db) {
        var database = TestServer.of(db).database();
        assertEquals(OrgService.NAME, TestDatabases.columnSize(database, "brands.name"));
        assertEquals(OrgService.NAME, TestDatabases.columnSize(database, "properties.name"));
        assertEquals(OrgService.NAME, TestDatabases.columnSize(database, "sales_channels.name"));
        assertEquals(OrgService.ADDRESS, TestDatabases.columnSize(database, "properties.address"));
        assertEquals(OrgService.TIME_ZONE, TestDatabases.columnSize(database, "properties.time_zone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLongestNamesAndAddressAreStored(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = "/orgManagement/orgs/" + t.ids().orgId();
        assertEquals(201, t.api().post(org + "/brands", Map.of("name", "b".repeat(OrgService.NAME))).status());
        ApiClient.Response property = t.api().post(org + "/properties", Map.of("name", "p".repeat(OrgService.NAME),
                "address", "a".repeat(OrgService.ADDRESS)));
        assertEquals(201, property.status(), property.body());
        ApiClient.Response channel = t.api().post(org + "/properties/" + t.ids().propertyId() + "/salesChannels",
                Map.of("name", "c".repeat(OrgService.NAME), "salesChannelType", "KIOSK", "brandId", t.ids().brandId()));
        assertEquals(201, channel.status(), channel.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLongerNameOrAddressIsRefusedNamingTheField(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = "/orgManagement/orgs/" + t.ids().orgId();
        assertRefused(t.api().post(org + "/brands", Map.of("name", "b".repeat(OrgService.NAME + 1))), "name");
        assertRefused(t.api().post(org + "/properties", Map.of("name", "p".repeat(OrgService.NAME + 1))), "name");
        assertRefused(t.api().post(org + "/properties", Map.of("name", "Docklands",
                "address", "a".repeat(OrgService.ADDRESS + 1))), "address");
        Map<String, Object> channel = new HashMap<>(Map.of("name", "c".repeat(OrgService.NAME + 1),
                "salesChannelType", "KIOSK", "brandId", t.ids().brandId()));
        assertRefused(t.api().post(org + "/properties/" + t.ids().propertyId() + "/salesChannels", channel), "name");
    }

    private static void assertRefused(ApiClient.Response r, String field) {
        assertEquals(422, r.status(), r.body());
        assertTrue(r.json().path("errors").findValuesAsText("field").contains(field), r.body());
    }
}
