package io.brigade.desktop.backoffice;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.support.LiveServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.util.List;

/** A live server with a demo restaurant and a back-office client signed in as its manager (PIN 9999). */
final class BackOfficeFixture implements AutoCloseable {
    final LiveServer server;
    final DemoBootstrap.Result tenant;
    final BackOfficeClient office;

    BackOfficeFixture(Path dir) throws Exception {
        server = LiveServer.start(dir, true);
        tenant = server.bootstrap("Office Bistro");
        office = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        office.remember("9999");
    }

    /** The plan as the operator sets it. */
    void plan(String plan) {
        server.setPlan(tenant.orgId(), plan);
    }

    @Override
    public void close() throws Exception {
        office.forget();
        office.close();
        server.close();
    }
}
