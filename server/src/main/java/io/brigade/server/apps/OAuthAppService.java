package io.brigade.server.apps;

import io.brigade.protocol.apps.AppWire.OAuthAppRequest;
import io.brigade.protocol.apps.AppWire.OAuthAppView;
import io.brigade.protocol.apps.AppWire.RotatedSecret;
import io.brigade.server.apps.AppRecords.OAuthApp;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.webhooks.CallbackGuard;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.Subscription;
import io.brigade.server.webhooks.SubscriptionRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * OAuth apps of a developer org: create (client id and secret shown once, the secret stored as SHA-256),
 * change the name or lifecycle callback URL, rotate the secret (the old one works for {@link #GRACE}), delete.
 * The lifecycle callback is an ordinary webhook subscription of the owner org (origin {@code app}), so the
 * outbox, dispatcher, signing, retries and delivery log are the webhooks feature's own.
 */
final class OAuthAppService {
    /** How long a rotated-out secret still gets tokens. */
    static final Duration GRACE = Duration.ofHours(24);
    static final String ORIGIN = "app";
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2000;

    private final Database database;
    private final AppRepository repository;
    private final SubscriptionRepository subscriptions;
    private final SecretBox box;
    private final CallbackGuard guard;
    private final Clock clock;

    OAuthAppService(Database database, AppRepository repository, SubscriptionRepository subscriptions, SecretBox box,
                    CallbackGuard guard, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.box = box;
        this.guard = guard;
        this.clock = clock;
    }

    OAuthAppView create(String orgId, OAuthAppRequest r) {
        Validation v = new Validation();
        checkName(r.name(), v);
        if (r.callbackUrl() != null) {
            checkUrl(r.callbackUrl(), v);
        }
        v.throwIfUnprocessable();
        String clientId = "app_" + Secrets.base62(20);
        String secret = Secrets.randomToken(32);
        String webhookSecret = r.callbackUrl() == null ? null : "whsec_" + Secrets.randomToken(32);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            String subId = webhookSecret == null ? null : insertLifecycle(c, orgId, r.callbackUrl().strip(),
                    webhookSecret, now);
            OAuthApp app = new OAuthApp(clientId, orgId, r.name().strip(), Secrets.sha256Hex(secret), null, null,
                    subId, now, null);
            repository.insertApp(c, app);
            return view(c, app, secret, webhookSecret);
        });
    }

    List<OAuthAppView> list(String orgId) {
        return database.read(c -> {
            List<OAuthAppView> out = new ArrayList<>();
            for (OAuthApp a : repository.listApps(c, orgId)) {
                out.add(view(c, a, null, null));
            }
            return out;
        });
    }

    OAuthAppView get(String orgId, String clientId) {
        return database.read(c -> view(c, find(c, orgId, clientId), null, null));
    }

    /** Changes the name and/or the callback URL; a first callback URL creates the subscription and its secret. */
    OAuthAppView update(String orgId, String clientId, OAuthAppRequest r) {
        Validation v = new Validation();
        if (r.name() != null) {
            checkName(r.name(), v);
        }
        if (r.callbackUrl() != null) {
            checkUrl(r.callbackUrl(), v);
        }
        if (r.name() == null && r.callbackUrl() == null) {
            v.error("name", "send a name or a callbackUrl to change");
        }
        v.throwIfUnprocessable();
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            OAuthApp a = find(c, orgId, clientId);
            String webhookSecret = null;
            String subId = a.lifecycleSubscriptionId();
            Optional<Subscription> existing = subId == null ? Optional.empty() : subscriptions.find(c, orgId, subId);
            if (r.callbackUrl() != null) {
                if (existing.isPresent()) {
                    Subscription s = existing.get();
                    subscriptions.update(c, new Subscription(s.subscriptionId(), s.orgId(), r.callbackUrl().strip(),
                            s.sealedSecret(), s.eventTypes(), s.propertyIds(), s.origin(), s.enabled(),
                            s.disabledReason(), s.disabledAt(), s.consecutiveFailures(), s.createdAt(), now));
                } else {
                    webhookSecret = "whsec_" + Secrets.randomToken(32);
                    subId = insertLifecycle(c, orgId, r.callbackUrl().strip(), webhookSecret, now);
                }
            }
            OAuthApp changed = new OAuthApp(a.clientId(), a.ownerOrgId(), r.name() == null ? a.name() : r.name().strip(),
                    a.secretHash(), a.previousSecretHash(), a.previousSecretExpiresAt(), subId, a.createdAt(),
                    a.secretRotatedAt());
            repository.saveApp(c, changed);
            return view(c, changed, null, webhookSecret);
        });
    }

    /**
     * A new secret, shown once. The secret it replaces still gets tokens for {@link #GRACE}; one rotated out
     * earlier stops at once (only the latest previous secret is kept). Tokens already issued run to their expiry.
     */
    RotatedSecret rotate(String orgId, String clientId) {
        String secret = Secrets.randomToken(32);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            OAuthApp a = find(c, orgId, clientId);
            Instant until = now.plus(GRACE);
            repository.saveApp(c, new OAuthApp(a.clientId(), a.ownerOrgId(), a.name(), Secrets.sha256Hex(secret),
                    a.secretHash(), until, a.lifecycleSubscriptionId(), a.createdAt(), now));
            return new RotatedSecret(clientId, secret, until);
        });
    }

    /**
     * Deletes the app: its tokens stop at once, its listing and installs go, and so do the subscriptions it
     * made on installing orgs and its lifecycle subscription.
     */
    void delete(String orgId, String clientId) {
        database.inTransaction(c -> {
            OAuthApp a = find(c, orgId, clientId);
            for (AppRecords.Install i : installsOf(c, a.clientId())) {
                for (String sub : subscriptions.ofApp(c, i.orgId(), a.clientId())) {
                    subscriptions.delete(c, i.orgId(), sub);
                }
            }
            if (a.lifecycleSubscriptionId() != null) {
                subscriptions.delete(c, orgId, a.lifecycleSubscriptionId());
            }
            repository.deleteApp(c, a.clientId());
            return null;
        });
    }

    private List<AppRecords.Install> installsOf(Connection c, String clientId) throws SQLException {
        List<AppRecords.Install> out = new ArrayList<>();
        for (String org : repository.installedOrgIds(c, clientId)) {
            repository.findInstall(c, clientId, org).ifPresent(out::add);
        }
        return out;
    }

    private String insertLifecycle(Connection c, String orgId, String url, String secret, Instant now)
            throws SQLException {
        Subscription s = new Subscription("sub_" + UUID.randomUUID(), orgId, url, box.seal(secret),
                LifecycleEvents.ALL, List.of(), ORIGIN, true, null, null, 0, now, now);
        subscriptions.insert(c, s);
        return s.subscriptionId();
    }

    private OAuthAppView view(Connection c, OAuthApp a, String secret, String webhookSecret) throws SQLException {
        Optional<Subscription> s = a.lifecycleSubscriptionId() == null ? Optional.empty()
                : subscriptions.find(c, a.ownerOrgId(), a.lifecycleSubscriptionId());
        return new OAuthAppView(a.clientId(), a.name(), s.map(Subscription::callbackUrl).orElse(null),
                s.map(Subscription::eventTypes).orElse(null), s.map(Subscription::subscriptionId).orElse(null),
                a.createdAt(), a.secretRotatedAt(), a.previousSecretExpiresAt(), secret, webhookSecret);
    }

    private OAuthApp find(Connection c, String orgId, String clientId) throws SQLException {
        return repository.findOwnedApp(c, orgId, clientId)
                .orElseThrow(() -> new NotFoundException("OAuth app " + clientId));
    }

    private static void checkName(String name, Validation v) {
        if (v.require(name, "name") && name.strip().length() > MAX_NAME) {
            v.error("name", "must be at most " + MAX_NAME + " characters");
        }
    }

    private void checkUrl(String url, Validation v) {
        if (url.isBlank()) {
            v.error("callbackUrl", "must not be blank");
        } else if (url.length() > MAX_URL) {
            v.error("callbackUrl", "must be at most " + MAX_URL + " characters");
        } else {
            String why = guard.refusal(url.strip());
            if (why != null) {
                v.error("callbackUrl", why);
            }
        }
    }
}
