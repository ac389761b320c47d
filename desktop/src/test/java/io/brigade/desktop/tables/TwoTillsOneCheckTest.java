package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.desktop.till.PricedItem;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tills of one store work on the same table while one of them has lost the store server: each keeps its round
 * in its outbox, and once both are heard the check holds both rounds, each sent to the kitchen once.
 */
class TwoTillsOneCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void bothRoundsSurviveAndEachReachesTheKitchenOnce() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Two Tills Trattoria");
            server.addDemoStations(tenant);
            AtomicBoolean bOffline = new AtomicBoolean();
            Interceptor cable = chain -> {
                if (bOffline.get()) {
                    throw new IOException("the network cable of till B is out");
                }
                return chain.proceed(chain.request());
            };
            try (AppServices a = AppServices.start(new AppServices.Options(dir.resolve("a"))
                    .settings(server.terminal(tenant)).menuRefresh(Duration.ofMillis(300)));
                 AppServices b = AppServices.start(new AppServices.Options(dir.resolve("b"))
                         .settings(server.terminal(tenant)).menuRefresh(Duration.ofMillis(300))
                         .interceptors(List.of(cable)))) {
                MenuRevision menu = Tills.awaitMenu(a, WAIT);
                Tills.awaitMenu(b, WAIT);
                List<PricedItem> plain = Tills.plainItems(menu);
                String check = a.checks().open("4", null, 4, DispatchType.DineIn, menu.menuId(), menu.revisionId());
                Tills.await("the store to hold the check", WAIT, () -> a.checks().unconfirmed() == 0);
                Tills.await("till B to see table 4", WAIT, () -> b.checks().refresh()
                        && b.checks().check(check).isPresent());

                bOffline.set(true);
                b.checks().add(check, List.of(line("b1", plain.get(0)), line("b2", plain.get(1))));
                b.checks().send(check, List.of("b1", "b2"), false);
                a.checks().add(check, List.of(line("a1", plain.get(2)), line("a2", plain.get(3))));
                a.checks().send(check, List.of("a1", "a2"), false);
                Tills.await("till A's round to reach the store", WAIT, () -> a.checks().unconfirmed() == 0);
                assertEquals(List.of("b1", "b2"), b.checks().check(check).orElseThrow().lines().stream()
                        .map(Check.Line::lineId).toList(), "till B shows its own round while it waits");
                assertEquals(2, b.checks().unconfirmed());

                bOffline.set(false);
                b.sync().nudge();
                Tills.await("till B's round to reach the store", WAIT, () -> b.checks().unconfirmed() == 0);

                assertTrue(a.checks().refresh());
                Check after = a.checks().check(check).orElseThrow();
                List<String> lines = after.lines().stream().map(Check.Line::lineId).toList();
                assertEquals(List.of("a1", "a2", "b1", "b2"), lines, "both rounds, each line once");
                assertTrue(after.lines().stream().allMatch(l -> Check.SENT.equals(l.status())));
                List<List<String>> rounds = new ArrayList<>();
                for (JsonNode ticket : tickets(server, tenant)) {
                    if (check.equals(ticket.path("checkId").asText())) {
                        List<String> ids = new ArrayList<>();
                        ticket.get("items").forEach(i -> ids.add(i.get("lineId").asText()));
                        rounds.add(ids);
                    }
                }
                // The kitchen shows B's round first: B pressed Send (offline) before A did.
                assertEquals(List.of(List.of("b1", "b2"), List.of("a1", "a2")), rounds,
                        "each round reached the kitchen once");
            }
        }
    }

    private static CheckBook.NewLine line(String id, PricedItem item) {
        return new CheckBook.NewLine(id, item.id(), item.caption(), List.of(), 1, item.price(), List.of(), null,
                null, 1);
    }

    private static List<JsonNode> tickets(LiveServer server, DemoBootstrap.Result tenant) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/backoffice/v1/orgs/" + tenant.orgId() + "/kitchen/tickets?propertyId=" + tenant.propertyId()))
                .header("Authorization", "Bearer " + server.token(tenant)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        Json.mapper().readTree(r.body()).get("tickets").forEach(out::add);
        return out;
    }
}
