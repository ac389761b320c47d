package io.brigade.server.org;

import io.brigade.protocol.org.OrgPlan;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@code /backoffice/v1/orgs/{orgId}/plan}: read and change the org's billing plan and its analytics
 * setting (left as it is when the PUT omits it). Features read both fresh on every request, so a change
 * takes effect with the next request.
 */
public final class PlanRoutes {
    private final Database database;
    private final OrgRepository orgs;
    private final Consumer<String> afterCommit;

    /** {@code afterCommit} hears the org's id once a change has committed (the v1 cache). */
    public PlanRoutes(Database database, OrgRepository orgs, Consumer<String> afterCommit) {
        this.database = database;
        this.orgs = orgs;
        this.afterCommit = afterCommit;
    }

    public void register(Router router) {
        router.get("/backoffice/v1/orgs/{orgId}/plan", Access.manager(), this::read)
                .put("/backoffice/v1/orgs/{orgId}/plan", Access.manager(), this::change);
    }

    private Reply read(Exchange ex) {
        Entitlement entitlement = database.read(c -> orgs.plan(c, ex.path("orgId")))
                .orElseThrow(() -> new NotFoundException("org " + ex.path("orgId")));
        return Reply.ok(new OrgPlan(entitlement.plan().wireName(), entitlement.analyticsEnabled()));
    }

    private Reply change(Exchange ex) throws Exception {
        OrgPlan body = ex.json(OrgPlan.class);
        Plan plan = parse(body.plan());
        String orgId = ex.path("orgId");
        database.inTransaction(c -> {
            if (!orgs.setPlan(c, orgId, plan)) {
                throw new NotFoundException("org " + orgId);
            }
            if (body.analyticsEnabled() != null) {
                orgs.setAnalyticsEnabled(c, orgId, body.analyticsEnabled());
            }
            return null;
        });
        afterCommit.accept(orgId);
        return read(ex);
    }

    /** The plan named on the wire, or 400 with the field path. */
    public static Plan parse(String value) {
        try {
            if (value == null) {
                throw new IllegalArgumentException("missing");
            }
            return Plan.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.malformed("plan", "must be one of "
                    + Arrays.stream(Plan.values()).map(Plan::wireName).toList());
        }
    }
}
