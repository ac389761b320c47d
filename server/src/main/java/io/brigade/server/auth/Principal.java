package io.brigade.server.auth;

import io.brigade.server.http.ApiException;

/** Who is calling: an OAuth client or an API key, acting for one org. */
public record Principal(String orgId, String kind, String subject) {

    public static final String OAUTH_CLIENT = "oauth-client";
    public static final String API_KEY = "api-key";

    public boolean canAccessOrg(String requestedOrgId) {
        return orgId.equals(requestedOrgId);
    }

    /**
     * Back-office routes (API keys, webhook manager, jobs, staff) act as a manager of the org: they take
     * the org's own OAuth client, never an API key, so a leaked integration key cannot mint more keys.
     */
    public void requireBackOffice() {
        if (!OAUTH_CLIENT.equals(kind)) {
            throw ApiException.forbidden("back-office routes need a bearer token of the org's own OAuth client; "
                    + "an API key cannot manage the org");
        }
    }
}
