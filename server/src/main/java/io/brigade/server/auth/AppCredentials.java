package io.brigade.server.auth;

import io.brigade.server.access.Caller;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth apps as the token endpoint and the authenticator see them; the apps feature implements it. An app
 * client is tried only when the id is not an org's own client.
 */
public interface AppCredentials {

    /** True if {@code secret} is the app's current secret, or its previous one still inside the grace period. */
    boolean verify(Connection c, String clientId, String secret, Instant now) throws SQLException;

    void insertToken(Connection c, String tokenHash, String clientId, String scope, Instant expiresAt)
            throws SQLException;

    /** The caller of an unexpired app token (its grant reads installs per request). */
    Optional<Caller> findToken(Connection c, String tokenHash, Instant now) throws SQLException;

    /** No apps (a server wired without the apps feature). */
    AppCredentials NONE = new AppCredentials() {
        @Override
        public boolean verify(Connection c, String clientId, String secret, Instant now) {
            return false;
        }

        @Override
        public void insertToken(Connection c, String tokenHash, String clientId, String scope, Instant expiresAt) {
            throw new IllegalStateException("no apps");
        }

        @Override
        public Optional<Caller> findToken(Connection c, String tokenHash, Instant now) {
            return Optional.empty();
        }
    };
}
