package io.brigade.server.support;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import java.time.Instant;

/** A real server of its own on a fresh database, whose clock the test moves (quotas, happy hours). */
public final class ClockedServer implements AutoCloseable {
    private final MutableClock clock;
    private final Database database;
    private final BrigadeServer server;

    public ClockedServer(String kind, Instant start) throws Exception {
        clock = new MutableClock(start);
        database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        server = BrigadeServer.create(0, database, clock).start();
    }

    /** With a general quota per API key of {@code general} instead of the spec's 1,000 per hour. */
    public ClockedServer(String kind, Instant start, io.brigade.server.ratelimit.RateLimitPolicy general)
            throws Exception {
        clock = new MutableClock(start);
        database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        server = BrigadeServer.create(0, database, clock, new BrigadeServer.Options(false,
                io.brigade.server.webhooks.SecretBox.random(), true).withApiGeneralLimit(general)).start();
    }

    public MutableClock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public BrigadeServer server() {
        return server;
    }

    public TestServer.Tenant newTenant() {
        DemoBootstrap.Result result = new DemoBootstrap(database, clock).run("Clocked Bistro");
        return new TestServer.Tenant(result, new ApiClient(server.uri()).withToken(result.clientId(),
                result.clientSecret()));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
