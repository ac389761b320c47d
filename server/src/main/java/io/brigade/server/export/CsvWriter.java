package io.brigade.server.export;

import io.brigade.protocol.CsvText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes CSV rows as Commons CSV's {@code CSVFormat.DEFAULT} does (comma, CRLF, a value quoted when it holds a
 * comma, quote or line break, starts with a character up to {@code #}, ends in white space, or is an empty
 * first value; null written as nothing), without its per-value overhead: the export writes millions of rows.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;
    private boolean closed;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer into {@code file}, gzip-compressed at the fastest level, that starts with {@code header}. */
    static CsvWriter gzip(Path file, String[] header) throws IOException {
        OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        CsvWriter w = new CsvWriter(new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16));
        w.row((Object[]) header);
        return w;
    }

    /** A writer into {@code out} (the caller's buffer; closing the CSV writer closes it). */
    public static CsvWriter of(Writer out) {
        return new CsvWriter(out);
    }

    public void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v != null) {
                // Text may be a customer's (a note, a payment method): CsvText keeps a spreadsheet from running it.
                value(v instanceof CharSequence cs ? CsvText.text(cs.toString())
                        : v instanceof BigDecimal d ? d.toPlainString() : v.toString(), i == 0);
            }
        }
        out.write("\r\n");
    }

    private void value(String s, boolean first) throws IOException {
        if (s.isEmpty()) {
            if (first) {
                out.write("\"\"");
            }
            return;
        }
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    private static boolean needsQuotes(String s) {
        if (s.charAt(0) <= '#' || s.charAt(s.length() - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
