package io.brigade.server.jobs;

import io.brigade.server.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Nutrition facts per product of a menu ({@code menu_item_nutrition}). */
public final class NutritionRepository {

    /** Per-portion figures; null where unknown. */
    public record Nutrition(BigDecimal energyKcal, BigDecimal fatG, BigDecimal carbsG, BigDecimal sugarG,
                            BigDecimal proteinG, BigDecimal saltG) {
    }

    /** Replaces the product's figures (a rerun writes the same row again). */
    public void upsert(Connection c, String orgId, String menuId, String productId, Nutrition n, String jobId,
                       Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM menu_item_nutrition WHERE menu_id = ? AND product_id = ? AND org_id = ?")) {
            Sql.bind(ps, menuId, productId, orgId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO menu_item_nutrition (org_id, menu_id, product_id, "
                + "energy_kcal, fat_g, carbs_g, sugar_g, protein_g, salt_g, updated_at, job_id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, orgId, menuId, productId, n.energyKcal(), n.fatG(), n.carbsG(), n.sugarG(), n.proteinG(),
                    n.saltG(), now, jobId);
            ps.executeUpdate();
        }
    }

    public Optional<Nutrition> find(Connection c, String orgId, String menuId, String productId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT energy_kcal, fat_g, carbs_g, sugar_g, protein_g, salt_g "
                + "FROM menu_item_nutrition WHERE org_id = ? AND menu_id = ? AND product_id = ?")) {
            Sql.bind(ps, orgId, menuId, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Nutrition(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                        : Optional.empty();
            }
        }
    }
}
