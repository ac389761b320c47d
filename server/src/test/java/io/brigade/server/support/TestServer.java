package io.brigade.server.support;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real server per database kind per test JVM, on a random port. Tests isolate themselves by
 * bootstrapping their own org rather than by resetting the database.
 */
public final class TestServer {
    private static final Map<String, TestServer> SERVERS = new ConcurrentHashMap<>();

    private final BrigadeServer server;
    private final Database database;

    private TestServer(String kind) throws Exception {
        database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        server = BrigadeServer.create(0, database, Clock.systemUTC()).start();
    }

    public static TestServer of(String kind) {
        return SERVERS.computeIfAbsent(kind, k -> {
            try {
                TestServer s = new TestServer(k);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        s.server.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
                return s;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public BrigadeServer server() {
        return server;
    }

    public Database database() {
        return database;
    }

    /** A new demo org on this server, with a client already holding a token. */
    public Tenant newTenant() {
        DemoBootstrap.Result result = new DemoBootstrap(database, Clock.systemUTC()).run("Test Bistro");
        keepBootstrapPin(database, result.orgId());
        return new Tenant(result, new ApiClient(server.uri()).withToken(result.clientId(), result.clientSecret()));
    }

    /**
     * Lets the bootstrap manager keep the printed one-time PIN, as if they had chosen it: most tests are about
     * something else than the first sign-in (StaffSessionTest covers that).
     */
    public static void keepBootstrapPin(Database database, String orgId) {
        database.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "UPDATE staff SET pin_change_required = FALSE WHERE org_id = ?")) {
                ps.setString(1, orgId);
                return ps.executeUpdate();
            }
        });
    }

    /** A bootstrapped org and an authenticated client for it. */
    public record Tenant(DemoBootstrap.Result ids, ApiClient api) {
    }
}
