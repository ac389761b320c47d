package io.brigade.desktop.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Numbers, money, dates and times as people of one locale write them, with the store's currency. {@link #now()}
 * follows the language spoken and the store's settings; {@link #of} is fixed (a receipt in the store's language).
 */
public final class Formats {
    private final Locale locale;
    private final Currency currency;

    private Formats(Locale locale, Currency currency) {
        this.locale = Objects.requireNonNull(locale, "locale == null");
        this.currency = Objects.requireNonNull(currency, "currency == null");
    }

    /** As the language spoken now writes them, in the store's currency. */
    public static Formats now() {
        return new Formats(Texts.locale(), Texts.store().currency());
    }

    public static Formats of(Locale locale, Currency currency) {
        return new Formats(locale, currency);
    }

    public Locale locale() {
        return locale;
    }

    public Currency currency() {
        return currency;
    }

    /** {@code amount} in the store's currency: €12.50, 12,50 €. */
    public String money(BigDecimal amount) {
        return money(amount, currency);
    }

    /**
     * {@code amount} in the currency with this ISO code (a menu's own), or in the store's when the code is null or
     * unknown.
     */
    public String money(BigDecimal amount, String currencyCode) {
        return money(amount, currencyOr(currencyCode));
    }

    /** A whole amount without cents (€1,200), for axis labels. */
    public String wholeMoney(BigDecimal amount, String currencyCode) {
        return money(amount, currencyOr(currencyCode), 0);
    }

    private String money(BigDecimal amount, Currency in) {
        return money(amount, in, Math.max(0, in.getDefaultFractionDigits()));
    }

    private String money(BigDecimal amount, Currency in, int digits) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(in);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String written = f.format(amount);
        String symbol = in.getSymbol(locale);
        // A code written as letters (CHF) runs into the digits in some locales (CHF12.50): keep them apart.
        return symbol.chars().allMatch(Character::isLetter)
                ? written.replaceFirst("(" + Pattern.quote(symbol) + ")(?=\\d)", "$1\u00a0") : written;
    }

    /** A decimal number with the locale's separators, with {@code decimals} places. */
    public String decimal(BigDecimal value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** A whole number with the locale's grouping: 12,345 or 12.345. */
    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A share, {@code ratio} 0.125 as 12.5% or 12,5 %, with at most {@code decimals} places. */
    public String percent(BigDecimal ratio, int decimals) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(ratio);
    }

    /** A date the short way (07/12/2026, 07.12.26). */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(date);
    }

    /** A date with its month in words (7 Dec 2026, 07.12.2026). */
    public String mediumDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Dates with the month in words as a formatter, for a box people type dates into. */
    public DateTimeFormatter mediumDates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** Hours and minutes (17:30, 5:30 PM) of {@code at} in {@code zone}. */
    public String time(Instant at, ZoneId zone) {
        return time(at.atZone(zone));
    }

    /** Hours and minutes of a local time or a zoned date-time. */
    public String time(TemporalAccessor t) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(t);
    }

    /** Hours, minutes and seconds of {@code at} in {@code zone}. */
    public String timeWithSeconds(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
    }

    /** Date and time of {@code at} in {@code zone} to the second, the month in words (7 Dec 2026, 17:30:05). */
    public String mediumDateTime(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
    }

    /** Date and time of {@code at} in {@code zone}, both the short way. */
    public String dateTime(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(at.atZone(zone));
    }

    private Currency currencyOr(String code) {
        if (code == null || code.isBlank()) {
            return currency;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return currency;
        }
    }
}
