package io.brigade.desktop.dashboard;

import io.brigade.desktop.i18n.Formats;
import java.math.BigDecimal;

/** How the dashboard writes numbers, as the language spoken writes them: money in the menu's currency, counts, rates. */
public final class Figures {
    private final Formats formats = Formats.now();
    private final String currency;

    public Figures(String currency) {
        this.currency = currency;
    }

    /** E.g. {@code €1,234.50}, {@code -€3.20}; exact (BigDecimal), rounded half up to cents. */
    public String money(BigDecimal value) {
        return value == null ? "–" : formats.money(value, currency);
    }

    /** An axis label: {@code €1,200} for whole amounts, cents only where there are some. */
    public String axisMoney(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 ? formats.wholeMoney(value, currency) : money(value);
    }

    /** E.g. {@code 1,204}. */
    public String count(long value) {
        return formats.count(value);
    }

    /** E.g. {@code 62.5%} for 62.5; a dash where the server has no rate (nothing to divide by). */
    public String percent(BigDecimal value) {
        return value == null ? "–" : formats.percent(value.movePointLeft(2), 1);
    }
}
