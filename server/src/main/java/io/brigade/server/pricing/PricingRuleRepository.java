package io.brigade.server.pricing;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Pricing rules of an org; deleting keeps the row so sales that used a rule can still name it. */
public final class PricingRuleRepository {
    private static final String COLUMNS = "rule_id, name, percent_off, category_ids, days, start_time, end_time";

    public void insert(Connection c, String orgId, PricingRule r, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pricing_rules (rule_id, org_id, name, percent_off, "
                + "category_ids, days, start_time, end_time, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, r.ruleId(), orgId, r.name(), r.percentOff(), String.join(",", r.categoryIds()),
                    String.join(",", r.days().stream().map(DayOfWeek::name).toList()), r.startTime().toString(),
                    r.endTime().toString(), now);
            ps.executeUpdate();
        }
    }

    public List<PricingRule> active(Connection c, String orgId) throws SQLException {
        List<PricingRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pricing_rules WHERE org_id = ? "
                + "AND deleted_at IS NULL ORDER BY created_at, rule_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rule(rs));
                }
            }
        }
        return out;
    }

    /** A rule by id, deleted or not (to name the rule a stored sale used). */
    public Optional<PricingRule> find(Connection c, String orgId, String ruleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pricing_rules WHERE org_id = ? "
                + "AND rule_id = ?")) {
            Sql.bind(ps, orgId, ruleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
            }
        }
    }

    public boolean delete(Connection c, String orgId, String ruleId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pricing_rules SET deleted_at = ? WHERE org_id = ? "
                + "AND rule_id = ? AND deleted_at IS NULL")) {
            Sql.bind(ps, now, orgId, ruleId);
            return ps.executeUpdate() == 1;
        }
    }

    private static PricingRule rule(ResultSet rs) throws SQLException {
        return new PricingRule(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
                split(rs.getString(4)), split(rs.getString(5)).stream().map(DayOfWeek::valueOf).toList(),
                LocalTime.parse(rs.getString(6)), LocalTime.parse(rs.getString(7)));
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
