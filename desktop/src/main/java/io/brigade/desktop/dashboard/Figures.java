package io.brigade.desktop.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** How the dashboard writes numbers: money in the menu's currency with thousands grouped, counts, percentages. */
public final class Figures {
    private final String symbol;

    public Figures(String currency) {
        String s;
        try {
            s = Currency.getInstance(currency).getSymbol(Locale.UK);
        } catch (IllegalArgumentException | NullPointerException e) {
            s = (currency == null ? "" : currency) + " ";
        }
        // A code used as its symbol (CHF, SEK) reads better apart from the number: "CHF 12.50".
        this.symbol = s.length() > 1 && Character.isLetter(s.charAt(s.length() - 1)) ? s + " " : s;
    }

    /** E.g. {@code €1,234.50}, {@code -€3.20}; exact (BigDecimal), rounded half up to cents. */
    public String money(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() < 0 ? "-" : "") + symbol + grouped("#,##0.00").format(cents.abs());
    }

    /** E.g. {@code 1,204}. */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    /** E.g. {@code 62.5%}; a dash where the server has no rate (nothing to divide by). */
    public String percent(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return grouped("#,##0.#").format(value.setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
        f.setParseBigDecimal(true);
        return f;
    }
}
