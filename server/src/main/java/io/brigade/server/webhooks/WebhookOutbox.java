package io.brigade.server.webhooks;

import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.protocol.menus.Publication;
import io.brigade.server.Ids;
import io.brigade.server.menus.MenuPublishObserver;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes webhook events to the outbox inside the transaction of the change that caused them (new sales and
 * sale status changes as steps of the sale path, menus and snoozes through {@link #append}), with one delivery
 * row per subscription that wants the event. A rolled-back change therefore leaves no event; nothing is posted
 * from here. Whoever commits a change that appended events hints the {@link Dispatcher} after the commit.
 */
public final class WebhookOutbox implements MenuPublishObserver {
    private static final Set<String> DELIVERY = Set.of(SaleStatus.SALE_DISPATCHED.name(),
            SaleStatus.SALE_ON_THE_WAY.name(), SaleStatus.SALE_DELIVERED.name());

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final OrgRepository orgs;
    private final SaleFactsRepository facts = new SaleFactsRepository();
    private final Clock clock;

    public WebhookOutbox(SubscriptionRepository subscriptions, DeliveryRepository deliveries, OrgRepository orgs,
                         Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** sale.created.v1 for each of {@code sales}, looking up each org's subscribers once. */
    public void announceSales(Connection c, List<SaleRecord> sales) throws SQLException {
        Map<String, List<Subscription>> listening = new HashMap<>();
        Map<String, Optional<Target>> targets = new HashMap<>();
        for (SaleRecord sale : sales) {
            List<Subscription> subscribed = listening.get(sale.orgId());
            if (subscribed == null) {
                subscribed = subscriptions.list(c, sale.orgId());
                listening.put(sale.orgId(), subscribed);
            }
            String channelId = sale.sale().salesChannelId();
            String key = sale.orgId() + '/' + channelId;
            Optional<Target> target = targets.get(key);
            if (target == null) {
                target = target(c, sale.orgId(), channelId, EventTypes.SALE_CREATED, subscribed);
                targets.put(key, target);
            }
            if (target.isPresent()) {
                Envelope e = Envelope.forChannel(EventTypes.SALE_CREATED, sale.orgId(), target.get().channel())
                        .with("saleId", sale.saleId()).with("externalId", sale.sale().externalId());
                // An offline till's late sale keeps its own time as the event's occurrence time.
                store(c, sale.orgId(), e, sale.dateTime(), target.get().subscriptionIds());
            }
        }
    }

    /**
     * The event of a stored sale's change: cancelled, a delivery status, or a POS status or time change;
     * {@code reported} is the status as the caller named it. A cancellation the POS reported as its status
     * ({@code reportedByPos}) is also a POS status: the POS guide lists SALE_CANCELLED among them.
     */
    public void announceStatusChange(Connection c, String orgId, SaleHeader after, String reported,
                                     boolean reportedByPos) throws SQLException {
        boolean cancelled = SaleStatus.SALE_CANCELLED.name().equals(reported);
        String type = cancelled ? EventTypes.SALE_CANCELLED
                : DELIVERY.contains(reported) ? EventTypes.SALE_DELIVERY_STATUS : EventTypes.SALE_POS_STATUS;
        announce(c, orgId, after, reported, type);
        if (cancelled && reportedByPos) {
            announce(c, orgId, after, reported, EventTypes.SALE_POS_STATUS);
        }
    }

    /** sales.refunded.v1: a refund given after the sale, with the sale's refunds so far. */
    public void announceRefund(Connection c, String orgId, SaleHeader after, String refundId,
                               java.math.BigDecimal amount, String paymentMethod, String reason, Instant at)
            throws SQLException {
        Optional<Target> target = target(c, orgId, after.salesChannelId(), EventTypes.SALE_REFUNDED);
        if (target.isEmpty()) {
            return;
        }
        Envelope e = Envelope.forChannel(EventTypes.SALE_REFUNDED, orgId, target.get().channel())
                .with("saleId", after.saleId()).with("externalId", after.externalId()).with("refundId", refundId)
                .with("amount", amount).with("paymentMethod", paymentMethod).with("reason", reason)
                .with("totalRefunds", after.totalRefunds());
        store(c, orgId, e, at, target.get().subscriptionIds());
    }

    private void announce(Connection c, String orgId, SaleHeader after, String reported, String type)
            throws SQLException {
        Optional<Target> target = target(c, orgId, after.salesChannelId(), type);
        if (target.isEmpty()) {
            return;
        }
        // Only cancellations, delivery statuses and time changes carry fields beyond the header.
        boolean cancelled = SaleStatus.SALE_CANCELLED.name().equals(reported);
        boolean needsFacts = !type.equals(EventTypes.SALE_POS_STATUS) || cancelled
                || reported.equals("SALE_PICKUP_TIME_CHANGED") || reported.equals("SALE_DELIVERY_TIME_CHANGED");
        SaleFactsRepository.SaleFacts f = needsFacts ? facts.find(c, orgId, after.saleId()).orElseThrow() : null;
        Envelope e = Envelope.forChannel(type, orgId, target.get().channel())
                .with("saleId", after.saleId()).with("externalId", after.externalId());
        switch (type) {
            case EventTypes.SALE_CANCELLED -> e.with("cancellationReason", f.cancellationReason())
                    .with("cancellationNotes", f.cancellationNotes()).with("cancelledBy", null);
            case EventTypes.SALE_DELIVERY_STATUS -> {
                e.with("status", reported);
                if (reported.equals(SaleStatus.SALE_DELIVERED.name())) {
                    e.with("deliveryTime", f.deliveryTime());
                } else {
                    e.with("dispatchTime", f.dispatchTime());
                }
            }
            default -> {
                e.with("status", reported);
                if (reported.equals("SALE_PICKUP_TIME_CHANGED")) {
                    e.with("pickupTime", f.pickupTime());
                } else if (reported.equals("SALE_DELIVERY_TIME_CHANGED")) {
                    e.with("deliveryTime", f.deliveryTime());
                } else if (cancelled) {
                    e.with("cancellationReason", f.cancellationReason());
                }
            }
        }
        store(c, orgId, e, clock.instant(), target.get().subscriptionIds());
    }

    /**
     * menu.published.v1 with the full published snapshot and its top-level {@code currency}. The outbox row
     * holds {@code "menu":null} and a reference to the revision; the dispatcher streams the snapshot (in the
     * API's own shape) into that place when it posts, so a 100,000-item menu is not copied per event.
     */
    @Override
    public void published(Connection c, String orgId, Publication p, MenuRepository.RevisionHeader revision)
            throws SQLException {
        Optional<Target> target = target(c, orgId, p.salesChannelId(), EventTypes.MENU_PUBLISHED);
        if (target.isPresent()) {
            store(c, orgId, Envelope.forChannel(EventTypes.MENU_PUBLISHED, orgId, target.get().channel())
                    .with("menuId", p.menuId()).with("menuRevisionId", p.menuRevisionId())
                    .with("menuPublishId", p.menuPublishId()).with("currency", revision.currency())
                    .with(MenuAttachment.FIELD, null), clock.instant(), target.get().subscriptionIds(),
                    MenuAttachment.reference(p.menuId(), p.menuRevisionId()));
        }
    }

    /** A channel's event and the subscriptions that want it. */
    private record Target(SalesChannel channel, List<String> subscriptionIds) {
    }

    /**
     * The channel and the subscriptions wanting {@code type} on its property, or empty when none does; one
     * read of the org's subscriptions, and the channel only when someone listens.
     */
    private Optional<Target> target(Connection c, String orgId, String channelId, String type) throws SQLException {
        return target(c, orgId, channelId, type, subscriptions.list(c, orgId));
    }

    private Optional<Target> target(Connection c, String orgId, String channelId, String type,
                                    List<Subscription> subscribed) throws SQLException {
        List<Subscription> listening = subscribed.stream()
                .filter(s -> s.eventTypes().contains(type)).toList();
        if (listening.isEmpty()) {
            return Optional.empty();
        }
        Optional<SalesChannel> channel = orgs.findChannel(c, orgId, channelId);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = listening.stream().filter(s -> s.wants(type, channel.get().propertyId()))
                .map(Subscription::subscriptionId).toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Target(channel.get(), ids));
    }

    /**
     * Stores the event and a delivery for every subscription of the org that wants it (enabled or not: a
     * disabled subscription's deliveries wait for re-enable). Returns the event id, or null if nobody wants it.
     */
    public String append(Connection c, String orgId, Envelope envelope, Instant occurredAt) throws SQLException {
        List<String> wanted = subscriptions.list(c, orgId).stream()
                .filter(s -> s.wants(envelope.eventType(), envelope.propertyId()))
                .map(Subscription::subscriptionId).toList();
        if (wanted.isEmpty()) {
            return null;
        }
        return store(c, orgId, envelope, occurredAt, wanted);
    }

    /** Stores a synthetic event for exactly one subscription (the trigger and test endpoints). */
    public String appendFor(Connection c, String orgId, Envelope envelope, String subscriptionId) throws SQLException {
        return store(c, orgId, envelope, clock.instant(), List.of(subscriptionId));
    }

    private String store(Connection c, String orgId, Envelope envelope, Instant occurredAt, List<String> subs)
            throws SQLException {
        return store(c, orgId, envelope, occurredAt, subs, null);
    }

    private String store(Connection c, String orgId, Envelope envelope, Instant occurredAt, List<String> subs,
                         String attachment) throws SQLException {
        String eventId = Ids.uuid();
        Instant now = clock.instant();
        deliveries.insertEvent(c, eventId, orgId, envelope.eventType(), envelope.propertyId(), envelope.toJson(),
                attachment, occurredAt, now);
        deliveries.insertDeliveries(c, eventId, orgId, subs, now);
        return eventId;
    }
}
