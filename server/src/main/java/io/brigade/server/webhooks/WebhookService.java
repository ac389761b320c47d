package io.brigade.server.webhooks;

import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.protocol.webhooks.SubscriptionRequest;
import io.brigade.protocol.webhooks.SubscriptionView;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Subscriptions for both faces (v3 Webhook Service API and the back-office webhook manager). */
public final class WebhookService {
    static final int MAX_PER_ORG = 10;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final int MAX_URL = 2000;

    private final Database database;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final OrgRepository orgs;
    private final WebhookOutbox outbox;
    private final SecretBox box;
    private final CallbackGuard guard;
    private final Clock clock;
    private final Runnable hint;

    /**
     * The {@code webhook-retries} job's sweep: an owner who fixed their endpoint need not wait up to an hour
     * for the schedule. Retries of the org's enabled subscriptions become due now and the dispatcher is
     * woken; answers how many deliveries were brought forward.
     */
    public int retryNow(String orgId) {
        int requeued = database.inTransaction(c -> deliveries.retryNow(c, orgId, clock.instant()));
        if (requeued > 0) {
            hint.run();
        }
        return requeued;
    }

    public WebhookService(Database database, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                          OrgRepository orgs, WebhookOutbox outbox, SecretBox box, CallbackGuard guard, Clock clock,
                          Runnable hint) {
        this.database = database;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.orgs = orgs;
        this.outbox = outbox;
        this.box = box;
        this.guard = guard;
        this.clock = clock;
        this.hint = hint;
    }

    /** v3: the caller supplies the secret. */
    public SubscriptionView createV3(String orgId, SubscriptionRequest r) {
        return createV3(orgId, r, null);
    }

    /** v3, by an installed app when {@code app} is not null (see {@link AppCaller}). */
    public SubscriptionView createV3(String orgId, SubscriptionRequest r, AppCaller app) {
        Validation v = new Validation();
        checkSecret(r.secret(), v);
        SubscriptionRequest limited = app == null ? r : app.limit(r, v, true);
        return create(orgId, limited, r.secret(), Subscription.V3, v, false, app == null ? null : app.clientId());
    }

    /** Back office: Enterprise only; the server generates a 32-byte secret and shows it this once. */
    public SubscriptionView createBackOffice(String orgId, SubscriptionRequest r) {
        Plan plan = database.read(c -> orgs.plan(c, orgId)).orElseThrow(() -> new NotFoundException("org " + orgId))
                .plan();
        plan.require(Plan.ENTERPRISE, Plan.Features.WEBHOOKS);
        String secret = "whsec_" + io.brigade.server.auth.Secrets.randomToken(32);
        return create(orgId, r, secret, Subscription.BACK_OFFICE, new Validation(), true, null);
    }

    private SubscriptionView create(String orgId, SubscriptionRequest r, String secret, String origin, Validation v,
                                    boolean showSecret, String appClientId) {
        checkUrl(r.callbackUrl(), v);
        checkEventTypes(r.eventTypes(), true, v);
        v.throwIfUnprocessable();
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            List<String> properties = checkProperties(c, orgId, r.propertyIds());
            subscriptions.lockOrg(c, orgId);
            if (subscriptions.count(c, orgId) >= MAX_PER_ORG) {
                throw new ConflictException("an org may have at most " + MAX_PER_ORG
                        + " webhook subscriptions; delete one first");
            }
            Subscription s = new Subscription("sub_" + UUID.randomUUID(), orgId, r.callbackUrl().strip(),
                    box.seal(secret), List.copyOf(new LinkedHashSet<>(r.eventTypes())), properties, origin, true,
                    null, null, 0, now, now);
            subscriptions.insert(c, s);
            if (appClientId != null) {
                subscriptions.setApp(c, s.subscriptionId(), appClientId);
            }
            return view(s, Map.of(), showSecret ? secret : null);
        });
    }

    public List<SubscriptionView> list(String orgId) {
        return database.read(c -> {
            List<SubscriptionView> out = new ArrayList<>();
            for (Subscription s : subscriptions.list(c, orgId)) {
                out.add(view(s, deliveries.counts(c, s.subscriptionId()), null));
            }
            return out;
        });
    }

    public SubscriptionView get(String orgId, String subId) {
        return database.read(c -> {
            Subscription s = find(c, orgId, subId);
            return view(s, deliveries.counts(c, subId), null);
        });
    }

    /** v3 update: any of callbackUrl, secret, eventTypes, propertyIds, enabled. */
    public SubscriptionView update(String orgId, String subId, SubscriptionRequest r) {
        return update(orgId, subId, r, null);
    }

    /** v3 update by an installed app when {@code app} is not null: its own subscriptions only, inside its stores. */
    public SubscriptionView update(String orgId, String subId, SubscriptionRequest request, AppCaller app) {
        Validation v = new Validation();
        if (app != null) {
            requireOwn(orgId, subId, app);
        }
        SubscriptionRequest r = app == null ? request : app.limit(request, v, false);
        if (r.callbackUrl() != null) {
            checkUrl(r.callbackUrl(), v);
        }
        if (r.secret() != null) {
            checkSecret(r.secret(), v);
        }
        if (r.eventTypes() != null) {
            checkEventTypes(r.eventTypes(), true, v);
        }
        v.throwIfUnprocessable();
        Instant now = clock.instant();
        SubscriptionView view = database.inTransaction(c -> {
            Subscription s = find(c, orgId, subId);
            List<String> properties = r.propertyIds() == null ? s.propertyIds()
                    : checkProperties(c, orgId, r.propertyIds());
            Subscription changed = new Subscription(s.subscriptionId(), orgId,
                    r.callbackUrl() == null ? s.callbackUrl() : r.callbackUrl().strip(),
                    r.secret() == null ? s.sealedSecret() : box.seal(r.secret()),
                    r.eventTypes() == null ? s.eventTypes() : List.copyOf(new LinkedHashSet<>(r.eventTypes())),
                    properties, s.origin(), s.enabled(), s.disabledReason(), s.disabledAt(), s.consecutiveFailures(),
                    s.createdAt(), now);
            subscriptions.update(c, changed);
            if (Boolean.TRUE.equals(r.enabled())) {
                subscriptions.enable(c, subId, now);
            } else if (Boolean.FALSE.equals(r.enabled())) {
                subscriptions.disable(c, subId, "disabled by the owner", now);
            }
            return view(find(c, orgId, subId), deliveries.counts(c, subId), null);
        });
        hint.run();
        return view;
    }

    /** Re-enables: clears the failure count and makes every pending delivery due now. */
    public SubscriptionView enable(String orgId, String subId) {
        return update(orgId, subId, new SubscriptionRequest(null, null, null, null, true));
    }

    /** An app sees only the subscriptions it made on an org that installed it (others answer 404). */
    public void requireOwn(String orgId, String subId, AppCaller app) {
        if (app != null && !database.read(c -> subscriptions.app(c, orgId, subId)).filter(app.clientId()::equals)
                .isPresent()) {
            throw new NotFoundException("subscription " + subId);
        }
    }

    /** The subscriptions an installed app made on an org (all of the org's for {@code app} null). */
    public List<SubscriptionView> list(String orgId, AppCaller app) {
        if (app == null) {
            return list(orgId);
        }
        List<String> own = database.read(c -> subscriptions.ofApp(c, orgId, app.clientId()));
        return list(orgId).stream().filter(s -> own.contains(s.subscriptionId())).toList();
    }

    public void delete(String orgId, String subId) {
        database.inTransaction(c -> {
            if (!subscriptions.delete(c, orgId, subId)) {
                throw new NotFoundException("subscription " + subId);
            }
            return null;
        });
    }

    public List<DeliveryAttempt> attempts(String orgId, String subId, int limit) {
        return database.read(c -> {
            find(c, orgId, subId);
            return deliveries.attempts(c, subId, limit);
        });
    }

    /** One synthetic delivery per subscribed event type; answers the event ids. */
    public List<Map<String, String>> trigger(String orgId, String subId) {
        List<Map<String, String>> out = database.inTransaction(c -> {
            Subscription s = find(c, orgId, subId);
            SalesChannel channel = sampleChannel(c, orgId, s.propertyIds());
            List<Map<String, String>> events = new ArrayList<>();
            for (String type : s.eventTypes()) {
                Envelope e = sample(type, orgId, channel).synthetic();
                Map<String, String> row = new LinkedHashMap<>();
                row.put("eventType", type);
                row.put("eventId", outbox.appendFor(c, orgId, e, subId));
                events.add(row);
            }
            return events;
        });
        hint.run();
        return out;
    }

    private static Envelope sample(String type, String orgId, SalesChannel channel) {
        Envelope e = Envelope.forChannel(type, orgId, channel);
        if (type.startsWith("sales.")) {
            e.with("saleId", "TEST01").with("externalId", "test-external-id");
            switch (type) {
                case EventTypes.SALE_CANCELLED -> e.with("cancellationReason", "Test").with("cancellationNotes", null)
                        .with("cancelledBy", null);
                case EventTypes.SALE_POS_STATUS -> e.with("status", "SALE_PREPARED_BY_KITCHEN");
                case EventTypes.SALE_DELIVERY_STATUS -> e.with("status", "SALE_DISPATCHED")
                        .with("dispatchTime", Instant.parse("2025-10-28T14:30:00Z"));
                case EventTypes.SALE_REFUNDED -> e.with("refundId", "00000000-0000-0000-0000-000000000003")
                        .with("amount", new java.math.BigDecimal("3.50")).with("paymentMethod", "Cash")
                        .with("reason", "Test").with("totalRefunds", new java.math.BigDecimal("3.50"));
                default -> { }
            }
        } else if (type.startsWith("menu.")) {
            e.with("menuId", "00000000-0000-0000-0000-000000000000").with("menuRevisionId", 1);
            if (type.equals(EventTypes.MENU_PUBLISHED)) {
                e.with("menuPublishId", "00000000-0000-0000-0000-000000000001").with("currency", "EUR")
                        .with("menu", Map.of("categories", List.of()));
            } else if (type.equals(EventTypes.MENU_VALIDATION_FAILED)) {
                e.with("menuPublishId", "00000000-0000-0000-0000-000000000001").with("errorMessage", "test");
            } else {
                e.with("menuItemId", "00000000-0000-0000-0000-000000000002").with("expiry", null);
            }
        } else {
            e.with("expiry", null);
        }
        return e;
    }

    private SalesChannel sampleChannel(Connection c, String orgId, List<String> propertyIds) throws SQLException {
        for (Property p : orgs.properties(c, orgId)) {
            if (propertyIds == null || propertyIds.isEmpty() || propertyIds.contains(p.propertyId())) {
                List<SalesChannel> channels = orgs.channels(c, orgId, p.propertyId());
                if (!channels.isEmpty()) {
                    return channels.get(0);
                }
            }
        }
        return new SalesChannel(null, propertyIds == null || propertyIds.isEmpty() ? null : propertyIds.get(0), null,
                null, "POS", List.of());
    }

    private Subscription find(Connection c, String orgId, String subId) throws SQLException {
        return subscriptions.find(c, orgId, subId).orElseThrow(() -> new NotFoundException("subscription " + subId));
    }

    private void checkUrl(String url, Validation v) {
        if (!v.require(url, "callbackUrl")) {
            return;
        }
        if (url.length() > MAX_URL) {
            v.error("callbackUrl", "must be at most " + MAX_URL + " characters");
            return;
        }
        String why = guard.refusal(url.strip());
        if (why != null) {
            v.error("callbackUrl", why);
        }
    }

    private static void checkSecret(String secret, Validation v) {
        if (!v.require(secret, "secret")) {
            return;
        }
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            v.error("secret", "must be between " + MIN_SECRET + " and " + MAX_SECRET
                    + " characters (a strong random string)");
        }
    }

    private static void checkEventTypes(List<String> types, boolean required, Validation v) {
        if (types == null || types.isEmpty()) {
            if (required) {
                v.error("eventTypes", "name at least one event type, from " + EventTypes.ALL);
            }
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !EventTypes.ALL.contains(types.get(i))) {
                v.error("eventTypes[" + i + "]", "unknown event type " + types.get(i) + "; use one of " + EventTypes.ALL);
            }
        }
    }

    private List<String> checkProperties(Connection c, String orgId, List<String> propertyIds) throws SQLException {
        if (propertyIds == null || propertyIds.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        for (Property p : orgs.properties(c, orgId)) {
            known.add(p.propertyId());
        }
        Validation v = new Validation();
        for (int i = 0; i < propertyIds.size(); i++) {
            if (!known.contains(propertyIds.get(i))) {
                v.error("propertyIds[" + i + "]", "no property " + propertyIds.get(i) + " in this org");
            }
        }
        v.throwIfUnprocessable();
        return List.copyOf(new LinkedHashSet<>(propertyIds));
    }

    private static SubscriptionView view(Subscription s, Map<String, Integer> deliveries, String secret) {
        return new SubscriptionView(s.subscriptionId(), s.orgId(), s.callbackUrl(), s.eventTypes(),
                s.propertyIds(), s.enabled(), s.disabledReason(), s.disabledAt(), s.consecutiveFailures(),
                deliveries, s.createdAt(), s.updatedAt(), secret);
    }
}
