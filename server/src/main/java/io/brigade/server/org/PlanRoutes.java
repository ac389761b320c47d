package io.brigade.server.org;

import io.brigade.protocol.org.OrgPlan;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code /backoffice/v1/orgs/{orgId}/plan}: managers read the org's billing plan with what each plan above it
 * unlocks, and switch analytics on or off (left as it is when the PUT omits it). The plan itself is the operator's
 * to change ({@code brigade-server plan --org ... --set ...}): a PUT naming another plan is refused with 403 and
 * changes nothing. Features read both fresh on every request, so a change takes effect with the next request.
 */
public final class PlanRoutes {
    /** Where a refused plan change sends the caller. */
    static final String OPERATOR_ONLY = "the plan is changed by the operator of this Brigade server (brigade-server "
            + "plan --org <orgId> --set <plan>) or by billing; a manager can read the plan and what upgrading unlocks";

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
        Entitlement entitlement = entitlement(ex.path("orgId"));
        List<OrgPlan.Upgrade> upgrades = Arrays.stream(Plan.values())
                .filter(p -> p.compareTo(entitlement.plan()) > 0)
                .map(p -> new OrgPlan.Upgrade(p.wireName(), p.unlocks())).toList();
        return Reply.ok(new OrgPlan(entitlement.plan().wireName(), entitlement.analyticsEnabled(), upgrades));
    }

    private Entitlement entitlement(String orgId) {
        return database.read(c -> orgs.plan(c, orgId)).orElseThrow(() -> new NotFoundException("org " + orgId));
    }

    private Reply change(Exchange ex) throws Exception {
        OrgPlan body = ex.json(OrgPlan.class);
        String orgId = ex.path("orgId");
        Plan current = entitlement(orgId).plan();
        if (body.plan() != null && parse(body.plan()) != current) {
            throw new ForbiddenException(OPERATOR_ONLY);
        }
        if (body.analyticsEnabled() != null) {
            database.inTransaction(c -> {
                orgs.setAnalyticsEnabled(c, orgId, body.analyticsEnabled());
                return null;
            });
            afterCommit.accept(orgId);
        }
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
