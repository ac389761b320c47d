package io.brigade.server.org;

import io.brigade.server.access.StoreLookup;
import io.brigade.server.db.Database;
import io.brigade.server.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Which store (property) a sales channel or a sale is in, for the access filter's check of callers limited to
 * some stores. The sale's store is read straight from {@code sales}: one indexed read per request, without going
 * through the sales feature.
 */
public final class OrgStores implements StoreLookup {
    private final Database database;

    public OrgStores(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> propertyOfChannel(String orgId, String salesChannelId) {
        return one("SELECT property_id FROM sales_channels WHERE org_id = ? AND sales_channel_id = ?", orgId,
                salesChannelId);
    }

    @Override
    public Optional<String> propertyOfSale(String orgId, String saleId) {
        return one("SELECT property_id FROM sales WHERE org_id = ? AND sale_id = ?", orgId, saleId);
    }

    private Optional<String> one(String sql, String orgId, String id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, orgId, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
