package io.brigade.server.apps;

import io.brigade.server.access.Caller;
import io.brigade.server.auth.AppCredentials;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** OAuth apps' secrets (current, or previous within the grace period) and their access tokens. */
public final class AppTokens implements AppCredentials {
    private final Database database;
    private final AppRepository repository;

    AppTokens(Database database, AppRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    @Override
    public boolean verify(Connection c, String clientId, String secret, Instant now) throws SQLException {
        Optional<AppRecords.OAuthApp> app = repository.findApp(c, clientId);
        if (app.isEmpty()) {
            return false;
        }
        AppRecords.OAuthApp a = app.get();
        boolean current = Secrets.matchesHash(a.secretHash(), secret);
        boolean previous = a.previousSecretHash() != null && a.previousSecretExpiresAt() != null
                && now.isBefore(a.previousSecretExpiresAt()) && Secrets.matchesHash(a.previousSecretHash(), secret);
        return current || previous;
    }

    @Override
    public void insertToken(Connection c, String tokenHash, String clientId, String scope, Instant expiresAt)
            throws SQLException {
        repository.insertToken(c, tokenHash, clientId, scope, expiresAt);
    }

    @Override
    public Optional<Caller> findToken(Connection c, String tokenHash, Instant now) throws SQLException {
        return repository.findToken(c, tokenHash, now)
                .map(row -> new Caller.App(new InstalledAppGrant(database, repository, row[0], row[1])));
    }
}
