package io.brigade.server.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Each org's cache version ({@code org_cache_versions}): a number that every change of what an org's cached
 * answers show moves on, in the database every server node reads.
 */
public final class CacheVersionRepository {

    /**
     * Moves the versions of {@code orgIds} on, in the caller's transaction. Orgs go in id order, so two
     * transactions that bump several orgs wait for each other instead of deadlocking.
     */
    public void bump(Connection c, Collection<String> orgIds) throws SQLException {
        for (String orgId : new TreeSet<>(orgIds)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE org_cache_versions SET version = version + 1 WHERE org_id = ?")) {
                ps.setString(1, orgId);
                if (ps.executeUpdate() > 0) {
                    continue;
                }
            }
            // The org's first change since the table came: a concurrent first change of the same org fails this
            // insert with a unique violation, and its transaction is retried as any conflicting write is.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO org_cache_versions (org_id, version) VALUES (?, 1)")) {
                ps.setString(1, orgId);
                ps.executeUpdate();
            }
        }
    }

    /** The org's version now; 0 before its first change. */
    public long current(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM org_cache_versions WHERE org_id = ?")) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
