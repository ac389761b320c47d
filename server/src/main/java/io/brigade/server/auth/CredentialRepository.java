package io.brigade.server.auth;

import io.brigade.protocol.apikeys.ApiKey;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** OAuth clients, their access tokens and API keys; only SHA-256 digests of secrets are stored. */
public final class CredentialRepository {

    /** A client's org and the digest of its secret. */
    public record ClientRow(String clientId, String orgId, String secretHash) {
    }

    public void insertClient(Connection c, String clientId, String orgId, String name, String secretHash,
                             Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO oauth_clients (client_id, org_id, name, secret_hash, created_at) VALUES (?,?,?,?,?)")) {
            Sql.bind(ps, clientId, orgId, name, secretHash, now);
            ps.executeUpdate();
        }
    }

    public Optional<ClientRow> findClient(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT client_id, org_id, secret_hash FROM oauth_clients WHERE client_id = ?")) {
            Sql.bind(ps, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ClientRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public void insertToken(Connection c, String tokenHash, String clientId, String orgId, String scope,
                            Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_tokens (token_hash, client_id, org_id, scope, expires_at) VALUES (?,?,?,?,?)")) {
            Sql.bind(ps, tokenHash, clientId, orgId, scope, expiresAt);
            ps.executeUpdate();
        }
    }

    /** The caller of an unexpired token. */
    public Optional<Caller> findToken(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org_id, client_id FROM access_tokens WHERE token_hash = ? AND expires_at > ?")) {
            Sql.bind(ps, tokenHash, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Caller.OrgClient(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    public void insertApiKey(Connection c, String keyId, String orgId, String name, String key, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_id, org_id, name, key_hash, "
                + "key_prefix, last_four, created_at) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bind(ps, keyId, orgId, name, Secrets.sha256Hex(key), ApiKeyFormat.displayPrefix(key),
                    ApiKeyFormat.lastFour(key), now);
            ps.executeUpdate();
        }
    }

    /** An unrevoked key's org, id and the org's plan, in one read per request. */
    public record ApiKeyCaller(String orgId, String keyId, String plan) {
    }

    public Optional<ApiKeyCaller> findApiKeyCaller(Connection c, String keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.org_id, k.key_id, o.plan FROM api_keys k "
                + "JOIN orgs o ON o.org_id = k.org_id WHERE k.key_hash = ? AND k.revoked_at IS NULL")) {
            Sql.bind(ps, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ApiKeyCaller(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The org's unrevoked keys, counted with the org's row locked, so that two creations at once cannot both pass
     * a cap (the lock is held until the transaction ends).
     */
    public int lockAndCountActiveApiKeys(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id FROM orgs WHERE org_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId);
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM api_keys WHERE org_id = ? AND revoked_at IS NULL")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public java.util.List<ApiKey> apiKeys(Connection c, String orgId) throws SQLException {
        java.util.List<ApiKey> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, name, key_prefix, last_four, created_at, "
                + "last_used_at, revoked_at FROM api_keys WHERE org_id = ? ORDER BY created_at, key_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"),
                            Sql.instant(rs, "revoked_at")));
                }
            }
        }
        return out;
    }

    /** Revokes a key of the org; false when the org has no such key. */
    public boolean revokeApiKey(Connection c, String orgId, String keyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) "
                + "WHERE org_id = ? AND key_id = ?")) {
            Sql.bind(ps, now, orgId, keyId);
            return ps.executeUpdate() == 1;
        }
    }

    public void touchApiKey(Connection c, String keyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE key_id = ?")) {
            Sql.bind(ps, now, keyId);
            ps.executeUpdate();
        }
    }
}
