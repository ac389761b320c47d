package io.brigade.server.webhooks;

import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The webhook outbox (events), the per-subscription deliveries the dispatcher claims, and the attempt log. */
public final class DeliveryRepository {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String EXPIRED = "EXPIRED";

    /** A claimed delivery with everything needed to post it. */
    public record Claimed(long deliveryId, String eventId, String eventType, String payload, String attachment,
                          Instant eventCreatedAt, int attempts, String subscriptionId, String callbackUrl,
                          String sealedSecret, String origin) {
    }

    public void insertEvent(Connection c, String eventId, String orgId, String eventType, String propertyId,
                            String payload, String attachment, Instant occurredAt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_events (event_id, org_id, event_type, "
                + "property_id, payload, attachment, occurred_at, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, eventId, orgId, eventType, propertyId, payload, attachment, occurredAt, now);
            ps.executeUpdate();
        }
    }

    public void insertDeliveries(Connection c, String eventId, String orgId, List<String> subscriptionIds,
                                 Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (event_id, subscription_id, "
                + "org_id, state, attempts, next_attempt_at, created_at) VALUES (?,?,?,'PENDING',0,?,?)")) {
            for (String sub : subscriptionIds) {
                Sql.bind(ps, eventId, sub, orgId, now, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether any delivery of an enabled subscription is due and not leased (a read, before a claim writes). */
    public boolean anyDue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM webhook_deliveries d "
                + "JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id "
                + "WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND s.enabled "
                + "AND (d.lease_until IS NULL OR d.lease_until < ?) LIMIT 1")) {
            Sql.bind(ps, now, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Leases up to {@code limit} due deliveries of enabled subscriptions to {@code owner} until
     * {@code leaseUntil}. The outer conditions are checked again on each row as it is updated, so two
     * nodes racing for a row cannot both win; PostgreSQL also skips rows another node holds locked.
     */
    public List<Claimed> claim(Connection c, String owner, Instant now, Instant leaseUntil, int limit,
                               boolean postgres) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.delivery_id FROM webhook_deliveries d "
                + "JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id "
                + "WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND s.enabled "
                + "AND (d.lease_until IS NULL OR d.lease_until < ?) ORDER BY d.next_attempt_at LIMIT " + limit
                + (postgres ? " FOR UPDATE OF d SKIP LOCKED" : ""))) {
            Sql.bind(ps, now, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // The lease conditions are checked again as each row is updated: of two nodes racing, one wins.
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET lease_owner = ?, "
                + "lease_until = ? WHERE delivery_id = ? AND state = 'PENDING' "
                + "AND (lease_until IS NULL OR lease_until < ?)")) {
            for (long id : candidates) {
                Sql.bind(ps, owner, leaseUntil, id, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Claimed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.delivery_id, d.event_id, e.event_type, e.payload, "
                + "e.attachment, e.created_at, d.attempts, s.subscription_id, s.callback_url, s.secret_box, s.origin "
                + "FROM webhook_deliveries d JOIN webhook_events e ON e.event_id = d.event_id "
                + "JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id "
                + "WHERE d.lease_owner = ? AND d.state = 'PENDING' ORDER BY d.delivery_id")) {
            Sql.bind(ps, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Sql.instant(rs, "created_at"), rs.getInt(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        return out;
    }

    public void delivered(Connection c, long deliveryId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET state = 'DELIVERED', "
                + "attempts = attempts + 1, finished_at = ?, lease_owner = NULL, lease_until = NULL "
                + "WHERE delivery_id = ?")) {
            Sql.bind(ps, now, deliveryId);
            ps.executeUpdate();
        }
    }

    /** Marks many deliveries delivered and logs their (successful) attempts, in two batched statements. */
    public void deliveredAll(Connection c, List<Claimed> done, List<DeliveryAttempt> attempts, Instant now)
            throws SQLException {
        try (PreparedStatement log = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id, subscription_id, "
                + "event_id, event_type, attempted_at, status_code, latency_ms, error, response_body) "
                + "VALUES (?,?,?,?,?,?,?,?,?)");
             PreparedStatement upd = c.prepareStatement("UPDATE webhook_deliveries SET state = 'DELIVERED', "
                     + "attempts = attempts + 1, finished_at = ?, lease_owner = NULL, lease_until = NULL "
                     + "WHERE delivery_id = ?")) {
            for (int i = 0; i < done.size(); i++) {
                Claimed d = done.get(i);
                DeliveryAttempt a = attempts.get(i);
                Sql.bind(log, d.deliveryId(), d.subscriptionId(), d.eventId(), d.eventType(), a.attemptedAt(),
                        a.statusCode(), a.latencyMs(), a.error(), a.responseBody());
                log.addBatch();
                Sql.bind(upd, now, d.deliveryId());
                upd.addBatch();
            }
            log.executeBatch();
            upd.executeBatch();
        }
    }

    /** Counts the failed attempt and makes the delivery due again at {@code next} (released from its lease). */
    public void retryAt(Connection c, long deliveryId, Instant next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                + "next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE delivery_id = ?")) {
            Sql.bind(ps, next, deliveryId);
            ps.executeUpdate();
        }
    }

    /**
     * Makes every retry the org's enabled subscriptions are waiting for due now (not ones being attempted
     * right now, and not first attempts, which are due already); answers how many.
     */
    public int retryNow(Connection c, String orgId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET next_attempt_at = ? "
                + "WHERE org_id = ? AND state = 'PENDING' AND attempts > 0 AND next_attempt_at > ? "
                + "AND (lease_until IS NULL OR lease_until < ?) AND subscription_id IN "
                + "(SELECT subscription_id FROM webhook_subscriptions WHERE org_id = ? AND enabled)")) {
            Sql.bind(ps, now, orgId, now, now, orgId);
            return ps.executeUpdate();
        }
    }

    /** Gives up on a delivery (past the 72-hour window); it stays visible in the log as EXPIRED. */
    public void expire(Connection c, long deliveryId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET state = 'EXPIRED', "
                + "finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE delivery_id = ?")) {
            Sql.bind(ps, now, deliveryId);
            ps.executeUpdate();
        }
    }

    public void logAttempt(Connection c, long deliveryId, Claimed d, Instant at, Integer status, int latencyMs,
                           String error, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id, subscription_id, "
                + "event_id, event_type, attempted_at, status_code, latency_ms, error, response_body) "
                + "VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, deliveryId, d.subscriptionId(), d.eventId(), d.eventType(), at, status, latencyMs, error, body);
            ps.executeUpdate();
        }
    }

    /** The newest attempts of a subscription first. */
    public List<DeliveryAttempt> attempts(Connection c, String subscriptionId, int limit) throws SQLException {
        List<DeliveryAttempt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attempt_id, event_id, event_type, attempted_at, "
                + "status_code, latency_ms, error, response_body FROM webhook_attempts WHERE subscription_id = ? "
                + "ORDER BY attempt_id DESC")) {
            Sql.bind(ps, subscriptionId);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeliveryAttempt(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Sql.instant(rs, "attempted_at"), Sql.nullableInt(rs, "status_code"), rs.getInt(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** How many deliveries of a subscription are in each state (pending, delivered, expired). */
    public java.util.Map<String, Integer> counts(Connection c, String subscriptionId) throws SQLException {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM webhook_deliveries "
                + "WHERE subscription_id = ? GROUP BY state")) {
            Sql.bind(ps, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getInt(2));
                }
            }
        }
        return out;
    }
}
