package io.brigade.server.analytics;

import static io.brigade.protocol.devices.DeviceRole.TILL;
import static io.brigade.server.access.Scopes.ANALYTICS_WRITE;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventBatch;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.analytics.EventsAccepted;
import io.brigade.server.access.Access;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.domain.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Receives analytics event batches from clients: {@code POST /analytics/orgs/{orgId}/events}. */
public final class AnalyticsRoutes {
    static final int MAX_EVENTS = 500;
    static final int MAX_QUANTITY = 999;
    private static final int MAX_ID = 64;
    private static final int MAX_SALE_KEY = 255;
    private static final int ATTEMPTS = 3;
    // Both databases store years 1..9999 without surprises; past that a bad clock would become a 500.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Database database;
    private final AnalyticsEventRepository repository;
    private final EventRollups rollups;
    private final Clock clock;

    public AnalyticsRoutes(Database database, AnalyticsEventRepository repository, EventRollups rollups,
                           Clock clock) {
        this.database = database;
        this.repository = repository;
        this.rollups = rollups;
        this.clock = clock;
    }

    public void register(Router router) {
        router.post("/analytics/orgs/{orgId}/events", Access.scope(ANALYTICS_WRITE)
                .storesInBody("events[].propertyId").channelsInBody("events[].salesChannelId").orDevices(TILL), this::accept);
    }

    private Reply accept(Exchange ex) throws Exception {
        List<AnalyticsEvent> events = ex.json(AnalyticsEventBatch.class).events();
        check(events);
        String orgId = ex.path("orgId");
        for (int attempt = 1; ; attempt++) {
            try {
                int fresh = database.inTransaction(c -> {
                    List<AnalyticsEvent> stored = repository.insertNew(c, orgId, events, clock.instant());
                    rollups.count(c, orgId, stored);
                    return stored.size();
                });
                return Reply.accepted(new EventsAccepted(fresh, events.size() - fresh));
            } catch (DataAccessException e) {
                // A concurrent request stored some of these ids after our lookup; the retry counts them as duplicates.
                if (!e.isUniqueViolation() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Shape checks (400): one bad event refuses the whole batch, so a client never has to split it. */
    static void check(List<AnalyticsEvent> events) {
        Validation v = new Validation();
        if (events == null || events.isEmpty()) {
            v.error("events", "a batch needs at least one event");
        } else if (events.size() > MAX_EVENTS) {
            v.error("events", "a batch may have at most " + MAX_EVENTS + " events");
        } else {
            for (int i = 0; i < events.size(); i++) {
                checkEvent(events.get(i), "events[" + i + "]", v);
            }
        }
        v.throwIfMalformed();
    }

    private static void checkEvent(AnalyticsEvent e, String p, Validation v) {
        if (e == null) {
            v.error(p, "must not be null");
            return;
        }
        if (v.require(e.eventId(), p + ".eventId")) {
            maxLength(e.eventId(), MAX_ID, p + ".eventId", v);
            if (e.eventId().startsWith(SaleRollups.SERVER_EVENT_PREFIX)) {
                v.error(p + ".eventId", "ids starting with '" + SaleRollups.SERVER_EVENT_PREFIX
                        + "' are reserved for events the server records itself");
            }
        }
        v.require(e.type(), p + ".type");
        if (v.require(e.occurredAt(), p + ".occurredAt")
                && (e.occurredAt().isBefore(EARLIEST) || e.occurredAt().isAfter(LATEST))) {
            v.error(p + ".occurredAt", "must be between years 1 and 9999");
        }
        if (e.type() == AnalyticsEventType.ORDER_PLACED) {
            v.require(e.saleKey(), p + ".saleKey");
        } else if (e.type() != null) {
            v.require(e.menuItemId(), p + ".menuItemId");
        }
        maxLength(e.propertyId(), MAX_ID, p + ".propertyId", v);
        maxLength(e.salesChannelId(), MAX_ID, p + ".salesChannelId", v);
        maxLength(e.menuId(), MAX_ID, p + ".menuId", v);
        maxLength(e.menuRevisionId(), MAX_ID, p + ".menuRevisionId", v);
        maxLength(e.menuItemId(), MAX_ID, p + ".menuItemId", v);
        maxLength(e.modifierItemId(), MAX_ID, p + ".modifierItemId", v);
        maxLength(e.saleKey(), MAX_SALE_KEY, p + ".saleKey", v);
        maxLength(e.staffId(), MAX_ID, p + ".staffId", v);
        maxLength(e.sessionId(), MAX_ID, p + ".sessionId", v);
        if (e.quantity() != null && (e.quantity() < 1 || e.quantity() > MAX_QUANTITY)) {
            v.error(p + ".quantity", "must be between 1 and " + MAX_QUANTITY);
        }
        BigDecimal amount = e.amount();
        if (amount != null) {
            if (amount.signum() < 0) {
                v.error(p + ".amount", "must be zero or more");
            } else if (amount.scale() > 4) {
                v.error(p + ".amount", "has more than 4 decimal places");
            } else if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
                v.error(p + ".amount", "is too large");
            }
        }
    }

    private static void maxLength(String value, int max, String field, Validation v) {
        if (value != null && value.length() > max) {
            v.error(field, "must be at most " + max + " characters");
        }
    }
}
