package io.brigade.server.auth;

import io.brigade.protocol.Data;
import io.brigade.protocol.apikeys.CreatedApiKey;
import io.brigade.protocol.apikeys.NewApiKey;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import java.time.Clock;
import java.time.Instant;

/**
 * The back office's API Key Manager: {@code /backoffice/v1/orgs/{orgId}/api-keys}. A key is shown
 * once, in the create answer; lists show only its prefix and last four characters.
 */
public final class ApiKeyRoutes {
    /** Unrevoked keys an org may hold at once: each is a separate quota, so more keys would be more quota. */
    static final int MAX_ACTIVE_PER_ORG = 20;
    private static final String KEYS = "/backoffice/v1/orgs/{orgId}/api-keys";

    private final Database database;
    private final CredentialRepository credentials;
    private final OrgRepository orgs;
    private final Clock clock;

    public ApiKeyRoutes(Database database, CredentialRepository credentials, OrgRepository orgs, Clock clock) {
        this.database = database;
        this.credentials = credentials;
        this.orgs = orgs;
        this.clock = clock;
    }

    public void register(Router router) {
        router.post(KEYS, Access.manager(), this::create)
                .get(KEYS, Access.manager(), this::list)
                .delete(KEYS + "/{keyId}", Access.manager(), this::revoke);
    }

    private Reply create(Exchange ex) throws Exception {
        NewApiKey body = ex.json(NewApiKey.class);
        Validation v = new Validation();
        if (v.require(body.name(), "name") && body.name().strip().length() > 200) {
            v.error("name", "must be at most 200 characters");
        }
        v.throwIfMalformed();
        String orgId = ex.path("orgId");
        enforceApiKeyLimit(orgId);
        String key = ApiKeyFormat.generate();
        String keyId = "key" + Secrets.crockford(10);
        Instant now = clock.instant();
        database.inTransaction(c -> {
            if (credentials.lockAndCountActiveApiKeys(c, orgId) >= MAX_ACTIVE_PER_ORG) {
                throw new ConflictException("an org may hold at most " + MAX_ACTIVE_PER_ORG
                        + " active API keys; revoke one first");
            }
            credentials.insertApiKey(c, keyId, orgId, body.name().strip(), key, now);
            return null;
        });
        return Reply.created(new CreatedApiKey(keyId, body.name().strip(), key, ApiKeyFormat.displayPrefix(key),
                ApiKeyFormat.lastFour(key), now)).secret();
    }

    /** API keys are an Enterprise feature: below it, creation is refused with 403 and the upgrade. */
    private void enforceApiKeyLimit(String orgId) {
        database.read(c -> orgs.plan(c, orgId)).orElseThrow(() -> new NotFoundException("org " + orgId))
                .plan().require(Plan.ENTERPRISE, Plan.Features.API_KEYS);
    }

    private Reply list(Exchange ex) {
        return Reply.ok(new Data<>(database.read(c -> credentials.apiKeys(c, ex.path("orgId")))));
    }

    private Reply revoke(Exchange ex) {
        String keyId = ex.path("keyId");
        boolean found = database.inTransaction(c -> credentials.revokeApiKey(c, ex.path("orgId"), keyId,
                clock.instant()));
        if (!found) {
            throw new NotFoundException("API key " + keyId);
        }
        return Reply.noContent();
    }
}
