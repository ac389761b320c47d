package io.brigade.server.billing;

import io.brigade.server.db.Sql;
import io.brigade.server.org.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An org's billing period and pending plan change ({@code orgs} columns) and the log of applied changes. */
public final class BillingRepository {

    /** The billing state of one org. */
    public record Billing(Plan plan, Instant periodEnd, Plan pendingPlan) {
    }

    /** Locks the org row, so two runs cannot process the same period end at once. */
    public Optional<Billing> lock(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT plan, plan_period_end, pending_plan FROM orgs WHERE org_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String pending = rs.getString(3);
                return Optional.of(new Billing(Plan.parse(rs.getString(1)), Sql.instant(rs, "plan_period_end"),
                        pending == null ? null : Plan.parse(pending)));
            }
        }
    }

    /** The orgs whose current billing period has ended by {@code now}. */
    public List<String> dueOrgs(Connection c, Instant now) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org_id FROM orgs WHERE plan_period_end IS NOT NULL AND plan_period_end <= ? ORDER BY org_id")) {
            Sql.bind(ps, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Sets the current period's end (e.g. when a subscription starts). */
    public void setPeriodEnd(Connection c, String orgId, Instant periodEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET plan_period_end = ? WHERE org_id = ?")) {
            Sql.bind(ps, periodEnd, orgId);
            ps.executeUpdate();
        }
    }

    /** Asks for {@code plan} to take over at the end of the current period (null withdraws the request). */
    public void setPendingPlan(Connection c, String orgId, Plan plan) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET pending_plan = ? WHERE org_id = ?")) {
            Sql.bind(ps, plan == null ? null : plan.wireName(), orgId);
            ps.executeUpdate();
        }
    }

    public void apply(Connection c, String orgId, Plan plan, Instant nextPeriodEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE orgs SET plan = ?, plan_period_end = ?, pending_plan = NULL WHERE org_id = ?")) {
            Sql.bind(ps, plan.wireName(), nextPeriodEnd, orgId);
            ps.executeUpdate();
        }
    }

    public void log(Connection c, String orgId, Instant periodEnd, Plan oldPlan, Plan newPlan, String kind,
                    Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_changes (org_id, period_end, old_plan, "
                + "new_plan, kind, applied_at) VALUES (?,?,?,?,?,?)")) {
            Sql.bind(ps, orgId, periodEnd, oldPlan.wireName(), newPlan.wireName(), kind, now);
            ps.executeUpdate();
        }
    }

    public int changesLogged(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plan_changes WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
