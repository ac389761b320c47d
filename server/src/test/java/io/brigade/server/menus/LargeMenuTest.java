package io.brigade.server.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.SyntheticMenu;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Menus past the one-megabyte body limit of other routes: parsed as they arrive, stored as compressed
 * snapshots, and streamed back without being parsed. (The 100,000-item round trip with a small heap is the
 * desktop's LargeMenuRoundTripTest.)
 */
class LargeMenuTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ITEMS = 5_000;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMenuOfFiveThousandItemsIsServedWholeByCurrent(String db) throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        String menuId = create(t, menus, ITEMS);
        publish(t, menus, menuId, 1);

        JsonNode current = t.api().get(menus + "/" + menuId + "/current").json().get("data");
        assertEquals(1, current.get("revisionId").asInt());
        assertEquals(ITEMS, itemCount(current.get("menu")));
        assertEquals(SyntheticMenu.caption(4_321), current.get("menu").get("categories").get(4).get("items")
                .get(321).get("caption").asText());
    }

    @Test
    void currentIsGzipCompressedForAClientThatAcceptsIt() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        String menuId = create(t, menus, ITEMS);
        publish(t, menus, menuId, 1);
        String path = menus + "/" + menuId + "/current";

        HttpResponse<byte[]> zipped = HTTP.send(request(t, path).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertTrue(zipped.body().length * 5 < unzipped.length, "compressed " + zipped.body().length + " of "
                + unzipped.length + " bytes");
        assertEquals(t.api().get(path).json(), Json.mapper().readTree(unzipped));
    }

    @Test
    void aRevisionServedFromItsSnapshotReadsAsTheMenuThatWasSent() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        String menuId = create(t, menus, 1_200);

        JsonNode sent = Json.mapper().readTree(synthetic(1_200));
        JsonNode stored = t.api().get(menus + "/" + menuId + "/revisions/1").json().get("data").get("menu");
        // The answer names every documented field, as null where the menu sent none.
        assertEquals(sent.get("categories"), withoutNulls(stored.get("categories")));
        assertEquals(sent.get("modifiers").size(), stored.get("modifiers").size());
    }

    @Test
    void aRevisionWithoutABodyCopiesTheLatestRevision() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        String menuId = create(t, menus, 1_200);

        ApiClient.Response copy = t.api().send("POST", menus + "/" + menuId + "/revisions", null);
        assertEquals(201, copy.status(), copy.body());
        assertEquals(2, copy.json().get("revisionId").asInt());
        JsonNode first = t.api().get(menus + "/" + menuId + "/revisions/1").json().get("data").get("menu");
        JsonNode second = t.api().get(menus + "/" + menuId + "/revisions/2").json().get("data").get("menu");
        assertEquals(first, second);
    }

    @Test
    void aRevisionStoredAsTextBeforeSnapshotsIsServedAsBefore() throws Exception {
        TestServer server = TestServer.of("h2");
        TestServer.Tenant t = server.newTenant();
        String menus = "/menuManagement/orgs/" + t.ids().orgId() + "/menus";
        String menuJson = "{\"name\":\"Old\",\"currency\":\"EUR\",\"categories\":[{\"id\":\"c1\",\"caption\":\"Mains\","
                + "\"items\":[{\"id\":\"i1\",\"productId\":\"i1\",\"caption\":\"Stew\",\"allergens\":[],"
                + "\"alcohol\":false,\"pricingProfiles\":[{\"priceBandId\":\"default\",\"dineInPrice\":9.50}],"
                + "\"availabilityOverrides\":[],\"modifierIds\":[],\"ingredientCost\":0}]}]}";
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        server.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO menu_revisions (menu_id, revision_id, org_id, content, "
                    + "created_at) VALUES (?, 99, ?, ?, ?)")) {
                io.brigade.server.db.Sql.bind(ps, t.ids().menuId(), t.ids().orgId(), menuJson, at);
                ps.executeUpdate();
            }
            return null;
        });

        ApiClient.Response old = t.api().get(menus + "/" + t.ids().menuId() + "/revisions/99");
        assertEquals(200, old.status(), old.body());
        assertEquals("{\"data\":{\"menuId\":\"" + t.ids().menuId() + "\",\"revisionId\":99,\"createdAt\":"
                + "\"2026-01-02T03:04:05Z\",\"menu\":" + menuJson + "}}", old.body());
    }

    @Test
    void aMenuBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        URI base = t.api().base();
        String token = t.api().get("/orgManagement/orgs").raw().request().headers()
                .firstValue("Authorization").orElseThrow();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /menuManagement/orgs/" + t.ids().orgId() + "/menus HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (MenuRoutes.MAX_MENU_BYTES + 1) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
    }

    static byte[] synthetic(int items) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticMenu.write(items, "Big menu", bytes);
        return bytes.toByteArray();
    }

    static String create(TestServer.Tenant t, String menus, int items) throws Exception {
        byte[] body = synthetic(items);
        // Streamed from a stream of unknown length: the server sees a chunked body, as from a large upload.
        HttpResponse<String> created = HTTP.send(request(t, menus).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return Json.mapper().readTree(created.body()).get("menuId").asText();
    }

    static void publish(TestServer.Tenant t, String menus, String menuId, long revisionId) {
        ApiClient.Response published = t.api().post(menus + "/" + menuId + "/revisions/" + revisionId + "/publish",
                Map.of("salesChannelIds", List.of(t.ids().salesChannelId())));
        assertEquals(200, published.status(), published.body());
    }

    private static HttpRequest.Builder request(TestServer.Tenant t, String path) {
        String token = t.api().get("/orgManagement/orgs").raw().request().headers().firstValue("Authorization")
                .orElseThrow();
        return HttpRequest.newBuilder(t.api().base().resolve(path)).header("Authorization", token);
    }

    static int itemCount(JsonNode menu) {
        int n = 0;
        for (JsonNode category : menu.get("categories")) {
            n += category.get("items").size();
        }
        return n;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            java.util.List<String> nulls = new java.util.ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    strip(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(LargeMenuTest::strip);
        }
    }
}
