package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.MoneyReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The Z report's PDF, read back with the PDF library, and the audit log's CSV that goes beside it. */
class ZReportPdfTest {
    private static final MoneyTexts TEXTS = Texts.of(MoneyTexts.class);

    @Test
    void thePdfHoldsEveryFigureOfTheZ() throws Exception {
        String text = text(ZReportPdf.render(z(), TEXTS));

        assertTrue(text.contains("Z report 7"), text);
        assertTrue(text.contains("Day Bistro"), text);
        for (String figure : List.of("€1,234.50", "€34.50", "€13.00", "€1,187.00", "€21.40", "€9.00", "€1.20",
                "€220.64", "€3.00", "€24.73", "€612.40", "€574.60", "€1,180.70", "€0.50", "€286.60", "€13.90",
                "€960.10", "€187.00", "€100.00", "€100.10", "€9.40")) {
            assertTrue(text.contains(figure), figure + " is missing from:\n" + text);
        }
        assertTrue(text.contains("Checks"), text);
        assertTrue(text.contains("48"), text);
        assertTrue(text.contains("Not yet synced: Bar holds 2 sales"), text);
        assertTrue(text.contains("spilled: 2 × €9.40"), text);
    }

    @Test
    void thePdfIsWrittenInTheLanguageSpoken() throws Exception {
        MoneyTexts german = Texts.of(MoneyTexts.class, java.util.Locale.GERMANY);

        String text = text(ZReportPdf.render(z(), german));

        assertTrue(text.contains("Z-Bericht 7"), text);
        assertTrue(text.contains("Bruttoumsatz"), text);
        assertTrue(text.contains("Noch nicht übertragen: Bar hält 2 Verkäufe"), text);
    }

    @Test
    void theAuditLogBesideItKeepsReasonsFromRunningAsFormulas() throws Exception {
        String csv = AuditCsv.write(List.of(new AuditEntry(Instant.parse("2026-12-07T12:40:00Z"), "PAY_OUT", "Ana",
                "Front till", new BigDecimal("-12.40"), "=HYPERLINK(\"x\")", null, null)));

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertEquals(1, rows.size());
        assertEquals("2026-12-07T12:40:00Z", rows.get(0).get("at"));
        assertEquals("-12.40", rows.get(0).get("amount"));
        assertEquals("'=HYPERLINK(\"x\")", rows.get(0).get("reason"));
    }

    private static String text(byte[] pdf) throws Exception {
        StringBuilder all = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return all.toString();
    }

    private static MoneyReport z() {
        List<MoneyReport.Line> methods = List.of(new MoneyReport.Line("Cash", 30, new BigDecimal("574.60")),
                new MoneyReport.Line("Credit", 18, new BigDecimal("612.40")));
        return new MoneyReport("Z", 7L, "org", "store", "Day Bistro", LocalDate.parse("2026-12-07"),
                "Europe/Dublin", "EUR", null, null, true, Instant.parse("2026-12-07T22:30:00Z"), "Maeve",
                new BigDecimal("1234.50"), new BigDecimal("34.50"), new BigDecimal("13.00"),
                new BigDecimal("1187.00"), new BigDecimal("21.40"), new BigDecimal("9.00"), new BigDecimal("1.20"),
                new BigDecimal("220.64"), 48, 61, new BigDecimal("24.73"), 1, 1, new BigDecimal("3.00"), methods,
                List.of(new MoneyReport.VatLine(new BigDecimal("13.5"), new BigDecimal("1040.09"),
                        new BigDecimal("140.61"), new BigDecimal("1180.70"))),
                List.of(new MoneyReport.Line("Spot", 2, new BigDecimal("0.50"))),
                List.of(new MoneyReport.Line("Pizza", 20, new BigDecimal("286.60"))),
                List.of(new MoneyReport.Line("13", 5, new BigDecimal("13.90"))),
                List.of(new MoneyReport.Cash("s1", "d1", "Front till", "1", Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-07T22:00:00Z"), new BigDecimal("100.00"), new BigDecimal("960.10"),
                        new BigDecimal("13.00"), BigDecimal.ZERO, new BigDecimal("12.40"), 1,
                        new BigDecimal("187.00"), new BigDecimal("100.10"), new BigDecimal("-86.90"))),
                List.of(), List.of(new MoneyReport.Unsynced("d2", "Bar", 2, null, null)),
                List.of(new MoneyReport.Line("spilled", 2, new BigDecimal("9.40"))));
    }
}
