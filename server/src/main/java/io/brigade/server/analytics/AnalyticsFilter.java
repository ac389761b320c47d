package io.brigade.server.analytics;

import java.time.LocalDate;
import java.util.List;

/** The checked filters of an analytics view: business-date range and optional property, channel, channel type. */
record AnalyticsFilter(String orgId, LocalDate fromDate, LocalDate toDate, String propertyId, String salesChannelId,
                       String salesChannelType) {

    /** The WHERE clause over a rollup table's key columns; appends its parameters to {@code params}. */
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
        if (salesChannelType != null) {
            // sales_channels is small (one row per channel), so this does not grow with sales.
            sql.append(" AND sales_channel_id IN (SELECT sales_channel_id FROM sales_channels WHERE org_id = ? "
                    + "AND sales_channel_type = ?)");
            params.add(orgId);
            params.add(salesChannelType);
        }
        return sql.toString();
    }
}
