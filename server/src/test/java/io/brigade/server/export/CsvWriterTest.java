package io.brigade.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.CsvText;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The export's typed cells write, byte for byte, what Commons CSV's default format writes for the values the
 * export wrote before it had them: text made safe by {@link CsvText}, amounts as {@code Sql.money} answers them
 * and written plainly, instants and dates by their {@code toString}.
 */
class CsvWriterTest {
    private static final String[] TEXTS = {"", "plain", "=SUM(A1)", "+1", "-3", "@me", "\tTab", "\rCR", "a,b",
        "say \"hi\"", "line\nbreak", " lead", "trail ", "#hash", "!bang", "Grüße", "日本", "😀 emoji", "\uD800x",
        "x\uDC00", "'quoted'", "Cash;Credit", "Spot:CODE10", "6BRN1GAXF6ENJXJH",
        "long ".repeat(1000) + "note", "long, ".repeat(1000) + "note", "tilde~", "del\u007f"};
    private static final String[] STORED = {"12.5000", "-3.5000", "0.0000", "-0.0000", "100.0000", "12.3456",
        "0.0500", "0.0001", "-0.0100", "99999999999999.9999", "-99999999999999.9999", "7", "7.5", "12.34",
        "1200.0000", "5.10"};

    @Test
    void typedCellsWriteWhatCommonsCsvWritesForTheSameValues() throws Exception {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String text = TEXTS[random.nextInt(TEXTS.length)];
            String stored = STORED[random.nextInt(STORED.length)];
            int quantity = random.nextInt(21) - 10;
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(-700_000, 2_900_000));
            Integer maybe = random.nextBoolean() ? null : random.nextInt() / 1000;
            rows.add(new Object[] {"id" + i, text, stored, quantity, at, date, maybe, random.nextLong(),
                random.nextBoolean() ? null : text, i % 7 == 0 ? null : at});
        }

        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.DEFAULT)) {
            for (Object[] r : rows) {
                BigDecimal unit = money(new BigDecimal((String) r[2]));
                printer.printRecord(CsvText.cells(r[0], r[1], unit, r[3], unit.multiply(BigDecimal.valueOf((int) r[3])),
                        r[4], r[5], r[6], r[7], r[8], r[9]));
            }
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.of(actual)) {
            for (Object[] r : rows) {
                w.text((String) r[0]);
                w.text((String) r[1]);
                w.money((String) r[2]);
                w.integer((int) r[3]);
                w.moneyTimes((String) r[2], (int) r[3]);
                w.instant((Instant) r[4]);
                w.date((LocalDate) r[5]);
                w.integer((Integer) r[6]);
                w.integer((long) r[7]);
                w.text((String) r[8]);
                w.instant((Instant) r[9]);
                w.end();
            }
        }
        // As an OutputStreamWriter in UTF-8 writes it (a lone surrogate becomes '?'), record by record.
        byte[] wantBytes = expected.toString().getBytes(StandardCharsets.UTF_8);
        String[] want = new String(wantBytes, StandardCharsets.UTF_8).split("\r\n", -1);
        String[] got = actual.toString(StandardCharsets.UTF_8).split("\r\n", -1);
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            assertEquals(visible(want[i]), visible(got[i]), "record " + i);
        }
        assertEquals(want.length, got.length);
        assertArrayEquals(wantBytes, actual.toByteArray());
    }

    @Test
    void anEmptyFirstValueIsQuoted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.of(out)) {
            w.row("", "", null);
            w.text("");
            w.text(null);
            w.end();
        }
        assertEquals("\"\",,\r\n\"\",\r\n", out.toString(StandardCharsets.UTF_8));
    }

    /** Control characters and non-ASCII as escapes: a failure's message stays readable. */
    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= ' ' && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }

    private static BigDecimal money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
