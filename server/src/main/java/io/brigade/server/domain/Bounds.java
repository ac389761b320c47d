package io.brigade.server.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The ranges every feature holds money and times to, beyond what the JSON mapper already refuses: an
 * amount fits the database's NUMERIC(19, 4) with room for sums of many lines, and a time that is to come
 * lies within a year. Each check answers why a value is refused, or null when it is fine.
 */
public final class Bounds {
    /** Amounts (prices, costs, charges, payments) stay below one billion in the currency. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /** Decimal places an amount may have (the database keeps four). */
    public static final int AMOUNT_SCALE = 4;
    /** How far ahead a time that is to come (a snooze's end, a scheduled sale) may lie. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private Bounds() {
    }

    /** Why {@code amount} is no amount of money, or null: negative, finer than 4 places, or too large. */
    public static String amount(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "must be zero or more";
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            return "has more than " + AMOUNT_SCALE + " decimal places";
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            return "must be less than " + MAX_AMOUNT.toPlainString();
        }
        return null;
    }

    /** Why {@code time} is not a time to come within {@link #MAX_AHEAD} of {@code now}, or null. */
    public static String ahead(Instant time, Instant now) {
        if (!time.isAfter(now)) {
            return "must be in the future";
        }
        if (time.isAfter(now.plus(MAX_AHEAD))) {
            return "must be at most " + MAX_AHEAD.toDays() + " days ahead";
        }
        return null;
    }
}
