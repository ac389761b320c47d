package io.brigade.desktop.i18n;

import java.util.Currency;
import java.util.Locale;

/**
 * What the store's settings say about money and place: the currency it takes and its own locale, whose country
 * sets the conventions of numbers, dates and times (with the language of whoever is signed in) and whose language
 * is the one its printed receipts speak.
 */
public interface StoreLocale {
    Currency currency();

    Locale locale();

    static StoreLocale of(Currency currency, Locale locale) {
        return new StoreLocale() {
            @Override
            public Currency currency() {
                return currency;
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }
}
