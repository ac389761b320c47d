package io.brigade.desktop.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.network.Listening;
import io.brigade.server.network.StoreAuthority;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Brigade server over a real H2 file, reached over real HTTP. It can be stopped and started again on the
 * same port over the same file, which is what a till sees when its server goes down and comes back.
 */
public final class LiveServer implements AutoCloseable {
    /** The demo property's time zone: business dates are counted there. */
    public static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String jdbcUrl;
    private int port;
    private Database database;
    private BrigadeServer server;

    private final Path keyFile;
    private final boolean allowPrivateCallbacks;
    /** The store's certificates when the server serves HTTPS (a store server), else null. */
    private StoreAuthority tls;

    private LiveServer(String jdbcUrl, Path keyFile, boolean allowPrivateCallbacks) {
        this.jdbcUrl = jdbcUrl;
        this.keyFile = keyFile;
        this.allowPrivateCallbacks = allowPrivateCallbacks;
    }

    /** Starts a server on a free port over {@code directory/server.mv.db}. */
    public static LiveServer start(Path directory) throws Exception {
        return start(directory, false);
    }

    /**
     * As {@link #start(Path)}; {@code allowPrivateCallbacks} is the server's development flag
     * ({@code serve --allow-private-callbacks}) that lets webhooks reach a receiver on this machine.
     */
    public static LiveServer start(Path directory, boolean allowPrivateCallbacks) throws Exception {
        LiveServer s = new LiveServer("jdbc:h2:file:" + directory.toAbsolutePath().resolve("server"),
                directory.resolve("master.key"), allowPrivateCallbacks);
        s.startOn(0);
        return s;
    }

    /**
     * A store server: HTTPS with the store's own certificate authority (made under {@code directory/tls}) on the same
     * port that answers plain HTTP to this machine, as {@code serve} runs it; devices pair with it.
     */
    public static LiveServer startStore(Path directory) throws Exception {
        LiveServer s = new LiveServer("jdbc:h2:file:" + directory.toAbsolutePath().resolve("server"),
                directory.resolve("master.key"), false);
        s.tls = StoreAuthority.loadOrCreate(directory.resolve("tls"), Clock.systemUTC());
        s.startOn(0);
        return s;
    }

    private synchronized void startOn(int wanted) throws Exception {
        database = Database.open(jdbcUrl, "sa", "");
        try {
            BrigadeServer.Options options = BrigadeServer.Options.withKeyFile(keyFile);
            if (allowPrivateCallbacks) {
                options = new BrigadeServer.Options(true, options.secrets(), options.pollWebhooks(),
                        options.apiGeneralLimit(), options.jobs());
            }
            if (tls != null) {
                options = options.withListening(Listening.https(tls));
            }
            server = BrigadeServer.create(wanted, database, Clock.systemUTC(), options).start();
        } catch (Exception e) {
            database.close();
            database = null;
            throw e;
        }
        port = server.port();
    }

    /** Sets the org's plan as the operator does (the server's {@code plan} command writes the same row). */
    public synchronized void setPlan(String orgId, String plan) {
        database.inTransaction(c -> new io.brigade.server.org.OrgRepository().setPlan(c, orgId,
                io.brigade.server.org.Plan.parse(plan)));
    }

    /** Stops taking requests and closes the database, as a server that went down. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            BrigadeServer s = server;
            server = null;
            database = null;
            s.close();
        }
    }

    /** A new server process on the same port over the same database file. */
    public synchronized void restart() throws Exception {
        if (server != null) {
            throw new IllegalStateException("still running");
        }
        startOn(port);
    }

    /** The server's batcher of new sales: a test holds it to stall every push. */
    public synchronized io.brigade.server.sales.SaleBatcher saleBatcher() {
        if (server == null) {
            throw new IllegalStateException("the server is down");
        }
        return server.saleBatcher();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Where devices reach a store server ({@link #startStore}): HTTPS on this machine's loopback address. */
    public String httpsUrl() {
        return "https://127.0.0.1:" + port;
    }

    /** The fingerprint devices pin (hex SHA-256 of the store's authority). */
    public String fingerprint() {
        return tls.fingerprint();
    }

    /** Makes {@code tenant}'s manager choose their own PIN at the next sign-in, as after {@code bootstrap}. */
    public synchronized void requirePinChange(DemoBootstrap.Result tenant, String name) {
        database.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "UPDATE staff SET pin_change_required = TRUE WHERE org_id = ? AND name = ?")) {
                ps.setString(1, tenant.orgId());
                ps.setString(2, name);
                return ps.executeUpdate();
            }
        });
    }

    /** A new demo restaurant (org, property, POS channel, published menu, API client, demo staff). */
    public synchronized DemoBootstrap.Result bootstrap(String name) {
        if (database == null) {
            throw new IllegalStateException("the server is down");
        }
        DemoBootstrap demo = new DemoBootstrap(database, Clock.systemUTC());
        DemoBootstrap.Result tenant = demo.run(name);
        demo.addDemoStaff(tenant.orgId());
        // The manager keeps the printed PIN, as if they had chosen it at their first sign-in.
        database.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "UPDATE staff SET pin_change_required = FALSE WHERE org_id = ?")) {
                ps.setString(1, tenant.orgId());
                return ps.executeUpdate();
            }
        });
        demo.addDemoStations(tenant);
        return tenant;
    }

    /** Puts back the demo stations of {@code tenant}'s store (Pizza, Grill as the catch-all, Bar). */
    public synchronized void addDemoStations(DemoBootstrap.Result tenant) {
        new DemoBootstrap(database, Clock.systemUTC()).addDemoStations(tenant);
    }

    /** The settings of a terminal selling on {@code tenant}'s POS channel through this server. */
    public TerminalSettings terminal(DemoBootstrap.Result tenant) {
        return new TerminalSettings(url(), tenant.clientId(), tenant.clientSecret(), tenant.orgId(),
                tenant.propertyId(), tenant.salesChannelId(), "till-1", false);
    }

    /**
     * The sales the server holds on {@code tenant}'s POS channel for business dates yesterday to tomorrow (Dublin),
     * read over HTTP with the tenant's own client credentials, as any integrator would.
     */
    public List<JsonNode> sales(DemoBootstrap.Result tenant) {
        String token = token(tenant);
        LocalDate today = LocalDate.now(DUBLIN);
        URI uri = URI.create(url() + "/salesManagement/orgs/" + tenant.orgId() + "/salesChannels/"
                + tenant.salesChannelId() + "/sales?fromDate=" + today.minusDays(1) + "&toDate=" + today.plusDays(1));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET sales answered " + r.statusCode() + ": " + r.body());
        }
        List<JsonNode> out = new ArrayList<>();
        json(r.body()).path("data").forEach(out::add);
        return out;
    }

    /** The language {@code tenant}'s member {@code name} chose, as tills receive it with their PIN digest (or null). */
    public String languageOf(DemoBootstrap.Result tenant, String name) {
        URI uri = URI.create(url() + "/backoffice/v1/orgs/" + tenant.orgId() + "/staff/credentials");
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token(tenant))
                .GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET staff credentials answered " + r.statusCode() + ": " + r.body());
        }
        for (JsonNode m : json(r.body()).path("data")) {
            if (name.equals(m.path("name").asText())) {
                return m.path("language").isTextual() ? m.path("language").asText() : null;
            }
        }
        throw new IllegalStateException(name + " is not a member: " + r.body());
    }

    /** The {@code externalId} of every sale {@link #sales} returns, duplicates kept. */
    public List<String> externalIds(DemoBootstrap.Result tenant) {
        return sales(tenant).stream().map(s -> s.path("externalId").asText(null)).toList();
    }

    /** A fresh bearer token of {@code tenant}'s own client. */
    public String token(DemoBootstrap.Result tenant) {
        String form = "grant_type=client_credentials&client_id=" + enc(tenant.clientId()) + "&client_secret="
                + enc(tenant.clientSecret());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
