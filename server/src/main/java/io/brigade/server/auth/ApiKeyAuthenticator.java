package io.brigade.server.auth;

import io.brigade.server.access.Caller;
import io.brigade.server.db.Database;
import io.brigade.server.domain.UnauthorizedException;
import io.brigade.server.org.Plan;
import io.brigade.server.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Request;

/**
 * Authenticates API keys: /api/v1 requests by {@code X-API-Key}, and v3 requests that carry a key in
 * {@code FD-Authorization} or {@code Authorization}. Malformed, unknown or revoked -> 401 (and counted against
 * the client address, which gets 429 after too many); a valid key of an org below Enterprise -> 403 with the
 * upgrade, whichever face it calls. The plan is read with the key, fresh on every request. A key has one
 * quota: v1 routes take it as they answer (with the RateLimit headers), v3 requests here, a sale push also
 * from the order quota.
 */
public final class ApiKeyAuthenticator {
    /** The header the public API takes its key from. */
    public static final String HEADER = "X-API-Key";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final CredentialRepository credentials;
    private final RateLimiter limiter;
    private final Clock clock;
    // When this node last wrote a key's last_used_at: at most one write per key per minute.
    private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(Database database, CredentialRepository credentials, RateLimiter limiter,
                               Clock clock) {
        this.database = database;
        this.credentials = credentials;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** The caller of an /api/v1 request. */
    public Caller authenticate(Request request) {
        String address = Request.getRemoteAddr(request);
        limiter.checkAuthAllowed(address);
        String key = request.getHeaders().get(HEADER);
        if (key == null || key.isBlank()) {
            limiter.authFailed(address);
            throw new UnauthorizedException("send your API key in the X-API-Key header");
        }
        key = key.strip();
        if (!ApiKeyFormat.isWellFormed(key)) {
            limiter.authFailed(address);
            throw new UnauthorizedException("the X-API-Key header does not hold a well-formed API key");
        }
        String hash = Secrets.sha256Hex(key);
        CredentialRepository.ApiKeyCaller caller = database.read(c -> credentials.findApiKeyCaller(c, hash))
                .orElse(null);
        if (caller == null) {
            limiter.authFailed(address);
            throw new UnauthorizedException("the API key is unknown or revoked");
        }
        Plan.parse(caller.plan()).require(Plan.ENTERPRISE, Plan.Features.PUBLIC_API);
        touch(caller.keyId());
        return new Caller.ApiKey(caller.orgId(), caller.keyId());
    }

    /**
     * The caller of a v3 request whose credential is the API key {@code key}: the same plan gate as /api/v1, and
     * one request from the key's general quota (a sale push also one from its order quota).
     */
    public Caller v3(Request request, String key) {
        String address = Request.getRemoteAddr(request);
        limiter.checkAuthAllowed(address);
        CredentialRepository.ApiKeyCaller caller = database.read(c -> credentials.findApiKeyCaller(c,
                Secrets.sha256Hex(key))).orElse(null);
        if (caller == null) {
            limiter.authFailed(address);
            throw new UnauthorizedException("the API key is unknown or revoked");
        }
        Plan.parse(caller.plan()).require(Plan.ENTERPRISE, Plan.Features.PUBLIC_API);
        limiter.acquire(caller.keyId(), isSalePush(request));
        touch(caller.keyId());
        return new Caller.ApiKey(caller.orgId(), caller.keyId());
    }

    // POST /salesManagement/orgs/{orgId}/sales or its /sales alias: the v3 face of order creation.
    private static boolean isSalePush(Request request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String[] parts = request.getHttpURI().getDecodedPath().split("/");
        return parts.length == 5 && parts[0].isEmpty() && (parts[1].equals("salesManagement")
                || parts[1].equals("sales")) && parts[2].equals("orgs") && parts[4].equals("sales");
    }

    private void touch(String keyId) {
        Instant now = clock.instant();
        Instant last = touched.get(keyId);
        if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        touched.put(keyId, now);
        database.inTransaction(c -> {
            credentials.touchApiKey(c, keyId, now);
            return null;
        });
    }
}
