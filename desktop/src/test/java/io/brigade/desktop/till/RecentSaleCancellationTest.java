package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manager cancels a recent sale at the till; the cancellation reaches the built-in server after the sale. */
class RecentSaleCancellationTest {
    @TempDir
    Path home;
    private AppServices services;
    private MenuRevision menu;

    @BeforeEach
    void start() throws Exception {
        services = AppServices.start(new AppServices.Options(home).menuRefresh(Duration.ofMillis(200)));
        await(() -> services.menus().current().isPresent());
        menu = services.menus().current().orElseThrow();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void managerCancelsASyncedSaleAndTheServerHoldsItCancelled() throws Exception {
        StaffMember cashier = services.staff().signIn("1111").orElseThrow();
        StaffMember manager = services.staff().signIn("9999").orElseThrow();
        services.checkout().complete(order(), cashier);
        await(() -> services.outbox().recentSales(1).get(0).serverSaleId() != null);
        OutboxEntry sale = services.outbox().recentSales(1).get(0);

        assertThrows(IllegalArgumentException.class, () -> services.checkout().cancel(sale, "changed mind", cashier));
        assertThrows(IllegalArgumentException.class, () -> services.checkout().cancel(sale, " ", manager));
        services.checkout().cancel(sale, "Customer changed their mind", manager);
        await(() -> services.outbox().pendingSales() == 0);

        JsonNode detail = get("/salesManagement/orgs/" + settings().orgId() + "/salesChannels/"
                + settings().salesChannelId() + "/sales/" + sale.serverSaleId()).path("data");
        assertEquals("SALE_CANCELLED", detail.path("status").asText());
        assertTrue(services.outbox().recentSales(1).get(0).cancelled());
        assertThrows(IllegalArgumentException.class, () -> services.checkout().cancel(
                services.outbox().recentSales(1).get(0), "again", manager));
    }

    private Order order() {
        TillMenu priced = TillMenu.of(menu, DispatchType.TakeAway, Instant.now().atZone(java.time.ZoneOffset.UTC));
        PricedItem item = priced.tabs().get(2).items().get(0); // a drink: no modifiers
        TicketLine line = new TicketLine(UUID.randomUUID(), item, 2, List.of(), null);
        BigDecimal total = line.total();
        return new Order(DispatchType.TakeAway, null, null, List.of(line), List.of(), List.of(),
                List.of(new Tender(PaymentMethod.Cash, total, total)), priced.menuId(), priced.revisionId(),
                priced.currency());
    }

    private TerminalSettings settings() {
        return services.settings();
    }

    private JsonNode get(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=" + enc(settings().clientId()) + "&client_secret="
                + enc(settings().clientSecret());
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(settings().serverUrl()
                        + "/identity/connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String bearer = Json.mapper().readTree(token.body()).path("access_token").asText();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings().serverUrl() + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.mapper().readTree(answer.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
