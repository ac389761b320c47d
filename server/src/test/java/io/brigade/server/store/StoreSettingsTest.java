package io.brigade.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A store's settings and printers: kept on the store server, read by every screen, changed by managers only. */
class StoreSettingsTest {
    private static final String PNG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r',
            '\n', 0x1a, '\n', 0, 0, 0, 13});

    private record Store(TestServer server, TestServer.Tenant t, String settings, String printers) {
        ApiClient staff(String pin) {
            ApiClient.Response r = new ApiClient(server.server().uri()).post("/backoffice/v1/sessions",
                    Map.of("orgId", t.ids().orgId(), "pin", pin));
            assertEquals(201, r.status(), r.body());
            return new ApiClient(server.server().uri()).with("Authorization", "Bearer " + r.json().get("token").asText());
        }
    }

    private static Store store(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        DemoBootstrap demo = new DemoBootstrap(server.database(), Clock.systemUTC());
        demo.addDemoStaff(t.ids().orgId());
        demo.addDemoStations(t.ids());
        String base = "/backoffice/v1/orgs/" + t.ids().orgId() + "/store/";
        String query = "?propertyId=" + t.ids().propertyId();
        return new Store(server, t, base + "settings" + query, base + "printers" + query);
    }

    private static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("restaurantName", "Zur Goldenen Gans");
        s.put("address", "Hauptstraße 1\n10115 Berlin");
        s.put("taxNumber", "DE123456789");
        s.put("phone", "+49 30 1234567");
        s.put("currency", "EUR");
        s.put("locale", "de-DE");
        s.put("receiptHeader", "Willkommen!");
        s.put("receiptFooter", "Danke für Ihren Besuch");
        s.put("logoPng", PNG);
        return s;
    }

    private static Map<String, Object> printer(String name, String address) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("connection", "NETWORK");
        p.put("address", address);
        p.put("paperWidth", 80);
        p.put("codePage", "CP858_Euro");
        p.put("stationIds", List.of("grill"));
        p.put("drawer", Map.of("pin", 2, "onMs", 100, "offMs", 200));
        return p;
    }

    @Test
    void aStoreThatNeverSavedItsSettingsReadsItsPropertysNameAndCurrency() {
        Store s = store("h2");
        JsonNode read = s.staff("2222").get(s.settings()).json();
        assertTrue(read.get("restaurantName").asText().startsWith("Test Bistro"), read.toString());
        assertEquals(s.t().ids().propertyId(), read.get("propertyId").asText());
        assertTrue(read.get("currency").asText().matches("[A-Z]{3}"), read.toString());
        assertTrue(!read.hasNonNull("updatedAt"), "defaults were never saved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aManagersSettingsAreWhatEveryScreenOfTheStoreReads(String db) throws Exception {
        Store s = store(db);
        ApiClient.Response put = s.staff("9999").send("PUT", s.settings(),
                Json.mapper().writeValueAsString(settings()));
        assertEquals(200, put.status(), put.body());

        for (ApiClient reader : List.of(s.staff("1111"), s.staff("2222"), s.t().api())) {
            JsonNode read = reader.get(s.settings()).json();
            assertEquals("Zur Goldenen Gans", read.get("restaurantName").asText());
            assertEquals("Hauptstraße 1\n10115 Berlin", read.get("address").asText());
            assertEquals("DE123456789", read.get("taxNumber").asText());
            assertEquals("de-DE", read.get("locale").asText());
            assertEquals("Danke für Ihren Besuch", read.get("receiptFooter").asText());
            assertEquals(PNG, read.get("logoPng").asText());
            assertTrue(read.hasNonNull("updatedAt"));
        }
    }

    @Test
    void aDeviceThatHoldsTheSettingsIsToldTheyAreUnchangedWithoutTheirLogo() throws Exception {
        Store s = store("h2");
        ApiClient manager = s.staff("9999");
        assertEquals(200, manager.send("PUT", s.settings(), Json.mapper().writeValueAsString(settings())).status());
        String tag = s.t().api().get(s.settings()).header("ETag");
        assertTrue(tag != null && tag.startsWith("\""), "a strong ETag: " + tag);

        ApiClient.Response unchanged = s.t().api().with("If-None-Match", tag).get(s.settings());

        assertEquals(304, unchanged.status());
        assertEquals("", unchanged.body(), "no logo sent again");
    }

    @Test
    void settingsChangedSinceADevicesCopyAreSentWhole() throws Exception {
        Store s = store("h2");
        ApiClient manager = s.staff("9999");
        assertEquals(200, manager.send("PUT", s.settings(), Json.mapper().writeValueAsString(settings())).status());
        String tag = s.t().api().get(s.settings()).header("ETag");
        Map<String, Object> next = settings();
        next.put("phone", "+49 30 7654321");
        assertEquals(200, manager.send("PUT", s.settings(), Json.mapper().writeValueAsString(next)).status());

        ApiClient.Response changed = s.t().api().with("If-None-Match", tag).get(s.settings());

        assertEquals(200, changed.status());
        assertEquals("+49 30 7654321", changed.json().get("phone").asText());
        assertEquals(PNG, changed.json().get("logoPng").asText());
        assertTrue(!tag.equals(changed.header("ETag")), "a new ETag");
    }

    @Test
    void aCashierCannotChangeTheSettings() throws Exception {
        Store s = store("h2");
        ApiClient.Response put = s.staff("1111").send("PUT", s.settings(),
                Json.mapper().writeValueAsString(settings()));
        assertEquals(403, put.status(), put.body());
        assertTrue(!s.t().api().get(s.settings()).json().hasNonNull("updatedAt"), "nothing was saved");
    }

    @Test
    void anotherOrgCannotReadTheSettings() {
        Store s = store("h2");
        TestServer.Tenant other = s.server().newTenant();
        ApiClient.Response read = other.api().get(s.settings());
        assertTrue(read.status() == 403 || read.status() == 404, read.status() + " " + read.body());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "restaurantName|''|restaurantName",
            "restaurantName|null|restaurantName",
            "currency|EURO|currency",
            "currency|null|currency",
            "locale|12-!|locale",
            "locale|null|locale",
            "logoPng|bm90IGEgcG5n|logoPng",
            "logoPng|%%%|logoPng",
            "logoPng|BIG|logoPng",
            "propertyId|pOther|propertyId",
            "receiptFooter|LONG|receiptFooter"})
    void badSettingsAreRefusedAndChangeNothing(String field, String value, String named) throws Exception {
        Store s = store("h2");
        ApiClient manager = s.staff("9999");
        assertEquals(200, manager.send("PUT", s.settings(), Json.mapper().writeValueAsString(settings())).status());
        String before = s.t().api().get(s.settings()).body();
        Map<String, Object> bad = settings();
        bad.put(field, switch (value) {
            case "null" -> null;
            case "BIG" -> Base64.getEncoder().encodeToString(new byte[70_000]);
            case "LONG" -> "x".repeat(501);
            default -> value;
        });

        ApiClient.Response put = manager.send("PUT", s.settings(), Json.mapper().writeValueAsString(bad));

        assertEquals(400, put.status(), put.body());
        assertTrue(put.body().contains("\"" + named + "\""), put.body());
        assertEquals(before, s.t().api().get(s.settings()).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void printersKeepTheirIdsWhenTheManagerEditsThem(String db) throws Exception {
        Store s = store(db);
        ApiClient manager = s.staff("9999");
        ApiClient.Response first = manager.send("PUT", s.printers(), Json.mapper().writeValueAsString(
                Map.of("printers", List.of(printer("Grill", "10.0.0.20"), printer("Counter", "counter.local:9101")))));
        assertEquals(200, first.status(), first.body());
        String grillId = first.json().get("printers").get(0).get("printerId").asText();

        Map<String, Object> renamed = printer("Grill (left)", "10.0.0.21");
        renamed.put("printerId", grillId);
        renamed.put("drawer", null);
        ApiClient.Response second = manager.send("PUT", s.printers(), Json.mapper().writeValueAsString(
                Map.of("printers", List.of(renamed))));
        assertEquals(200, second.status(), second.body());

        JsonNode read = s.staff("1111").get(s.printers()).json().get("printers");
        assertEquals(1, read.size(), read.toString());
        assertEquals(grillId, read.get(0).get("printerId").asText());
        assertEquals("Grill (left)", read.get(0).get("name").asText());
        assertEquals("10.0.0.21", read.get(0).get("address").asText());
        assertEquals(List.of("grill"), List.of(read.get(0).get("stationIds").get(0).asText()));
        assertTrue(!read.get(0).hasNonNull("drawer"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "paperWidth|70|paperWidth",
            "codePage|UTF8|codePage",
            "connection|USB|connection",
            "address|not a host!|address",
            "address|10.0.0.9:99999|address",
            "stationIds|nowhere|stationIds[0]",
            "drawer|pin3|drawer.pin",
            "drawer|on0|drawer.onMs",
            "name|''|name",
            "name|Grill|name"})
    void badPrintersAreRefusedAndChangeNothing(String field, String value, String named) throws Exception {
        Store s = store("h2");
        ApiClient manager = s.staff("9999");
        assertEquals(200, manager.send("PUT", s.printers(), Json.mapper().writeValueAsString(
                Map.of("printers", List.of(printer("Grill", "10.0.0.20"))))).status());
        String before = s.t().api().get(s.printers()).body();
        Map<String, Object> bad = printer("Bar", "10.0.0.30");
        bad.put(field, switch (value) {
            case "70" -> 70;
            case "nowhere" -> List.of("nowhere");
            case "pin3" -> Map.of("pin", 3, "onMs", 100, "offMs", 200);
            case "on0" -> Map.of("pin", 2, "onMs", 0, "offMs", 200);
            default -> value;
        });

        ApiClient.Response put = manager.send("PUT", s.printers(), Json.mapper().writeValueAsString(
                Map.of("printers", List.of(printer("Grill", "10.0.0.20"), bad))));

        assertEquals(400, put.status(), put.body());
        assertTrue(put.body().contains("printers[1]." + named), put.body());
        assertEquals(before, s.t().api().get(s.printers()).body());
    }
}
