package io.brigade.server.webhooks;

import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A server of its own per test class: a movable clock, loopback callbacks allowed through the development
 * flag, and no polling, so tests decide when the dispatcher runs ({@code dispatcher().runDue()}).
 */
final class WebhookHarness implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Database database;
    final BrigadeServer server;
    final SecretBox box = SecretBox.random();

    WebhookHarness(String kind) throws Exception {
        database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        server = BrigadeServer.create(0, database, clock, new BrigadeServer.Options(true, box, false)).start();
    }

    /** A demo org (Enterprise) on this server. */
    DemoBootstrap.Result newOrg() {
        return new DemoBootstrap(database, clock).run("Hook Bistro");
    }

    /** A client with a token fresh at the clock's current time. */
    ApiClient api(DemoBootstrap.Result org) {
        return new ApiClient(server.uri()).withToken(org.clientId(), org.clientSecret());
    }

    Dispatcher dispatcher() {
        return server.dispatcher();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
