package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.Main;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.webhooks.SecretBox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * A server of its own with a movable clock, loopback callbacks allowed (the development flag) and the webhook
 * dispatcher run by the test; plus the steps of the guide's "Distribute as a Flipdish App" as helpers.
 */
public final class AppHarness implements AutoCloseable {
    static final List<String> ANALYTICS_SCOPES = List.of("sales:read", "menus:read", "org:read", "webhooks:manage");

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final String url;
    final String user;
    final Database database;
    public final BrigadeServer server;

    public AppHarness(String kind) throws Exception {
        url = TestDatabases.freshUrl(kind);
        user = TestDatabases.user(kind);
        database = Database.open(url, user, null);
        server = BrigadeServer.create(0, database, clock, new BrigadeServer.Options(true, SecretBox.random(), false))
                .start();
    }

    public DemoBootstrap.Result newOrg(String name) {
        return new DemoBootstrap(database, clock).run(name);
    }

    /** The org's own OAuth client (its manager's back-office credential). */
    public ApiClient api(DemoBootstrap.Result org) {
        return new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
    }

    public ApiClient token(String clientId, String secret) {
        return new ApiClient(server.uri()).withToken(clientId, secret);
    }

    ApiClient.Response tokenRequest(String clientId, String secret) {
        return new ApiClient(server.uri()).form("/identity/connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "scope", "api"));
    }

    /** Runs the server jar's command line against this server's database. */
    int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + url);
        if (user != null) {
            all.add("--db-user=" + user);
        }
        return new CommandLine(new Main()).execute(all.toArray(String[]::new));
    }

    void deliver() {
        server.dispatcher().drain();
    }

    // ---- the guide's steps

    static JsonNode createOAuthApp(ApiClient dev, String orgId, String name, String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("callbackUrl", callbackUrl);
        ApiClient.Response r = dev.post("/backoffice/v1/orgs/" + orgId + "/oauth-apps", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("data");
    }

    static Map<String, Object> listing(String clientId, List<String> scopes, String selector, boolean hosted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("name", "Forecastly");
        body.put("description", "Sales forecasting from your POS sales");
        body.put("developedBy", "Forecastly Ltd");
        body.put("logoUrl", "https://forecastly.example.com/logo.png");
        body.put("categories", List.of("Analytics", "Forecasting"));
        body.put("supportedCountries", List.of("IE", "GB"));
        body.put("permissionLevel", Map.of("name", "POS analytics", "scopes", scopes));
        body.put("storeSelectorType", selector);
        if (hosted) {
            body.put("configurationType", "Hosted");
            body.put("configurationFields", List.of(Map.of("key", "apiKey", "label", "Forecastly API key",
                    "required", true), Map.of("key", "region", "label", "Region", "required", false)));
        } else {
            body.put("configurationType", "ExternalLink");
            body.put("externalLinkUrl", "https://forecastly.example.com/onboard");
        }
        return body;
    }

    static String createListing(ApiClient dev, String orgId, Map<String, Object> body) {
        ApiClient.Response r = dev.post("/backoffice/v1/orgs/" + orgId + "/app-store-apps", body);
        assertEquals(201, r.status(), r.body());
        assertEquals("Draft", r.json().get("data").get("state").asText());
        return r.json().get("data").get("appStoreAppId").asText();
    }

    /** Submitted by the developer, approved by an operator on the command line. */
    void publish(ApiClient dev, String devOrgId, String appStoreAppId) {
        ApiClient.Response submitted = dev.post("/backoffice/v1/orgs/" + devOrgId + "/app-store-apps/" + appStoreAppId
                + "/submit", Map.of());
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals(0, cli("apps", "approve", "--app", appStoreAppId, "--by", "test-operator"));
    }

    public static ApiClient.Response install(ApiClient manager, String orgId, String appStoreAppId,
                                             List<String> propertyIds, Map<String, String> configuration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appStoreAppId", appStoreAppId);
        body.put("propertyIds", propertyIds);
        body.put("configuration", configuration);
        return manager.post("/backoffice/v1/orgs/" + orgId + "/installed-apps", body);
    }

    /** A listed, approved app with {@code scopes} and its OAuth credentials. */
    public record App(String clientId, String clientSecret, String appStoreAppId, String webhookSecret) {
    }

    public App approvedApp(DemoBootstrap.Result dev, List<String> scopes, String selector, boolean hosted,
                           String callback) {
        ApiClient devApi = api(dev);
        JsonNode oauth = createOAuthApp(devApi, dev.orgId(), "Forecastly", callback);
        String id = createListing(devApi, dev.orgId(), listing(oauth.get("clientId").asText(), scopes, selector,
                hosted));
        publish(devApi, dev.orgId(), id);
        return new App(oauth.get("clientId").asText(), oauth.get("clientSecret").asText(), id,
                oauth.path("webhookSecret").asText(null));
    }

    /** Pushes a POS sale with the org's own client and returns its id. */
    String sale(DemoBootstrap.Result org, Map<String, Object> body) {
        ApiClient.Response r = api(org).post("/salesManagement/orgs/" + org.orgId() + "/sales", body,
                "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    String sale(DemoBootstrap.Result org) {
        return sale(org, Sales.simple(org, clock.instant().toString(), "3.00"));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** The harness server's database (tests that set rows up directly). */
    public Database database() {
        return database;
    }
}
