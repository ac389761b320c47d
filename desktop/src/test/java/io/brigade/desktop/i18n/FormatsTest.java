package io.brigade.desktop.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-IE | 1234.5 | €1,234.50",
        "de-IE | 1234.5 | 1.234,50\u00a0€",
        "es-IE | 1234.5 | 1.234,50\u00a0€",
        "en-IE | -5     | -€5.00",
        "en-IE | 2.345  | €2.35",
    })
    void moneyIsWrittenAsTheLocaleWritesIt(String tag, BigDecimal amount, String shown) {
        assertEquals(shown, Formats.of(Locale.forLanguageTag(tag), EUR).money(amount));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-IE | 07/12/2026 | 17:05",
        "de-IE | 07.12.26   | 17:05",
        "es-IE | 7/12/26    | 17:05",
    })
    void datesAndTimesFollowTheLocale(String tag, String date, String time) {
        Formats f = Formats.of(Locale.forLanguageTag(tag), EUR);
        assertEquals(date, f.date(LocalDate.of(2026, 12, 7)));
        assertEquals(time, f.time(Instant.parse("2026-12-07T17:05:00Z"), DUBLIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"USD | US$3.00", "JPY | JP¥3", "XYZ | €3.00", "'' | €3.00"})
    void aMenusOwnCurrencyIsUsedWhenItIsOne(String code, String shown) {
        assertEquals(shown, Formats.of(Locale.forLanguageTag("en-IE"), EUR).money(new BigDecimal("3"), code));
    }
}
