package io.brigade.server.auth;

/** Who is calling: an OAuth client or an API key, acting for one org. */
public record Principal(String orgId, String kind, String subject) {

    public boolean canAccessOrg(String requestedOrgId) {
        return orgId.equals(requestedOrgId);
    }
}
