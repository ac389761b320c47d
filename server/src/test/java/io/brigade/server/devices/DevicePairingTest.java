package io.brigade.server.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.devices.Devices;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.network.Listening;
import io.brigade.server.network.StoreAuthority;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.Sales;
import io.brigade.server.support.SseClient;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pairing codes, device credentials, what a device may reach and how each device shows on the wire, on one HTTPS
 * store server.
 */
class DevicePairingTest {
    @TempDir
    static Path dir;
    // Whole milliseconds, as the database keeps times: a snooze made "now" then covers "now" when read back.
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(
            java.time.temporal.ChronoUnit.MILLIS));
    private static Database database;
    private static BrigadeServer server;

    @BeforeAll
    static void start() throws Exception {
        database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null);
        server = BrigadeServer.create(0, database, CLOCK, BrigadeServer.Options.withKeyFile(dir.resolve("master.key"))
                .withListening(Listening.https(StoreAuthority.loadOrCreate(dir.resolve("tls"), CLOCK)))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static TestServer.Tenant tenant() {
        DemoBootstrap.Result ids = new DemoBootstrap(database, CLOCK).run("Device Bistro");
        TestServer.keepBootstrapPin(database, ids.orgId());
        return new TestServer.Tenant(ids, new ApiClient(server.uri()).withToken(ids.clientId(), ids.clientSecret()));
    }

    private static JsonNode code(TestServer.Tenant t, String role) {
        ApiClient.Response r = t.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/pairing-codes",
                Map.of("propertyId", t.ids().propertyId(), "role", role));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static ApiClient.Response pair(String code, String name) {
        return new ApiClient(server.uri()).post("/store/v1/pairings", name == null ? Map.of("code", code)
                : Map.of("code", code, "name", name));
    }

    private static ApiClient device(JsonNode pairing) {
        return new ApiClient(server.uri()).with("Authorization", "Bearer " + pairing.get("credential").asText());
    }

    private static JsonNode paired(TestServer.Tenant t, String role, String name) {
        ApiClient.Response r = pair(code(t, role).get("code").asText(), name);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    @Test
    void aPairingCodeShowsTheFingerprintDevicesWillPin() {
        JsonNode code = code(tenant(), "TILL");
        assertTrue(code.get("code").asText().matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code.toString());
        assertEquals(server.https().orElseThrow().fingerprint(), code.get("fingerprint").asText());
        assertEquals(24, code.get("fingerprintShort").asText().length());
        assertEquals(Duration.ofMinutes(10), Duration.between(CLOCK.instant(),
                Instant.parse(code.get("expiresAt").asText())));
    }

    @Test
    void aPairedTillGetsItsOwnCredentialForItsStore() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", "Bar till");
        assertTrue(pairing.get("credential").asText().startsWith("bdv_"));
        assertEquals(t.ids().orgId(), pairing.get("orgId").asText());
        assertEquals(t.ids().propertyId(), pairing.get("propertyId").asText());
        assertEquals(t.ids().salesChannelId(), pairing.get("salesChannelId").asText());
        assertEquals("TILL", pairing.get("role").asText());
        assertEquals("Bar till", pairing.get("name").asText());
        assertEquals(server.https().orElseThrow().fingerprint(), pairing.get("fingerprint").asText());

        ApiClient till = device(pairing);
        ApiClient.Response sale = till.post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                Sales.simple(t.ids(), CLOCK.instant().toString(), "4.50"), "x-idempotency-key",
                UUID.randomUUID().toString());
        assertEquals(201, sale.status(), sale.body());
        assertEquals(200, till.get("/menuManagement/orgs/" + t.ids().orgId() + "/menus/published").status());
        assertEquals(200, till.get("/backoffice/v1/orgs/" + t.ids().orgId() + "/staff/credentials").status());
    }

    @Test
    void aCodeWorksOnce() {
        String code = code(tenant(), "TILL").get("code").asText();
        assertEquals(201, pair(code, null).status());
        ApiClient.Response again = pair(code, null);
        assertEquals(400, again.status());
        assertTrue(again.body().contains("has been used already"), again.body());
    }

    @Test
    void aWrongCodeIsRefused() {
        code(tenant(), "TILL");
        ApiClient.Response wrong = pair("ZZZZ-ZZZZ", null);
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("not a pairing code of this store"), wrong.body());
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = code(tenant(), "TILL").get("code").asText();
        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        try {
            ApiClient.Response late = pair(code, null);
            assertEquals(400, late.status());
            assertTrue(late.body().contains("has expired"), late.body());
        } finally {
            CLOCK.advance(Duration.ofMinutes(-10).minusSeconds(1));
        }
    }

    @Test
    void aCodeIsReadAsPeopleTypeIt() {
        String code = code(tenant(), "OFFICE").get("code").asText();
        assertEquals(201, pair("  " + code.toLowerCase().replace("-", " ") + " ", null).status());
    }

    @Test
    void tillsOfOneStoreNumberTheirSalesWithPrefixesOfTheirOwn() {
        TestServer.Tenant t = tenant();
        assertEquals("A", paired(t, "TILL", null).get("displayPrefix").asText());
        assertEquals("B", paired(t, "TILL", null).get("displayPrefix").asText());
        assertFalse(paired(t, "KITCHEN_SCREEN", null).hasNonNull("displayPrefix"), "only tills number sales");
    }

    @Test
    void aRevokedDeviceIsRefusedAtOnce() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", null);
        ApiClient till = device(pairing);
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus/published";
        assertEquals(200, till.get(menus).status());
        assertEquals(204, t.api().send("DELETE", "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/"
                + pairing.get("deviceId").asText(), null).status());
        ApiClient.Response refused = till.get(menus);
        assertEquals(403, refused.status());
        assertTrue(refused.json().get("detail").asText().startsWith(Devices.REVOKED), refused.body());
    }

    @Test
    void aRevokedTillHandsInTheSalesItRangBeforeItWasRevoked() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", null);
        String rungOffline = CLOCK.instant().minusSeconds(60).toString();
        t.api().send("DELETE", "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/"
                + pairing.get("deviceId").asText(), null);
        ApiClient till = device(pairing);
        String sales = "/salesManagement/orgs/" + t.ids().orgId() + "/sales";
        assertEquals(201, till.post(sales, Sales.simple(t.ids(), rungOffline, "3.00"), "x-idempotency-key",
                UUID.randomUUID().toString()).status(), "nothing sold is lost");
        assertEquals(201, till.post(sales, Sales.simple(t.ids(), CLOCK.instant().minusSeconds(30).toString(), "3.00"),
                "x-idempotency-key", UUID.randomUUID().toString()).status(), "every queued sale is handed in");
        ApiClient.Response told = till.get("/store/v1/device");
        assertEquals(403, told.status(), "then the till is told it was revoked: " + told.body());
        assertTrue(told.json().get("detail").asText().startsWith(Devices.REVOKED), told.body());
        ApiClient.Response after = till.post(sales, Sales.simple(t.ids(), CLOCK.instant().plusSeconds(1).toString(),
                "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(403, after.status(), "a sale rung after the revocation is refused");
        assertTrue(after.json().get("detail").asText().startsWith(Devices.REVOKED), after.body());
    }

    @Test
    void aRevokedTillHandsInAnOrderForLaterPaidBeforeItWasRevoked() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", null);
        Map<String, Object> preOrder = Sales.simple(t.ids(), CLOCK.instant().minusSeconds(60).toString(), "3.00");
        preOrder.put("requestedFulfillmentTime", CLOCK.instant().plusSeconds(3600).toString());
        preOrder.put("desiredAsap", false);
        t.api().send("DELETE", "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/"
                + pairing.get("deviceId").asText(), null);
        ApiClient.Response handedIn = device(pairing).post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                preOrder, "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, handedIn.status(), "paid before the revocation: " + handedIn.body());
    }

    @Test
    void aDeviceReachesOnlyItsOwnStore() {
        TestServer.Tenant t = tenant();
        ApiClient.Response other = t.api().post("/orgManagement/orgs/" + t.ids().orgId() + "/properties",
                Map.of("name", "Second Street", "address", "2 Second Street", "countryCode", "IE",
                        "timeZone", "Europe/Dublin", "currency", "EUR"));
        assertEquals(201, other.status(), other.body());
        String otherProperty = other.json().get("data").get("propertyId").asText();
        ApiClient kitchen = device(paired(t, "KITCHEN_SCREEN", null));
        String stream = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen/tickets?propertyId=";
        assertEquals(200, kitchen.get(stream + t.ids().propertyId()).status());
        assertEquals(404, kitchen.get(stream + otherProperty).status(), "another store of the same org");
        TestServer.Tenant stranger = tenant();
        assertEquals(404, kitchen.get("/backoffice/v1/orgs/" + stranger.ids().orgId() + "/kitchen/tickets?propertyId="
                + stranger.ids().propertyId()).status(), "another org");
    }

    @Test
    void aKitchenScreenCannotSell() {
        TestServer.Tenant t = tenant();
        ApiClient kitchen = device(paired(t, "KITCHEN_SCREEN", null));
        ApiClient.Response sale = kitchen.post("/salesManagement/orgs/" + t.ids().orgId() + "/sales",
                Sales.simple(t.ids(), CLOCK.instant().toString(), "4.50"), "x-idempotency-key",
                UUID.randomUUID().toString());
        assertEquals(403, sale.status(), sale.body());
    }

    @Test
    void aDeviceCannotManageTheStore() {
        TestServer.Tenant t = tenant();
        ApiClient office = device(paired(t, "OFFICE", null));
        assertEquals(403, office.get("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices").status());
        assertEquals(403, office.get("/backoffice/v1/orgs/" + t.ids().orgId() + "/api-keys").status());
    }

    @Test
    void theDevicesListShowsNameRoleAndLastContactButNoCredential() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "KITCHEN_SCREEN", "Grill screen");
        ApiClient.Response list = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices");
        assertEquals(200, list.status());
        JsonNode d = list.json().get("data").get(0);
        assertEquals("Grill screen", d.get("name").asText());
        assertEquals("KITCHEN_SCREEN", d.get("role").asText());
        assertNotNull(d.get("lastSeenAt").asText());
        assertFalse(list.body().contains(pairing.get("credential").asText()));
        assertFalse(list.body().contains("credential"));
    }

    @Test
    void aManagerRenamesADevice() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", null);
        ApiClient.Response renamed = t.api().send("PATCH", "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/"
                + pairing.get("deviceId").asText(), "{\"name\":\"Terrace till\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Terrace till", renamed.json().get("name").asText());
    }

    @Test
    void staffSignedInOnARevokedDeviceAreSignedOut() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "OFFICE", null);
        ApiClient.Response session = device(pairing).post("/backoffice/v1/sessions",
                Map.of("orgId", t.ids().orgId(), "pin", t.ids().managerPin()));
        assertEquals(201, session.status(), session.body());
        ApiClient manager = new ApiClient(server.uri()).with("Authorization",
                "Bearer " + session.json().get("token").asText());
        String staff = "/backoffice/v1/orgs/" + t.ids().orgId() + "/staff";
        assertEquals(200, manager.get(staff).status());
        t.api().send("DELETE", "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/"
                + pairing.get("deviceId").asText(), null);
        assertEquals(401, manager.get(staff).status());
    }

    /** A second store of the tenant's org with a POS channel the menu is published to; its channel id. */
    private static String secondStore(TestServer.Tenant t) {
        String org = "/orgManagement/orgs/" + t.ids().orgId();
        ApiClient.Response property = t.api().post(org + "/properties", Map.of("name", "Quay Street",
                "address", "3 Quay Street", "countryCode", "IE", "timeZone", "Europe/Dublin", "currency", "EUR"));
        assertEquals(201, property.status(), property.body());
        ApiClient.Response channel = t.api().post(org + "/properties/" + property.json().get("data")
                .get("propertyId").asText() + "/salesChannels", Map.of("name", "Quay till", "salesChannelType", "POS"));
        assertEquals(201, channel.status(), channel.body());
        String channelId = channel.json().get("data").get("salesChannelId").asText();
        ApiClient.Response published = t.api().post("/menuManagement/orgs/" + t.ids().orgId() + "/menus/"
                + t.ids().menuId() + "/revisions/" + t.ids().menuRevisionId() + "/publish",
                Map.of("salesChannelIds", java.util.List.of(t.ids().salesChannelId(), channelId)));
        assertEquals(200, published.status(), published.body());
        return channelId;
    }

    @Test
    void aTillCannotSellOnAnotherStoresChannel() {
        TestServer.Tenant t = tenant();
        String otherChannel = secondStore(t);
        Map<String, Object> sale = Sales.simple(t.ids(), CLOCK.instant().toString(), "4.50");
        sale.put("salesChannelId", otherChannel);
        ApiClient.Response r = device(paired(t, "TILL", null)).post("/salesManagement/orgs/" + t.ids().orgId()
                + "/sales", sale, "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(422, r.status(), r.body());
    }

    @Test
    void aKitchenScreenCannotBumpAnotherStoresTicket() {
        TestServer.Tenant t = tenant();
        Map<String, Object> sale = Sales.simple(t.ids(), CLOCK.instant().toString(), "4.50");
        sale.put("salesChannelId", secondStore(t));
        ApiClient.Response sold = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, sold.status(), sold.body());
        String bump = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen/tickets/"
                + sold.json().get("saleId").asText() + "/stations/kitchen/bump";
        ApiClient.Response refused = device(paired(t, "KITCHEN_SCREEN", null)).post(bump, Map.of());
        assertEquals(404, refused.status(), refused.body());
        assertEquals(200, t.api().post(bump, Map.of()).status(), "the ticket is there for the whole org");
    }

    @Test
    void aTillRecordsAnalyticsEventsOfItsOwnStore() {
        TestServer.Tenant t = tenant();
        ApiClient.Response r = device(paired(t, "TILL", null)).post("/analytics/orgs/" + t.ids().orgId()
                + "/events", Map.of("events", java.util.List.of(event(t.ids().propertyId()))));
        assertEquals(202, r.status(), r.body());
    }

    @Test
    void aTillCannotRecordEventsOfAnotherStore() {
        TestServer.Tenant t = tenant();
        ApiClient.Response r = device(paired(t, "TILL", null)).post("/analytics/orgs/" + t.ids().orgId()
                + "/events", Map.of("events", java.util.List.of(event(t.ids().propertyId()), event("elsewhere"))));
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("events[1].propertyId"), r.body());
    }

    private static Map<String, Object> event(String propertyId) {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "meal_viewed",
                "occurredAt", CLOCK.instant().toString(), "propertyId", propertyId, "menuItemId", "item-1");
    }

    @Test
    void staffSignInFromAnotherComputerNeedsAPairedDevice() throws Exception {
        // A call to the machine's own LAN address arrives from that address, not loopback: another computer.
        java.util.Optional<java.net.InetAddress> lan = io.brigade.server.network.StoreAddresses.addresses().stream()
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(lan.isPresent(), "this machine has no LAN address");
        TestServer.Tenant t = tenant();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .sslContext(io.brigade.protocol.devices.PinnedTrust.context(io.brigade.protocol.devices.PinnedTrust
                        .to(server.https().orElseThrow().fingerprint())))
                .build();
        String body = "{\"orgId\":\"" + t.ids().orgId() + "\",\"pin\":\"" + t.ids().managerPin() + "\"}";
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "https://" + lan.get().getHostAddress() + ":" + server.https().orElseThrow().port()
                                + "/backoffice/v1/sessions")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("paired device"), r.body());
    }

    @Test
    void aServerOnLoopbackOnlyGivesNoPairingCode() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        ApiClient.Response r = t.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/pairing-codes",
                Map.of("propertyId", t.ids().propertyId(), "role", "TILL"));
        assertEquals(409, r.status(), r.body());
        assertTrue(r.body().contains("serve the store"), r.body());
        assertNotEquals(0, r.body().length());
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String sales(TestServer.Tenant t) {
        return "/salesManagement/orgs/" + t.ids().orgId() + "/sales";
    }

    private static ApiClient.Response sell(ApiClient till, TestServer.Tenant t, Map<String, Object> sale) {
        return till.post(sales(t), sale, "x-idempotency-key", UUID.randomUUID().toString());
    }

    private static Map<String, Object> sale(TestServer.Tenant t, String displayId) {
        Map<String, Object> sale = Sales.simple(t.ids(), CLOCK.instant().toString(), "3.00");
        sale.put("displayId", displayId);
        return sale;
    }

    private static JsonNode detail(TestServer.Tenant t, ApiClient.Response sold) {
        return t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId()
                + "/sales/" + sold.json().get("saleId").asText()).json().get("data");
    }

    @Test
    void aTillsSaleNamesTheTillInItsMetadata() throws Exception {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "TILL", "Bar till");
        Map<String, Object> sale = sale(t, "A-0001");
        sale.put("metadata", "{\"posTerminal\":\"Counter\",\"table\":\"7\"}");
        ApiClient.Response sold = sell(device(pairing), t, sale);
        assertEquals(201, sold.status(), sold.body());
        JsonNode metadata = io.brigade.protocol.Json.mapper().readTree(detail(t, sold).get("metadata").asText());
        assertEquals("Bar till", metadata.get("posTerminal").asText(), "the till is who the server paired");
        assertEquals(pairing.get("deviceId").asText(), metadata.get("deviceId").asText());
        assertEquals("7", metadata.get("table").asText(), "the rest of the till's metadata is kept");
    }

    @Test
    void tillsRingingOfflineAtOnceKeepTheirDisplayIdsApart() {
        TestServer.Tenant t = tenant();
        ApiClient counter = device(paired(t, "TILL", "Counter"));
        ApiClient bar = device(paired(t, "TILL", "Bar"));
        // Each numbered its first sale while neither could reach the other nor the server.
        ApiClient.Response fromCounter = sell(counter, t, sale(t, "A-0001"));
        ApiClient.Response fromBar = sell(bar, t, sale(t, "B-0001"));
        assertEquals(201, fromCounter.status(), fromCounter.body());
        assertEquals(201, fromBar.status(), fromBar.body());
        assertEquals("A-0001", detail(t, fromCounter).get("displayId").asText());
        assertEquals("B-0001", detail(t, fromBar).get("displayId").asText());
    }

    @Test
    void aTillsSaleNumberedWithoutItsPrefixIsRefused() {
        TestServer.Tenant t = tenant();
        paired(t, "TILL", "Counter");
        ApiClient bar = device(paired(t, "TILL", "Bar"));
        String key = UUID.randomUUID().toString();
        ApiClient.Response refused = bar.post(sales(t), sale(t, "A-0001"), "x-idempotency-key", key);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"displayId\""), refused.body());
        assertEquals(201, bar.post(sales(t), sale(t, "B-0001"), "x-idempotency-key", key).status(),
                "nothing was stored under the key");
    }

    @Test
    void aTillsSaleWithMetadataThatIsNoObjectIsRefused() {
        TestServer.Tenant t = tenant();
        Map<String, Object> sale = sale(t, "A-0001");
        sale.put("metadata", "till 9");
        ApiClient.Response refused = sell(device(paired(t, "TILL", null)), t, sale);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"metadata\""), refused.body());
    }

    @Test
    void everyKitchenScreenOfTheStoreGetsTheTillsTicket() throws Exception {
        TestServer.Tenant t = tenant();
        String stream = "/backoffice/v1/orgs/" + t.ids().orgId() + "/kitchen/stream?propertyId=" + t.ids().propertyId();
        java.net.URI uri = java.net.URI.create(server.uri() + stream);
        try (SseClient grill = new SseClient(uri, paired(t, "KITCHEN_SCREEN", "Grill").get("credential").asText(), null);
             SseClient pass = new SseClient(uri, paired(t, "KITCHEN_SCREEN", "Pass").get("credential").asText(), null)) {
            assertEquals(200, grill.status);
            assertEquals(200, pass.status);
            assertEquals("snapshot", grill.next(WAIT).event());
            assertEquals("snapshot", pass.next(WAIT).event());
            ApiClient.Response sold = sell(device(paired(t, "TILL", null)), t, sale(t, "A-0007"));
            assertEquals(201, sold.status(), sold.body());
            for (SseClient screen : List.of(grill, pass)) {
                SseClient.Event created = screen.next(WAIT);
                assertEquals("ticket-created", created.event());
                assertTrue(created.data().contains("\"A-0007\""), created.data());
            }
        }
    }

    @Test
    void aTillSeesTheSnoozesAManagerSets() {
        TestServer.Tenant t = tenant();
        String snoozes = "/backoffice/v1/orgs/" + t.ids().orgId() + "/salesChannels/" + t.ids().salesChannelId()
                + "/snoozes";
        String cola = t.ids().menuItemIds().get(8);
        assertEquals(200, t.api().post(snoozes, Map.of("menuItemId", cola, "snoozed", true)).status());
        ApiClient.Response seen = device(paired(t, "TILL", null)).get(snoozes);
        assertEquals(200, seen.status(), seen.body());
        assertTrue(seen.body().contains(cola), seen.body());
    }

    @Test
    void aTillSeesTheRevisionAManagerPublishes() {
        TestServer.Tenant t = tenant();
        ApiClient till = device(paired(t, "TILL", null));
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        ApiClient.Response revision = t.api().send("POST", menus + "/" + t.ids().menuId() + "/revisions", null);
        assertEquals(201, revision.status(), revision.body());
        String next = revision.json().get("revisionId").asText();
        assertEquals(200, t.api().post(menus + "/" + t.ids().menuId() + "/revisions/" + next + "/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId()))).status());
        JsonNode published = till.get(menus + "/published").json().get("data").get(0);
        assertEquals(next, published.get("publishedRevisionId").asText());
        assertEquals(200, till.get(menus + "/" + t.ids().menuId() + "/revisions/" + next).status());
    }

    @Test
    void aDevicesLastContactFollowsItsCalls() {
        TestServer.Tenant t = tenant();
        JsonNode pairing = paired(t, "KITCHEN_SCREEN", null);
        CLOCK.advance(Duration.ofMinutes(5));
        try {
            Instant called = CLOCK.instant();
            assertEquals(200, device(pairing).get("/store/v1/device").status());
            JsonNode listed = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices").json().get("data")
                    .get(0);
            assertEquals(called.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    Instant.parse(listed.get("lastSeenAt").asText()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        } finally {
            CLOCK.advance(Duration.ofMinutes(-5));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "POST|/devices/pairing-codes|{\"propertyId\":\"$P\",\"role\":\"PRINTER\"}|400|role",
        "POST|/devices/pairing-codes|{\"role\":\"TILL\"}|400|propertyId",
        "POST|/devices/pairing-codes|{\"propertyId\":\"nowhere\",\"role\":\"TILL\"}|400|propertyId",
        "POST|/devices/pairing-codes|{\"propertyId\":\"$P\",\"role\":\"TILL\",\"name\":\"$LONG\"}|400|name",
        "POST|/devices/pairing-codes|[1,2|400|",
        "PATCH|/devices/$D|{\"name\":\"  \"}|400|name",
        "PATCH|/devices/$D|{\"role\":\"KITCHEN_SCREEN\"}|400|role",
        "PATCH|/devices/$D|{\"role\":\"PRINTER\"}|400|role",
        "PATCH|/devices/nothing-here|{\"name\":\"Bar\"}|404|",
        "DELETE|/devices/nothing-here||404|",
    })
    void badInputOnADeviceRouteIsRefusedAndChangesNothing(String method, String path, String body, int status,
                                                         String field) {
        TestServer.Tenant t = tenant();
        JsonNode till = paired(t, "TILL", "Counter");
        String devices = "/backoffice/v1/orgs/" + t.ids().orgId() + "/devices";
        String before = t.api().get(devices).body();
        ApiClient.Response r = t.api().send(method, "/backoffice/v1/orgs/" + t.ids().orgId()
                + path.replace("$D", till.get("deviceId").asText()), body == null ? null : body
                .replace("$P", t.ids().propertyId()).replace("$LONG", "x".repeat(101)));
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        if (field != null) {
            assertTrue(r.body().contains(field), r.body());
        }
        assertEquals(before, t.api().get(devices).body(), "the devices are as they were");
        assertEquals(1, codes(t), "no pairing code was made beyond the till's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|code",
        "{\"code\":\"\"}|code",
        "{\"code\":\"$C\",\"name\":\"$LONG\"}|name",
        "[\"$C\"|",
    })
    void badInputOnPairingIsRefusedAndLeavesTheCodeUnused(String body, String field) {
        TestServer.Tenant t = tenant();
        String code = code(t, "TILL").get("code").asText();
        ApiClient.Response r = new ApiClient(server.uri()).send("POST", "/store/v1/pairings",
                body.replace("$C", code).replace("$LONG", "x".repeat(101)));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        if (field != null) {
            assertTrue(r.body().contains(field), r.body());
        }
        assertEquals(201, pair(code, null).status(), "the code still works");
    }

    private static long codes(TestServer.Tenant t) {
        return TestDatabases.queryLong(database, "SELECT COUNT(*) FROM pairing_codes WHERE org_id = ?",
                t.ids().orgId());
    }
}
