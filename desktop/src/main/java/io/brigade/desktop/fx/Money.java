package io.brigade.desktop.fx;

import io.brigade.desktop.i18n.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the till shows and parses it: written by locale ({@link Formats}), typed with a point or a comma. */
public final class Money {
    private Money() {
    }

    public static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code v} as the language spoken writes money, in the currency with this ISO code (the store's when null). */
    public static String format(BigDecimal v, String currency) {
        return Formats.now().money(v, currency);
    }

    /** {@code v} in the store's currency, as the language spoken writes money. */
    public static String format(BigDecimal v) {
        return Formats.now().money(v);
    }

    /**
     * Whether {@code text} is written as people write amounts: digits with at most one decimal point or comma.
     * BigDecimal alone would also take "1e3" (a thousand) or "+5", which nobody at a till means.
     */
    public static boolean isPlainNumber(String text) {
        return text != null && text.strip().matches("\\d+(?:[.,]\\d+)?");
    }

    /** Parses what a cashier types ("12", "12.5", "12,50"); empty when it is not an amount of money. */
    public static java.util.Optional<BigDecimal> parse(String text) {
        if (!isPlainNumber(text)) {
            return java.util.Optional.empty();
        }
        try {
            BigDecimal v = new BigDecimal(text.strip().replace(',', '.'));
            if (v.signum() < 0 || v.scale() > 2) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(cents(v));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
