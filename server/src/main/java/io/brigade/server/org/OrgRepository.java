package io.brigade.server.org;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.protocol.Json;
import io.brigade.protocol.org.Brand;
import io.brigade.protocol.org.Org;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.org.Vat;
import io.brigade.server.db.Sql;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Orgs, brands, properties and sales channels. Every lookup is scoped by org. */
public final class OrgRepository {

    public void insertOrg(Connection c, Org org, boolean analyticsEnabled, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orgs (org_id, name, plan, analytics_enabled, created_at) VALUES (?,?,?,?,?)")) {
            Sql.bind(ps, org.orgId(), org.name(), org.plan(), analyticsEnabled, now);
            ps.executeUpdate();
        }
    }

    public Optional<Org> findOrg(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id, name, plan FROM orgs WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Org(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Changes the org's plan; false when there is no such org. */
    public boolean setPlan(Connection c, String orgId, Plan plan) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET plan = ? WHERE org_id = ?")) {
            Sql.bind(ps, plan.wireName(), orgId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Switches the org's analytics on or off (the owner's setting the analytics gate checks). */
    public void setAnalyticsEnabled(Connection c, String orgId, boolean enabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET analytics_enabled = ? WHERE org_id = ?")) {
            Sql.bind(ps, enabled, orgId);
            ps.executeUpdate();
        }
    }

    /** The org's plan and analytics setting, read fresh so a plan change takes effect at once. */
    public Optional<Entitlement> plan(Connection c, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plan, analytics_enabled FROM orgs WHERE org_id = ?")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entitlement(Plan.parse(rs.getString(1)), rs.getBoolean(2)))
                        : Optional.empty();
            }
        }
    }

    public void insertBrand(Connection c, Brand brand, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO brands (brand_id, org_id, name, created_at) VALUES (?,?,?,?)")) {
            Sql.bind(ps, brand.brandId(), brand.orgId(), brand.name(), now);
            ps.executeUpdate();
        }
    }

    public List<Brand> brands(Connection c, String orgId) throws SQLException {
        List<Brand> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT brand_id, org_id, name FROM brands WHERE org_id = ? ORDER BY created_at, brand_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Brand(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    public Optional<Brand> findBrand(Connection c, String orgId, String brandId) throws SQLException {
        return brands(c, orgId).stream().filter(b -> b.brandId().equals(brandId)).findFirst();
    }

    public void insertProperty(Connection c, Property p, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO properties (property_id, org_id, name, address, "
                + "country_code, time_zone, currency, vat_applicable, vat_inclusive, vat_percentage, vat_bands, "
                + "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Vat vat = p.vat();
            Sql.bind(ps, p.propertyId(), p.orgId(), p.name(), p.address(), p.countryCode(), p.timeZone(),
                    p.currency(), vat.isVatApplicable(), vat.isVatInclusive(), vat.vatPercentage(),
                    json(vat.operativeVatBands()), now);
            ps.executeUpdate();
        }
    }

    /** Writes a property's settings (everything but its id and org); false when there is no such property. */
    public boolean updateProperty(Connection c, Property p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE properties SET name = ?, address = ?, "
                + "country_code = ?, time_zone = ?, currency = ?, vat_applicable = ?, vat_inclusive = ?, "
                + "vat_percentage = ?, vat_bands = ? WHERE org_id = ? AND property_id = ?")) {
            Vat vat = p.vat();
            Sql.bind(ps, p.name(), p.address(), p.countryCode(), p.timeZone(), p.currency(), vat.isVatApplicable(),
                    vat.isVatInclusive(), vat.vatPercentage(), json(vat.operativeVatBands()), p.orgId(),
                    p.propertyId());
            return ps.executeUpdate() == 1;
        }
    }

    /** The property, its row locked until the transaction ends (two updates at once apply one after the other). */
    public Optional<Property> lockProperty(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PROPERTY_COLUMNS
                + " FROM properties WHERE org_id = ? AND property_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(property(rs)) : Optional.empty();
            }
        }
    }

    private static final String PROPERTY_COLUMNS = "property_id, org_id, name, address, country_code, time_zone, "
            + "currency, vat_applicable, vat_inclusive, vat_percentage, vat_bands";

    public List<Property> properties(Connection c, String orgId) throws SQLException {
        List<Property> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PROPERTY_COLUMNS
                + " FROM properties WHERE org_id = ? ORDER BY created_at, property_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(property(rs));
                }
            }
        }
        return out;
    }

    public Optional<Property> findProperty(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PROPERTY_COLUMNS
                + " FROM properties WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(property(rs)) : Optional.empty();
            }
        }
    }

    /** Just the time zone of a property, for business dates on the sale path. */
    public Optional<String> timeZone(Connection c, String orgId, String propertyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT time_zone FROM properties WHERE org_id = ? AND property_id = ?")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Property property(ResultSet rs) throws SQLException {
        String bands = rs.getString("vat_bands");
        List<Vat.VatBand> vatBands;
        try {
            vatBands = bands == null ? List.of()
                    : Json.mapper().readValue(bands, new TypeReference<List<Vat.VatBand>>() { });
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        Vat vat = new Vat(rs.getBoolean("vat_applicable"), rs.getBoolean("vat_inclusive"),
                rs.getBigDecimal("vat_percentage").stripTrailingZeros(), vatBands);
        return new Property(rs.getString("property_id"), rs.getString("org_id"), rs.getString("name"),
                rs.getString("address"), rs.getString("country_code"), rs.getString("time_zone"),
                rs.getString("currency"), vat);
    }

    public void insertChannel(Connection c, String orgId, SalesChannel sc, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sales_channels (sales_channel_id, org_id, "
                + "property_id, brand_id, name, sales_channel_type, dispatch_types, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)")) {
            Sql.bind(ps, sc.salesChannelId(), orgId, sc.propertyId(), sc.brandId(), sc.name(),
                    sc.salesChannelType(), String.join(",", sc.dispatchTypes()), now);
            ps.executeUpdate();
        }
    }

    private static final String CHANNEL_COLUMNS =
            "sales_channel_id, property_id, brand_id, name, sales_channel_type, dispatch_types";

    /** Every channel of the org in one query, grouped by property in the order {@link #properties} gives. */
    public List<SalesChannel> channels(Connection c, String orgId) throws SQLException {
        List<SalesChannel> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sales_channel_id, s.property_id, s.brand_id, "
                + "s.name, s.sales_channel_type, s.dispatch_types FROM sales_channels s"
                + " JOIN properties p ON p.property_id = s.property_id AND p.org_id = s.org_id"
                + " WHERE s.org_id = ? ORDER BY p.created_at, p.property_id, s.created_at, s.sales_channel_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(channel(rs));
                }
            }
        }
        return out;
    }

    public List<SalesChannel> channels(Connection c, String orgId, String propertyId) throws SQLException {
        List<SalesChannel> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANNEL_COLUMNS
                + " FROM sales_channels WHERE org_id = ? AND property_id = ? ORDER BY created_at, sales_channel_id")) {
            Sql.bind(ps, orgId, propertyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(channel(rs));
                }
            }
        }
        return out;
    }

    public Optional<SalesChannel> findChannel(Connection c, String orgId, String salesChannelId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANNEL_COLUMNS
                + " FROM sales_channels WHERE org_id = ? AND sales_channel_id = ?")) {
            Sql.bind(ps, orgId, salesChannelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(channel(rs)) : Optional.empty();
            }
        }
    }

    /** A sales channel with the time zone of its property: what a new sale needs, in one round trip. */
    public record ChannelInZone(SalesChannel channel, String timeZone) {
    }

    public Optional<ChannelInZone> findChannelInZone(Connection c, String orgId, String salesChannelId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sales_channel_id, s.property_id, s.brand_id, "
                + "s.name, s.sales_channel_type, s.dispatch_types, p.time_zone FROM sales_channels s"
                + " JOIN properties p ON p.org_id = s.org_id AND p.property_id = s.property_id"
                + " WHERE s.org_id = ? AND s.sales_channel_id = ?")) {
            Sql.bind(ps, orgId, salesChannelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ChannelInZone(channel(rs), rs.getString(7))) : Optional.empty();
            }
        }
    }

    private static SalesChannel channel(ResultSet rs) throws SQLException {
        return new SalesChannel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Arrays.asList(rs.getString(6).split(",")));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value == null ? List.of() : value);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store (property) of one of the org's sales channels. */
    public Optional<String> propertyOfChannel(Connection c, String orgId, String salesChannelId) throws SQLException {
        return one(c, "SELECT property_id FROM sales_channels WHERE org_id = ? AND sales_channel_id = ?", orgId,
                salesChannelId);
    }

    /** The store (property) of one of the org's sales, read straight from {@code sales} (one indexed read). */
    public Optional<String> propertyOfSale(Connection c, String orgId, String saleId) throws SQLException {
        return one(c, "SELECT property_id FROM sales WHERE org_id = ? AND sale_id = ?", orgId, saleId);
    }

    /** The store (property) of one of the org's kitchen tickets. */
    public Optional<String> propertyOfTicket(Connection c, String orgId, String ticketId) throws SQLException {
        return one(c, "SELECT property_id FROM kitchen_tickets WHERE org_id = ? AND ticket_id = ?", orgId,
                ticketId);
    }

    /** The store (property) of one of the org's checks. */
    public Optional<String> propertyOfCheck(Connection c, String orgId, String checkId) throws SQLException {
        return one(c, "SELECT property_id FROM checks WHERE org_id = ? AND check_id = ?", orgId, checkId);
    }

    private static Optional<String> one(Connection c, String sql, String orgId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, orgId, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
