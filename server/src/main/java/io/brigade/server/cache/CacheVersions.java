package io.brigade.server.cache;

import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import java.util.List;

/**
 * The orgs' cache versions, shared by every server node through the database. A change moves its org's version
 * on before its writer is answered (in the change's own transaction where it can, as the sale batcher does, or
 * right after its commit); a node serves a cached answer only while the org's version is the one the answer was
 * loaded at. So a write on one node is never hidden by another node's cache once the writer has its answer.
 */
public final class CacheVersions {
    private final Database database;
    private final CacheVersionRepository repository;

    public CacheVersions(Database database, CacheVersionRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    /** The org's version as the database has it now (a read of the primary: it must not lag). */
    public long current(String orgId) {
        return database.read(c -> repository.current(c, orgId));
    }

    /** Moves the org's version on in a transaction of its own, for a change that has committed already. */
    public void bump(String orgId) {
        try {
            database.inTransaction(c -> {
                repository.bump(c, List.of(orgId));
                return null;
            });
        } catch (DataAccessException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // Another node inserted the org's first version at the same moment: the row is there now.
            database.inTransaction(c -> {
                repository.bump(c, List.of(orgId));
                return null;
            });
        }
    }
}
