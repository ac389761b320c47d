package io.brigade.server.org;

import io.brigade.protocol.Data;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * Read-only org structure for the back office's screens (the dashboard's filters):
 * {@code /backoffice/v1/orgs/{orgId}/properties} and {@code .../salesChannels} (every channel of the org, each
 * naming its property). A staff session cannot use {@code /orgManagement}, so the same data is offered here to
 * managers and the org's own client.
 */
public final class BackOfficeOrgRoutes {
    private static final String ORG = "/backoffice/v1/orgs/{orgId}";
    private final Database database;
    private final OrgRepository orgs;

    public BackOfficeOrgRoutes(Database database, OrgRepository orgs) {
        this.database = database;
        this.orgs = orgs;
    }

    public void register(Router router) {
        router.get(ORG + "/properties", Access.manager(), ex -> Reply.ok(new Data<>(database.read(c -> orgs.properties(c,
                        org(ex))))))
                .get(ORG + "/salesChannels", Access.manager(), ex -> Reply.ok(new Data<>(database.read(c -> orgs.channels(c,
                        org(ex))))));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
