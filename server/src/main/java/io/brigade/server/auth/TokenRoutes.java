package io.brigade.server.auth;

import io.brigade.protocol.org.TokenResponse;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /identity/connect/token}: the OAuth 2.0 client-credentials grant. Errors use the
 * RFC 6749 body ({@code {"error": ...}}) because OAuth client libraries expect exactly that.
 */
public final class TokenRoutes {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final Database database;
    private final CredentialRepository credentials;
    private final Clock clock;
    private final AppCredentials apps;

    public TokenRoutes(Database database, CredentialRepository credentials, Clock clock) {
        this(database, credentials, clock, AppCredentials.NONE);
    }

    /** Also grants tokens to OAuth apps, tried after the org clients. */
    public TokenRoutes(Database database, CredentialRepository credentials, Clock clock, AppCredentials apps) {
        this.database = database;
        this.credentials = credentials;
        this.clock = clock;
        this.apps = apps;
    }

    public void register(Router router) {
        router.post("/identity/connect/token", Access.open(), this::token);
    }

    private Reply token(Exchange ex) throws Exception {
        // Read before any refusal: answered with its body unread, the connection may be closed under the client,
        // whose next request on it (kept alive) then fails without an answer.
        byte[] body = ex.body();
        String contentType = Optional.ofNullable(ex.header("Content-Type")).orElse("");
        if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "send the form as application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        String basic = ex.header("Authorization");
        if ((clientId == null || clientSecret == null) && basic != null && basic.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(java.util.Base64.getDecoder().decode(basic.substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return oauthError(400, "invalid_request", "the Basic credentials are not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                clientSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        if (clientId == null || clientSecret == null) {
            return oauthError(400, "invalid_request", "client_id and client_secret are required");
        }
        String scope = form.getOrDefault("scope", "api");
        if (scope.length() > 200) {
            return oauthError(400, "invalid_scope", "scope must be at most 200 characters");
        }
        String id = clientId;
        String secret = clientSecret;
        Optional<CredentialRepository.ClientRow> client = database.read(c -> credentials.findClient(c, id));
        if (client.isEmpty()) {
            return appToken(id, secret, scope);
        }
        if (!Secrets.matchesHash(client.get().secretHash(), secret)) {
            return oauthError(401, "invalid_client", "the client id or secret is wrong");
        }
        String token = Secrets.randomToken(32);
        database.inTransaction(c -> {
            credentials.insertToken(c, Secrets.sha256Hex(token), id, client.get().orgId(), scope,
                    clock.instant().plus(TOKEN_LIFETIME));
            return null;
        });
        return new Reply(200, new TokenResponse(token, "Bearer", TOKEN_LIFETIME.toSeconds(), scope),
                "application/json", Map.of("Cache-Control", "no-store"));
    }

    private Reply appToken(String clientId, String secret, String scope) {
        String token = Secrets.randomToken(32);
        boolean granted = database.inTransaction(c -> {
            if (!apps.verify(c, clientId, secret, clock.instant())) {
                return false;
            }
            apps.insertToken(c, Secrets.sha256Hex(token), clientId, scope, clock.instant().plus(TOKEN_LIFETIME));
            return true;
        });
        if (!granted) {
            return oauthError(401, "invalid_client", "the client id or secret is wrong");
        }
        return new Reply(200, new TokenResponse(token, "Bearer", TOKEN_LIFETIME.toSeconds(), scope),
                "application/json", Map.of("Cache-Control", "no-store"));
    }

    private static Reply oauthError(int status, String error, String description) {
        return new Reply(status, Map.of("error", error, "error_description", description), "application/json",
                Map.of("Cache-Control", "no-store"));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }
}
