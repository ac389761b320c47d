package io.brigade.desktop.printing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.store.StoreSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money control's Z report as the receipt printer prints it, in the store's language (its layout, no printer). */
class ReportPrintTest {
    @Test
    void aZReportPrintsItsNumberTakingsVatAndEachDrawer() throws Exception {
        MoneyReport z = new MoneyReport("Z", 17L, "org", "p", "Zur Goldenen Gans", LocalDate.of(2026, 12, 7),
                "Europe/Berlin", "EUR", null, null, true, Instant.parse("2026-12-07T23:10:00Z"), "Maeve",
                new BigDecimal("1250.00"), new BigDecimal("20.00"), new BigDecimal("15.00"), new BigDecimal("1215.00"),
                new BigDecimal("30.00"), new BigDecimal("42.50"), BigDecimal.ZERO, new BigDecimal("194.00"), 48, 96,
                new BigDecimal("25.31"), 1, 2, new BigDecimal("9.00"),
                List.of(new MoneyReport.Line("Cash", 20, new BigDecimal("515.00")),
                        new MoneyReport.Line("Credit", 28, new BigDecimal("650.00")),
                        new MoneyReport.Line("Online", 2, new BigDecimal("35.00")),
                        new MoneyReport.Line("ExternalPayment", 1, new BigDecimal("15.00"))),
                List.of(new MoneyReport.VatLine(new BigDecimal("19"), new BigDecimal("1021.01"),
                        new BigDecimal("193.99"), new BigDecimal("1215.00"))),
                List.of(), List.of(), List.of(),
                List.of(new MoneyReport.Cash("s1", "d1", "Kasse 1", "main", null, null, new BigDecimal("150.00"),
                        new BigDecimal("515.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 3,
                        new BigDecimal("665.00"), new BigDecimal("660.00"), new BigDecimal("-5.00"))),
                List.of(), List.of());
        StoreSettings store = new StoreSettings("p", "Zur Goldenen Gans", "Hauptstraße 1", "DE123456789", null, "EUR",
                "de-DE", null, null, null, null);

        PrintDoc doc = ReportLayout.report(z, store, ZoneId.of("Europe/Berlin"));
        String text = PlainText.render(doc, 48);
        // As the printer puts it on paper, for people to look at (docs/z-report-de.png).
        java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "receipts"));
        java.nio.file.Files.write(out.resolve("z-report-de.png"), DocImage.png(DocImage.render(doc, 80)));

        for (String expected : List.of("Z-BERICHT Nr. 17", "Bruttoumsatz", "1.250,00 €", "Nettoumsatz", "1.215,00 €",
                "MwSt. 19% auf 1.021,01 €", "193,99 €", "20 x Bar", "28 x Karte", "2 x Online", "1 x Sonstige", "Kassenlade: Kasse 1", "Differenz",
                "-5,00 €",
                "Lade ohne Verkauf geöffnet", "Gäste")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
    }
}
