package io.brigade.server.export;

import io.brigade.protocol.CsvText;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes CSV rows as Commons CSV's {@code CSVFormat.DEFAULT} does (comma, CRLF, a value quoted when it holds a
 * comma, quote or line break, starts with a character up to {@code #}, ends in white space, or is an empty
 * first value; null written as nothing), in UTF-8. Text passes {@link CsvText#text} first: it may be a
 * customer's (a note, a payment method), and a spreadsheet must not run it.
 *
 * <p>The export writes tens of millions of values: the typed cells ({@link #text}, {@link #integer},
 * {@link #money}, {@link #instant}, ...) go straight into a byte buffer, without a string per value. Each writes
 * what {@link #row} writes for the same value.
 */
public final class CsvWriter implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final long[] TENS = new long[19];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int column;
    private boolean closed;

    private CsvWriter(OutputStream out) {
        this.out = out;
    }

    /** A writer into {@code out}, gzip-compressed at the fastest level, that starts with {@code header}. */
    static CsvWriter gzip(OutputStream out, String[] header) throws IOException {
        OutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        CsvWriter w = new CsvWriter(gz);
        w.row((Object[]) header);
        return w;
    }

    /** A writer into {@code out} (it buffers; closing the CSV writer closes {@code out}). */
    public static CsvWriter of(OutputStream out) {
        return new CsvWriter(out);
    }

    /** One row: text through {@link CsvText#text}, decimals plain, anything else as its {@code toString}. */
    public void row(Object... values) throws IOException {
        for (Object v : values) {
            if (v == null || v instanceof CharSequence) {
                text((CharSequence) v);
            } else if (v instanceof BigDecimal d) {
                plain(d.toPlainString());
            } else {
                plain(v.toString());
            }
        }
        end();
    }

    /** Ends the row the typed cells began. */
    public void end() throws IOException {
        column = 0;
        ensure(2);
        buf[pos++] = CRLF[0];
        buf[pos++] = CRLF[1];
    }

    /** A text cell (null: an empty cell). */
    public void text(CharSequence v) throws IOException {
        boolean first = next();
        if (v == null) {
            return;
        }
        int n = v.length();
        if (n == 0) {
            if (first) {
                ascii("\"\"");
            }
            return;
        }
        char head = v.charAt(0);
        boolean guard = head == '=' || head == '+' || head == '-' || head == '@' || head == '\t' || head == '\r';
        if (!guard && head > '#' && v.charAt(n - 1) > ' ' && n <= SHORT && plainAscii(v, n)) {
            return; // the usual id, name or code: copied as it is, in one pass
        }
        boolean quote = (guard ? '\'' : head) <= '#' || v.charAt(n - 1) <= ' ' || special(v);
        ensure(3);
        if (quote) {
            buf[pos++] = '"';
        }
        if (guard) {
            buf[pos++] = '\'';
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                ensure(2);
                if (c == '"') {
                    buf[pos++] = '"';
                }
                buf[pos++] = (byte) c;
            } else {
                i = encode(v, i);
            }
        }
        if (quote) {
            ensure(1);
            buf[pos++] = '"';
        }
    }

    private static final int SHORT = 1 << 12;

    /**
     * Copies {@code v} into the buffer when it needs no quotes and no encoding (ASCII without a comma, quote or
     * line break), answering whether it did; else writes nothing and answers false.
     */
    private boolean plainAscii(CharSequence v, int n) throws IOException {
        ensure(n);
        byte[] b = buf;
        int at = pos;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
            b[at + i] = (byte) c;
        }
        pos = at + n;
        return true;
    }

    /** An integer cell. */
    public void integer(long v) throws IOException {
        next();
        digits(v);
    }

    /** An integer cell (null: an empty cell). */
    public void integer(Integer v) throws IOException {
        if (v == null) {
            next();
        } else {
            integer(v.longValue());
        }
    }

    /**
     * A stored amount as the server answers it ({@code Sql.money}, then plain): {@code stored} is the database's
     * text of a decimal (e.g. {@code 12.5000}), written with at least two decimals and no trailing zeros beyond
     * them ({@code 12.50}). Null: an empty cell.
     */
    public void money(String stored) throws IOException {
        next();
        if (stored == null) {
            return;
        }
        int dot = stored.indexOf('.');
        if (!plainDecimal(stored, dot)) {
            plainCell(canonical(new BigDecimal(stored)).toPlainString());
            return;
        }
        if (dot < 0) {
            if (zero(stored, stored.length())) {
                ascii("0.00");
            } else {
                ascii(stored);
                ascii(".00");
            }
            return;
        }
        int end = stored.length();
        while (end > dot + 3 && stored.charAt(end - 1) == '0') {
            end--;
        }
        if (zero(stored, end)) {
            ascii("0.00");
            return;
        }
        ascii(stored, 0, end);
        for (int i = end - dot - 1; i < 2; i++) {
            ensure(1);
            buf[pos++] = '0';
        }
    }

    /**
     * {@code quantity} times a stored unit price, as {@code Sql.money(unit).multiply(quantity)} writes plainly:
     * the unit's decimals (at least two, trailing zeros dropped), not rounded.
     */
    public void moneyTimes(String storedUnit, int quantity) throws IOException {
        next();
        if (storedUnit == null) {
            return;
        }
        int dot = storedUnit.indexOf('.');
        if (plainDecimal(storedUnit, dot)) {
            int decimals = dot < 0 ? 0 : storedUnit.length() - dot - 1;
            int scale = decimals;
            while (scale > 2 && storedUnit.charAt(dot + scale) == '0') {
                scale--;
            }
            scale = Math.max(2, scale);
            try {
                long unscaled = Long.parseLong(dot < 0 ? storedUnit
                        : storedUnit.substring(0, dot) + storedUnit.substring(dot + 1));
                long amount = Math.multiplyExact(unscaled, (long) quantity);
                amount = scale >= decimals ? Math.multiplyExact(amount, TENS[scale - decimals])
                        : amount / TENS[decimals - scale];
                if (scale <= 18) {
                    fixed(amount, scale);
                    return;
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // beyond a long: the decimal way below
            }
        }
        plainCell(canonical(new BigDecimal(storedUnit)).multiply(BigDecimal.valueOf(quantity)).toPlainString());
    }

    /** An instant as {@link Instant#toString} writes it. Null: an empty cell. */
    public void instant(Instant v) throws IOException {
        next();
        if (v == null) {
            return;
        }
        long seconds = v.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (days < -719_162 || days > 2_932_896) {
            ascii(v.toString()); // years outside 0000-9999: ISO's own signs and widths
            return;
        }
        writeDate(LocalDate.ofEpochDay(days));
        ensure(30);
        buf[pos++] = 'T';
        two(secondOfDay / 3600);
        buf[pos++] = ':';
        two(secondOfDay / 60 % 60);
        buf[pos++] = ':';
        two(secondOfDay % 60);
        int nanos = v.getNano();
        if (nanos > 0) {
            buf[pos++] = '.';
            if (nanos % 1_000_000 == 0) {
                pad(nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(nanos / 1_000, 6);
            } else {
                pad(nanos, 9);
            }
        }
        buf[pos++] = 'Z';
    }

    /** A date as {@link LocalDate#toString} writes it (years 0000-9999). Null: an empty cell. */
    public void date(LocalDate v) throws IOException {
        next();
        writeDate(v);
    }

    private void writeDate(LocalDate v) throws IOException {
        if (v == null) {
            return;
        }
        if (v.getYear() < 0 || v.getYear() > 9999) {
            ascii(v.toString());
            return;
        }
        ensure(10);
        pad(v.getYear(), 4);
        buf[pos++] = '-';
        two(v.getMonthValue());
        buf[pos++] = '-';
        two(v.getDayOfMonth());
    }

    // --- the pieces

    /** Starts a cell: a comma unless it is the row's first. Answers whether it is the first. */
    private boolean next() throws IOException {
        if (column++ > 0) {
            ensure(1);
            buf[pos++] = ',';
            return false;
        }
        return true;
    }

    /** A number, date or the like: quoted only by the general rules (which digits and dates never meet). */
    private void plain(String s) throws IOException {
        boolean first = next();
        if (s.isEmpty()) {
            if (first) {
                ascii("\"\"");
            }
            return;
        }
        plainValue(s);
    }

    private void plainCell(String s) throws IOException {
        // the cell was started by the caller
        plainValue(s);
    }

    private void plainValue(String s) throws IOException {
        boolean quote = s.charAt(0) <= '#' || s.charAt(s.length() - 1) <= ' ' || special(s);
        if (quote) {
            ascii("\"");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(2);
                if (c == '"') {
                    buf[pos++] = '"';
                }
                buf[pos++] = (byte) c;
            } else {
                i = encode(s, i);
            }
        }
        if (quote) {
            ascii("\"");
        }
    }

    private static boolean special(CharSequence v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Digits with at most one dot and an optional leading minus, short enough for a long. */
    private static boolean plainDecimal(String s, int dot) {
        int n = s.length();
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n - start < 1 || n - start > 18 || dot == start || dot == n - 1) {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** As {@code Sql.money}: at least two decimals, no trailing zeros beyond them. */
    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** {@code unscaled} divided by ten to the {@code scale}, with exactly {@code scale} decimals. */
    private void fixed(long unscaled, int scale) throws IOException {
        ensure(24);
        if (unscaled < 0) {
            buf[pos++] = '-';
        }
        long abs = Math.abs(unscaled);
        digits(abs / TENS[scale]);
        ensure(20);
        buf[pos++] = '.';
        pad(abs % TENS[scale], scale);
    }

    private void digits(long v) throws IOException {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int len = 1;
        while (len < 19 && v >= TENS[len]) {
            len++;
        }
        pad(v, len);
    }

    /** {@code v} in exactly {@code width} digits, zeros in front. */
    private void pad(long v, int width) {
        for (int i = pos + width - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void ascii(String s) throws IOException {
        ascii(s, 0, s.length());
    }

    private void ascii(String s, int from, int to) throws IOException {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** Writes the character at {@code i} (not ASCII) in UTF-8; answers the index of the last character used. */
    private int encode(CharSequence v, int i) throws IOException {
        ensure(4);
        char c = v.charAt(i);
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            buf[pos++] = (byte) (0xE0 | c >> 12);
            buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, v.charAt(i + 1));
            buf[pos++] = (byte) (0xF0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
            return i + 1;
        } else {
            buf[pos++] = '?'; // a lone surrogate, as Java's UTF-8 encoder replaces it
        }
        return i;
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write(buf, 0, pos);
            pos = 0;
            out.close();
        }
    }
}
