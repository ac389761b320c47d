package io.brigade.desktop.money;

import io.brigade.desktop.i18n.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Dates and times on the back office's money screens, one way everywhere: a business date with its month in words
 * in the language spoken (7 Dec 2026, 07.12.2026, 7 dic 2026), a time as the store's local time (18:30), a moment
 * as both. A typed date is read that way or as 2026-12-07.
 */
final class MoneyDates {
    private static final LocalDate EXAMPLE = LocalDate.of(2026, 12, 7);

    private MoneyDates() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : Formats.now().mediumDate(date);
    }

    /** {@code at} as the date and the local time of the store's {@code zone}. */
    static String dateTime(Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        Formats f = Formats.now();
        return f.mediumDate(at.atZone(zone).toLocalDate()) + " " + f.time(at, zone);
    }

    /** A date as a manager typed it; throws when it reads as none. */
    static LocalDate parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        for (DateTimeFormatter format : List.of(Formats.now().mediumDates(), DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        throw new DateTimeParseException("not a date", text, 0);
    }

    /** How a date is typed, for a message or a prompt. */
    static String example() {
        return date(EXAMPLE);
    }
}
