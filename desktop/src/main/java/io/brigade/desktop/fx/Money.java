package io.brigade.desktop.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** Money as the till shows and parses it: two decimals, the menu's currency symbol. */
public final class Money {
    private Money() {
    }

    public static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal v, String currency) {
        String symbol;
        try {
            symbol = Currency.getInstance(currency == null ? "EUR" : currency).getSymbol(Locale.UK);
        } catch (IllegalArgumentException e) {
            symbol = currency + " ";
        }
        BigDecimal c = cents(v);
        return (c.signum() < 0 ? "-" : "") + symbol + c.abs().toPlainString();
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
