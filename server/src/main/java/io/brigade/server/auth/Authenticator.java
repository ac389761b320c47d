package io.brigade.server.auth;

import io.brigade.protocol.Headers;
import io.brigade.protocol.devices.Devices;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.db.Database;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.http.CallerAuthenticator;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Finds the caller of a request. {@code X-API-Key} routes go to the {@link ApiKeyAuthenticator}; the others read
 * {@code Authorization: Bearer <token>}, or an API key in {@code FD-Authorization} (marketplace guide) or bare in
 * {@code Authorization} (Webhook Service API). A bearer token is a staff session (its own prefix, so telling it
 * from OAuth tokens costs no extra lookup), a paired device's credential (its own prefix too), the org's OAuth
 * client's token or an OAuth app's token.
 */
public final class Authenticator implements CallerAuthenticator {
    private final Database database;
    private final CredentialRepository credentials;
    private final StaffSessions sessions;
    private final Clock clock;
    private final AppCredentials apps;
    private final ApiKeyAuthenticator apiKeys;
    private final DeviceCredentials devices;

    public Authenticator(Database database, CredentialRepository credentials, StaffSessions sessions, Clock clock,
                         AppCredentials apps, ApiKeyAuthenticator apiKeys, DeviceCredentials devices) {
        this.devices = devices;
        this.database = database;
        this.credentials = credentials;
        this.sessions = sessions;
        this.clock = clock;
        this.apps = apps;
        this.apiKeys = apiKeys;
    }

    @Override
    public Caller authenticate(Request request, Access.Credential credential) {
        return switch (credential) {
            case API_KEY -> apiKeys.authenticate(request);
            case BEARER -> bearer(request);
            case NONE -> throw new IllegalArgumentException("an open route has no caller");
        };
    }

    private Caller bearer(Request request) {
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
            if (token.startsWith(Devices.CREDENTIAL_PREFIX)) {
                return device(token).orElseThrow(() -> new UnauthorizedException(
                        "this device credential is unknown; pair the device with the store again"));
            }
            if (token.startsWith(StaffSessions.TOKEN_PREFIX)) {
                return database.read(c -> sessions.find(c, token))
                        .orElseThrow(() -> new UnauthorizedException("the staff session has ended; sign in again"));
            }
            String hash = Secrets.sha256Hex(token);
            return database.read(c -> {
                Optional<Caller> own = credentials.findToken(c, hash, clock.instant());
                return own.isPresent() ? own : apps.findToken(c, hash, clock.instant());
            }).orElseThrow(() -> new UnauthorizedException("the access token is unknown or expired"));
        }
        if (ApiKeyFormat.isWellFormed(credential)) {
            return apiKey(credential);
        }
        throw new UnauthorizedException("the credential is not a bearer token or a well-formed API key");
    }

    /** The device holding a device credential ({@code bdv_...}), revoked or not. */
    public Optional<Caller.Device> device(String credential) {
        return devices.find(credential);
    }

    private Caller apiKey(String key) {
        String hash = Secrets.sha256Hex(key);
        return database.read(c -> credentials.findApiKey(c, hash))
                .orElseThrow(() -> new UnauthorizedException("the API key is unknown or revoked"));
    }
}
