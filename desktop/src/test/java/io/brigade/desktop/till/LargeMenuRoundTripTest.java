package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.MenuCache;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.client.ServerClient;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.bootstrap.SyntheticMenu;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-item menu from the back office to the till, in a JVM with a 512 MB heap (its own surefire run):
 * created with a streamed body, published, read by {@code current} without holding it, cached by the till as
 * the server's compressed answer and opened from that cache. Server and till share the heap here, so anything
 * that held the menu twice at once would run out of memory. It takes tens of seconds: ~80 MB of JSON is
 * generated, parsed, compressed and read back.
 */
class LargeMenuRoundTripTest {
    private static final int ITEMS = 100_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void aHundredThousandItemMenuTravelsFromTheBackOfficeToTheTill() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Large Menu Bistro");
            String token = "Bearer " + server.token(tenant);
            String menus = server.url() + "/menuManagement/orgs/" + tenant.orgId() + "/menus";

            String menuId = create(menus, token);
            HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(menus + "/" + menuId
                    + "/revisions/1/publish")).header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"salesChannelIds\":[\"" + tenant.salesChannelId()
                            + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, published.statusCode(), published.body());
            assertEquals(ITEMS, itemsInCurrent(menus + "/" + menuId + "/current", token));

            LocalDatabase db = LocalDatabase.open(dir.resolve("till"));
            try {
                MenuCache cache = new MenuCache(db, tenant.salesChannelId());
                ServerClient client = new ServerClient(server.terminal(tenant), Clock.systemUTC());
                client.publishedMenu(null, 0).ifPresent(cache::storeAnswer);
                assertEquals(Optional.empty(), client.publishedMenu(cache.header().orElseThrow().menuId(),
                        cache.header().orElseThrow().revisionId()), "a cached revision is not "
                        + "downloaded again");

                MenuRevision cached = cache.current().orElseThrow();
                TillMenu till = TillMenu.of(cached, DispatchType.DineIn, ZonedDateTime.now());
                assertEquals(ITEMS, till.size());
                List<PricedItem> byNumber = till.search(SyntheticMenu.caption(73_205).substring(
                        SyntheticMenu.caption(73_205).lastIndexOf(' ')));
                assertEquals(List.of(SyntheticMenu.itemId(73_205)), byNumber.stream().map(PricedItem::id).toList());
                assertEquals(TillMenu.MAX_SEARCH_RESULTS, till.search("chicken").size());
            } finally {
                db.close();
            }
        }
    }

    /** Posts the menu as it is generated: the body is never held whole by the client either. */
    private static String create(String menus, String token) throws Exception {
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(body);
        Thread writer = new Thread(() -> {
            try (out) {
                SyntheticMenu.write(ITEMS, "A hundred thousand items", out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "menu-writer");
        writer.start();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(menus))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        writer.join();
        assertEquals(201, created.statusCode(), created.body());
        return Json.mapper().readTree(created.body()).get("menuId").asText();
    }

    /** Counts the items of {@code current} while reading it, token by token (their product ids say "product-"). */
    private static int itemsInCurrent(String url, String token) throws Exception {
        HttpResponse<InputStream> current = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, current.statusCode());
        int items = 0;
        try (InputStream in = current.body(); JsonParser p = Json.mapper().getFactory().createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING && "productId".equals(p.currentName())
                        && p.getText().startsWith("product-")) {
                    items++;
                }
            }
        }
        return items;
    }
}
