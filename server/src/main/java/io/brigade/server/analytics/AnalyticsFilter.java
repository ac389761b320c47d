package io.brigade.server.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The checked filters of an analytics view: business-date range and optional property, channel, channel type. */
record AnalyticsFilter(String orgId, LocalDate fromDate, LocalDate toDate, String propertyId, String salesChannelId,
                       String salesChannelType) {

    /** The WHERE clause over a rollup table's key columns but the channel type; appends its parameters. */
    String where(List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE org_id = ? AND business_date BETWEEN ? AND ?");
        params.add(orgId);
        params.add(fromDate);
        params.add(toDate);
        if (propertyId != null) {
            sql.append(" AND property_id = ?");
            params.add(propertyId);
        }
        if (salesChannelId != null) {
            sql.append(" AND sales_channel_id = ?");
            params.add(salesChannelId);
        }
        return sql.toString();
    }

    /**
     * {@code SELECT keys, aggregates FROM table WHERE filter GROUP BY keys} ({@code keys} "NULL": one row, no
     * grouping); each aggregate is {@code SUM(column)} or {@code MAX(column)}. With a channel type, the rows are
     * summed per channel first and the type's channels kept after: filtered before summing, PostgreSQL takes the
     * channels of one org's type for a small share of the rows (it knows how many channels the table holds, not
     * that they are the org's) and reads the range once per channel and sorts it (about 100 ms a query at 100
     * orgs, against 40 ms summed first).
     */
    String aggregate(String table, String keys, List<String> aggregates, List<Object> params) {
        boolean grouped = !keys.equals("NULL");
        if (salesChannelType == null) {
            return "SELECT " + keys + ", " + String.join(", ", aggregates) + " FROM " + table + where(params)
                    + (grouped ? " GROUP BY " + keys : "");
        }
        List<String> inner = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            String aggregate = aggregates.get(i);
            inner.add(aggregate + " AS a" + i);
            outer.add(aggregate.substring(0, aggregate.indexOf('(')) + "(a" + i + ")");
        }
        String sql = "SELECT " + keys + ", " + String.join(", ", outer) + " FROM (SELECT sales_channel_id"
                + (grouped ? ", " + keys : "") + ", " + String.join(", ", inner) + " FROM " + table + where(params)
                + " GROUP BY sales_channel_id" + (grouped ? ", " + keys : "") + ") t"
                + " WHERE sales_channel_id IN (SELECT sales_channel_id FROM sales_channels WHERE org_id = ?"
                + " AND sales_channel_type = ?)" + (grouped ? " GROUP BY " + keys : "");
        params.add(orgId);
        params.add(salesChannelType);
        return sql;
    }
}
