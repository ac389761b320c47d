package io.brigade.server.pricing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A time-window rule ("happy hour"): {@code percentOff} off items of {@code categoryIds} from
 * {@code startTime} (inclusive) to {@code endTime} (exclusive), local time of the property, on
 * {@code days}. An end before the start spans midnight (22:00-02:00).
 */
public record PricingRule(String ruleId, String name, BigDecimal percentOff, List<String> categoryIds,
                          List<DayOfWeek> days, LocalTime startTime, LocalTime endTime) {

    /** True when the rule is on at local {@code day} and {@code time}. */
    public boolean activeAt(DayOfWeek day, LocalTime time) {
        if (startTime.isBefore(endTime)) {
            return days.contains(day) && !time.isBefore(startTime) && time.isBefore(endTime);
        }
        // Spans midnight: the evening part belongs to the start day, the early hours to the day before.
        return days.contains(day) && !time.isBefore(startTime)
                || days.contains(day.minus(1)) && time.isBefore(endTime);
    }

    /** The code the applied rule is stored under on a sale's discount line. */
    public String discountCode() {
        return "rule:" + ruleId;
    }
}
