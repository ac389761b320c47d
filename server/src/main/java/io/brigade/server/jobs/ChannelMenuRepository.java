package io.brigade.server.jobs;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads which revision each sales channel currently sells from, for the menu jobs. */
public final class ChannelMenuRepository {

    /** A menu revision and the channels it is current on. */
    public record CurrentRevision(String menuId, long revisionId, List<String> salesChannelIds) {
        public String key() {
            return menuId + "/" + revisionId;
        }
    }

    public List<CurrentRevision> current(Connection c, String orgId) throws SQLException {
        Map<String, CurrentRevision> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT menu_id, revision_id, sales_channel_id FROM channel_menus "
                + "WHERE org_id = ? ORDER BY menu_id, revision_id, sales_channel_id")) {
            Sql.bind(ps, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String menuId = rs.getString(1);
                    long revision = rs.getLong(2);
                    out.computeIfAbsent(menuId + "/" + revision,
                            k -> new CurrentRevision(menuId, revision, new ArrayList<>())).salesChannelIds()
                            .add(rs.getString(3));
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
