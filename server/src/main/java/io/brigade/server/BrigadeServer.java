package io.brigade.server;

import io.brigade.server.analytics.Analytics;
import io.brigade.server.auth.Authenticator;
import io.brigade.server.auth.CredentialRepository;
import io.brigade.server.auth.TokenRoutes;
import io.brigade.server.db.Database;
import io.brigade.server.db.GroupCommitter;
import io.brigade.server.http.Router;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuRoutes;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.OrgRoutes;
import io.brigade.server.org.OrgService;
import io.brigade.server.sales.SaleRepository;
import io.brigade.server.sales.SaleRoutes;
import io.brigade.server.sales.SaleService;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The whole server, built from its dependencies; {@link Main} only starts it. */
public final class BrigadeServer implements AutoCloseable {
    private final Server jetty;
    private final Database database;
    private final GroupCommitter committer;
    private final Router router;

    private BrigadeServer(Server jetty, Database database, GroupCommitter committer, Router router) {
        this.jetty = jetty;
        this.database = database;
        this.committer = committer;
        this.router = router;
    }

    /** Builds (but does not start) a server on {@code port} (0 for any free port) over {@code database}. */
    public static BrigadeServer create(int port, Database database, Clock clock) {
        CredentialRepository credentials = new CredentialRepository();
        OrgRepository orgs = new OrgRepository();
        MenuRepository menus = new MenuRepository();
        SaleRepository sales = new SaleRepository();
        MenuService menuService = new MenuService(database, menus, orgs, clock);
        GroupCommitter committer = new GroupCommitter(database);
        Analytics analytics = new Analytics(database, orgs, menuService, sales, clock);
        SaleService saleService = new SaleService(database, committer, sales, orgs, menuService, clock,
                java.util.List.of(analytics.saleObserver()));

        Router router = new Router(new Authenticator(database, credentials, clock));
        new TokenRoutes(database, credentials, clock).register(router);
        new OrgRoutes(database, orgs, new OrgService(database, orgs, clock)).register(router);
        new MenuRoutes(database, menus, menuService).register(router);
        new SaleRoutes(saleService).register(router);
        analytics.register(router);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(router.build());
        jetty.setStopTimeout(5_000);
        return new BrigadeServer(jetty, database, committer, router);
    }

    public BrigadeServer start() throws Exception {
        jetty.start();
        return this;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    public Router router() {
        return router;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, finishes the ones under way, then closes the database. */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
            committer.close();
        } finally {
            database.close();
        }
    }
}
