package io.brigade.server.auth;

import io.brigade.server.http.ApiException;
import java.util.List;

/**
 * Who is calling: an OAuth client or an API key acting for one org, or an installed app (kind
 * {@code oauth-app}, {@code orgId} its owner org) whose reach on other orgs is its {@link AppGrant}.
 */
public record Principal(String orgId, String kind, String subject, AppGrant app) {

    public static final String OAUTH_CLIENT = "oauth-client";
    public static final String API_KEY = "api-key";
    public static final String OAUTH_APP = "oauth-app";

    public Principal(String orgId, String kind, String subject) {
        this(orgId, kind, subject, null);
    }

    /** An app's token; {@code orgId} is the developer org that owns the app. */
    public static Principal app(AppGrant grant) {
        return new Principal(grant.ownerOrgId(), OAUTH_APP, grant.clientId(), grant);
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

    /**
     * Back-office routes (API keys, webhook manager, jobs, staff) act as a manager of the org: they take
     * the org's own OAuth client, never an API key, so a leaked integration key cannot mint more keys.
     * An installed app is not a manager either.
     */
    public void requireBackOffice() {
        if (!OAUTH_CLIENT.equals(kind)) {
            throw ApiException.forbidden("back-office routes need a bearer token of the org's own OAuth client; "
                    + "an API key or an app's token cannot manage the org");
        }
    }
}
