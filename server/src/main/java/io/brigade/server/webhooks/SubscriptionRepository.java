package io.brigade.server.webhooks;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook subscriptions. */
public final class SubscriptionRepository {
    private static final String COLUMNS = "subscription_id, org_id, callback_url, secret_box, event_types, "
            + "property_ids, origin, enabled, disabled_reason, disabled_at, consecutive_failures, created_at, updated_at";

    public void insert(Connection c, Subscription s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_subscriptions (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, s.subscriptionId(), s.orgId(), s.callbackUrl(), s.sealedSecret(), join(s.eventTypes()),
                    join(s.propertyIds()), s.origin(), s.enabled(), s.disabledReason(), s.disabledAt(),
                    s.consecutiveFailures(), s.createdAt(), s.updatedAt());
            ps.executeUpdate();
        }
    }

    /** Saves the editable fields (url, secret, event types, properties). */
    public void update(Connection c, Subscription s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET callback_url = ?, "
                + "secret_box = ?, event_types = ?, property_ids = ?, updated_at = ? WHERE subscription_id = ?")) {
            Sql.bind(ps, s.callbackUrl(), s.sealedSecret(), join(s.eventTypes()), join(s.propertyIds()),
                    s.updatedAt(), s.subscriptionId());
            ps.executeUpdate();
        }
    }

    public List<Subscription> list(Connection c, String orgId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE org_id = ? "
                + "ORDER BY created_at, subscription_id", orgId);
    }

    public int count(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_subscriptions WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Locks the org's subscription rows (serialises the 10-per-org limit check). */
    public void lockOrg(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id FROM orgs WHERE org_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId);
            ps.executeQuery().close();
        }
    }

    public Optional<Subscription> find(Connection c, String orgId, String subscriptionId) throws SQLException {
        List<Subscription> found = query(c, "SELECT " + COLUMNS + " FROM webhook_subscriptions "
                + "WHERE org_id = ? AND subscription_id = ?", orgId, subscriptionId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public boolean delete(Connection c, String orgId, String subscriptionId) throws SQLException {
        try (PreparedStatement attempts = c.prepareStatement("DELETE FROM webhook_attempts WHERE subscription_id = ?");
             PreparedStatement deliveries = c.prepareStatement("DELETE FROM webhook_deliveries WHERE subscription_id = ?");
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM webhook_subscriptions WHERE org_id = ? AND subscription_id = ?")) {
            if (find(c, orgId, subscriptionId).isEmpty()) {
                return false;
            }
            Sql.bind(attempts, subscriptionId);
            attempts.executeUpdate();
            Sql.bind(deliveries, subscriptionId);
            deliveries.executeUpdate();
            Sql.bind(ps, orgId, subscriptionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Enables (clearing the failure count and reason) and makes its pending deliveries due at once. */
    public void enable(Connection c, String subscriptionId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET enabled = TRUE, "
                + "disabled_reason = NULL, disabled_at = NULL, consecutive_failures = 0, updated_at = ? "
                + "WHERE subscription_id = ?");
             PreparedStatement due = c.prepareStatement("UPDATE webhook_deliveries SET next_attempt_at = ? "
                     + "WHERE subscription_id = ? AND state = 'PENDING'")) {
            Sql.bind(ps, now, subscriptionId);
            ps.executeUpdate();
            Sql.bind(due, now, subscriptionId);
            due.executeUpdate();
        }
    }

    public void disable(Connection c, String subscriptionId, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET enabled = FALSE, "
                + "disabled_reason = ?, disabled_at = ?, updated_at = ? WHERE subscription_id = ? AND enabled")) {
            Sql.bind(ps, reason, now, now, subscriptionId);
            ps.executeUpdate();
        }
    }

    /** Counts one more failed attempt and returns the new consecutive count. */
    public int failed(Connection c, String subscriptionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions "
                + "SET consecutive_failures = consecutive_failures + 1 WHERE subscription_id = ?")) {
            Sql.bind(ps, subscriptionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT consecutive_failures FROM webhook_subscriptions WHERE subscription_id = ?")) {
            Sql.bind(ps, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    public void succeeded(Connection c, String subscriptionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET consecutive_failures = 0 "
                + "WHERE subscription_id = ? AND consecutive_failures <> 0")) {
            Sql.bind(ps, subscriptionId);
            ps.executeUpdate();
        }
    }

    /** Marks a subscription as made by an installed app (its uninstall removes it). */
    public void setApp(Connection c, String subscriptionId, String appClientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscriptions SET app_client_id = ? WHERE subscription_id = ?")) {
            Sql.bind(ps, appClientId, subscriptionId);
            ps.executeUpdate();
        }
    }

    /** The app that made a subscription, if an app did. */
    public Optional<String> app(Connection c, String orgId, String subscriptionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT app_client_id FROM webhook_subscriptions "
                + "WHERE org_id = ? AND subscription_id = ?")) {
            Sql.bind(ps, orgId, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The ids of the subscriptions an app made on an org. */
    public List<String> ofApp(Connection c, String orgId, String appClientId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subscription_id FROM webhook_subscriptions "
                + "WHERE org_id = ? AND app_client_id = ? ORDER BY subscription_id")) {
            Sql.bind(ps, orgId, appClientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Narrows the property filter of a subscription (an app's, when its install's stores change). */
    public void setProperties(Connection c, String subscriptionId, List<String> propertyIds, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET property_ids = ?, "
                + "updated_at = ? WHERE subscription_id = ?")) {
            Sql.bind(ps, join(propertyIds), now, subscriptionId);
            ps.executeUpdate();
        }
    }

    private static List<Subscription> query(Connection c, String sql, Object... args) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            split(rs.getString(5)), split(rs.getString(6)), rs.getString(7), rs.getBoolean(8),
                            rs.getString(9), Sql.instant(rs, "disabled_at"), rs.getInt(11),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")));
                }
            }
        }
        return out;
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
