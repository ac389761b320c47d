package io.brigade.protocol;

import java.math.BigDecimal;

/**
 * Cells of the CSV files Brigade writes (the analytics export, the dashboard's CSV), safe to open in a
 * spreadsheet. Text that a spreadsheet would run as a formula, because it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, gets a leading apostrophe (OWASP's rule for CSV
 * injection); the CSV printer then quotes what contains separators or quotes. Numbers are ours, not a
 * customer's text, and are written as plain decimals, so a refund of -3.50 stays a number.
 */
public final class CsvText {
    private CsvText() {
    }

    /** {@code value} as a spreadsheet can only read it as text. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** One record's cells: text made safe with {@link #text}, decimals written plain, the rest as they are. */
    public static Object[] cells(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            out[i] = v instanceof String s ? text(s) : v instanceof BigDecimal d ? d.toPlainString() : v;
        }
        return out;
    }
}
