package io.brigade.server.auth;

import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.domain.ForbiddenException;
import java.util.List;

/**
 * Who is calling, acting for one org: the org's OAuth client (its owner), an API key, a signed-in staff
 * member ({@code staffRole} is set only for staff sessions), or an installed app (kind {@code oauth-app},
 * {@code orgId} its owner org) whose reach on other orgs is its {@link AppGrant}.
 */
public record Principal(String orgId, String kind, String subject, StaffRole staffRole, AppGrant app) {

    public static final String OAUTH_CLIENT = "oauth-client";
    public static final String API_KEY = "api-key";
    public static final String STAFF_SESSION = "staff-session";
    public static final String OAUTH_APP = "oauth-app";

    public Principal(String orgId, String kind, String subject) {
        this(orgId, kind, subject, null, null);
    }

    /** A staff member signed in to the back office. */
    public static Principal staff(String orgId, String staffId, StaffRole role) {
        return new Principal(orgId, STAFF_SESSION, staffId, role, null);
    }

    /** An app's token; {@code orgId} is the developer org that owns the app. */
    public static Principal app(AppGrant grant) {
        return new Principal(grant.ownerOrgId(), OAUTH_APP, grant.clientId(), null, grant);
    }

    public boolean canAccessOrg(String requestedOrgId) {
        return app != null ? app.reaches(requestedOrgId) : orgId.equals(requestedOrgId);
    }

    /** The orgs this caller may name in a path (an app: its owner org and every org that has it installed). */
    public List<String> reachableOrgIds() {
        return app != null ? app.orgIds() : List.of(orgId);
    }

    /** False when an installed app's stores on {@code orgId} leave {@code propertyId} out. */
    public boolean seesProperty(String requestedOrgId, String propertyId) {
        return app == null || app.seesProperty(requestedOrgId, propertyId);
    }

    public boolean isStaff() {
        return STAFF_SESSION.equals(kind);
    }

    /**
     * Back-office routes (API keys, webhook manager, jobs, staff) act as a manager of the org: they take
     * the org's own OAuth client or a manager's session, never an API key, so a leaked integration key
     * cannot mint more keys. An installed app is not a manager either.
     */
    public void requireBackOffice() {
        if (OAUTH_CLIENT.equals(kind) || (isStaff() && staffRole == StaffRole.MANAGER)) {
            return;
        }
        throw new ForbiddenException(isStaff()
                ? "this needs a manager; you are signed in as " + staffRole.name().toLowerCase()
                : "back-office routes need a manager's session or a bearer token of the org's own OAuth client; "
                        + "an API key or an app's token cannot manage the org");
    }

    /** The kitchen display: kitchen staff, managers and the org's own client. */
    public void requireKitchen() {
        if (OAUTH_CLIENT.equals(kind)
                || (isStaff() && (staffRole == StaffRole.KITCHEN || staffRole == StaffRole.MANAGER))) {
            return;
        }
        throw new ForbiddenException(isStaff()
                ? "the kitchen display needs kitchen staff or a manager; you are signed in as "
                        + staffRole.name().toLowerCase()
                : "the kitchen display needs a staff session or the org's own OAuth client");
    }

    /** Only the org's own OAuth client (the till's credentials), never a person's session or an app. */
    public void requireOwnClient() {
        if (!OAUTH_CLIENT.equals(kind)) {
            throw new ForbiddenException("only the org's own OAuth client (a terminal's credentials) may do this");
        }
    }
}
