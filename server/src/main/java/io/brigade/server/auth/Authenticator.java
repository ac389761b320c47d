package io.brigade.server.auth;

import io.brigade.protocol.Headers;
import io.brigade.server.db.Database;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.staff.StaffRepository;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Finds the caller of a v3 request: {@code Authorization: Bearer <token>}, or an API key in
 * {@code FD-Authorization} (marketplace guide) or bare in {@code Authorization} (Webhook Service API).
 * Staff session tokens carry their own prefix, so telling them from OAuth tokens costs no extra lookup.
 */
public final class Authenticator {
    private final Database database;
    private final CredentialRepository credentials;
    private final StaffRepository staff;
    private final Clock clock;
    private final AppCredentials apps;

    /** Accepts OAuth client tokens, API keys, staff sessions and the tokens of installed OAuth apps (issue 9). */
    public Authenticator(Database database, CredentialRepository credentials, StaffRepository staff, Clock clock,
                         AppCredentials apps) {
        this.database = database;
        this.credentials = credentials;
        this.staff = staff;
        this.clock = clock;
        this.apps = apps;
    }

    /** How a staff session token begins. */
    public static final String STAFF_TOKEN_PREFIX = "bst_";

    public Principal authenticate(Request request) {
        String value = request.getHeaders().get(Headers.AUTHORIZATION);
        if (value == null || value.isBlank()) {
            value = request.getHeaders().get(Headers.FD_AUTHORIZATION);
        }
        if (value == null || value.isBlank()) {
            throw new UnauthorizedException("send an access token as 'Authorization: Bearer <token>' "
                    + "or an API key in 'FD-Authorization'");
        }
        String credential = value.strip();
        if (credential.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = credential.substring(7).strip();
            if (ApiKeyFormat.isWellFormed(token)) {
                return apiKey(token);
            }
            String hash = Secrets.sha256Hex(token);
            if (token.startsWith(STAFF_TOKEN_PREFIX)) {
                return database.read(c -> staff.findSession(c, hash, clock.instant()))
                        .orElseThrow(() -> new UnauthorizedException("the staff session has ended; sign in again"));
            }
            return database.read(c -> {
                Optional<Principal> own = credentials.findToken(c, hash, clock.instant());
                return own.isPresent() ? own : apps.findToken(c, hash, clock.instant());
            }).orElseThrow(() -> new UnauthorizedException("the access token is unknown or expired"));
        }
        if (ApiKeyFormat.isWellFormed(credential)) {
            return apiKey(credential);
        }
        throw new UnauthorizedException("the credential is not a bearer token or a well-formed API key");
    }

    private Principal apiKey(String key) {
        String hash = Secrets.sha256Hex(key);
        return database.read(c -> credentials.findApiKey(c, hash))
                .orElseThrow(() -> new UnauthorizedException("the API key is unknown or revoked"));
    }
}
