package io.brigade.server.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an OAuth app's token may reach, read from the installs for each request (never cached across
 * requests), so an uninstall applies to the very next call.
 */
public interface AppGrant {

    /** The app's access on one org: its scopes and stores, or revoked after an uninstall. */
    record OrgAccess(boolean owner, boolean installed, Set<String> scopes, Set<String> propertyIds) {
        /** Every store of the org is covered (the owner org, or a None / all-stores install). */
        public boolean allStores() {
            return owner || propertyIds.isEmpty();
        }
    }

    String clientId();

    String ownerOrgId();

    /** The app's access on {@code orgId}: empty when the app was never installed there and it is not the owner. */
    Optional<OrgAccess> access(String orgId);

    /** The owner org and the orgs where the app is installed now and may read the org tree ({@code org:read}). */
    List<String> orgIds();

    /** True for the owner org and for orgs that have (or had) the app installed; the scope rules refuse the latter. */
    default boolean reaches(String orgId) {
        return access(orgId).isPresent();
    }
}
