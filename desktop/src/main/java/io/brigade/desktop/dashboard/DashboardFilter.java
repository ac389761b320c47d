package io.brigade.desktop.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** What the dashboard shows: an inclusive range of business dates and, optionally, one property and one channel. */
public record DashboardFilter(LocalDate fromDate, LocalDate toDate, String propertyId, String salesChannelId) {

    /** The default view: the last seven business dates, today included, every property and channel. */
    public static DashboardFilter lastSevenDays(LocalDate today) {
        return new DashboardFilter(today.minusDays(6), today, null, null);
    }

    /** The query string of an analytics view, e.g. {@code fromDate=2026-11-17&toDate=2026-11-23}. */
    public String query() {
        StringBuilder q = new StringBuilder("fromDate=").append(fromDate).append("&toDate=").append(toDate);
        if (propertyId != null) {
            q.append("&propertyId=").append(URLEncoder.encode(propertyId, StandardCharsets.UTF_8));
        }
        if (salesChannelId != null) {
            q.append("&salesChannelId=").append(URLEncoder.encode(salesChannelId, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** Number of business dates in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(fromDate, toDate) + 1;
    }
}
