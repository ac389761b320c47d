package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Activity per business date (every date of the range, zeros included) and per local hour of day. */
public record DailyTrend(LocalDate fromDate, LocalDate toDate, List<Day> days, List<Hour> hours) {

    /** One business date. */
    public record Day(LocalDate date, long orders, BigDecimal revenue, long cancelledOrders,
                      BigDecimal cancelledAmount) {
    }

    /** One hour of the day (0-23, the property's local time) summed over the range. */
    public record Hour(int hour, long orders, BigDecimal revenue) {
    }
}
