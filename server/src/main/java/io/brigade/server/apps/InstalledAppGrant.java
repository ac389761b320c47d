package io.brigade.server.apps;

import io.brigade.server.access.AppGrant;
import io.brigade.server.access.Scopes;
import io.brigade.server.db.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app token's grant for one request: the owner org gets every v3 scope on every store; another org what
 * its install says, read from the database the first time the request asks about that org.
 */
final class InstalledAppGrant implements AppGrant {
    private final Database database;
    private final AppRepository repository;
    private final String clientId;
    private final String ownerOrgId;
    // One request's memo: a new grant is made for every request, so an uninstall applies to the next one.
    private final Map<String, Optional<OrgAccess>> seen = new HashMap<>();

    InstalledAppGrant(Database database, AppRepository repository, String clientId, String ownerOrgId) {
        this.database = database;
        this.repository = repository;
        this.clientId = clientId;
        this.ownerOrgId = ownerOrgId;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public String ownerOrgId() {
        return ownerOrgId;
    }

    @Override
    public Optional<OrgAccess> access(String orgId) {
        return seen.computeIfAbsent(orgId, this::load);
    }

    private Optional<OrgAccess> load(String orgId) {
        if (ownerOrgId.equals(orgId)) {
            return Optional.of(new OrgAccess(true, true, Set.copyOf(Scopes.ALL), Set.of()));
        }
        return database.read(c -> repository.access(c, clientId, orgId)).map(a -> new OrgAccess(false,
                a.installed(), Set.copyOf(a.scopes()), Set.copyOf(a.propertyIds())));
    }

    @Override
    public List<String> orgIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        ids.add(ownerOrgId);
        for (String orgId : database.read(c -> repository.installedOrgIds(c, clientId))) {
            // Listed only where the install may read the org tree.
            if (access(orgId).map(a -> a.scopes().contains(Scopes.ORG_READ)).orElse(false)) {
                ids.add(orgId);
            }
        }
        return new ArrayList<>(ids);
    }
}
