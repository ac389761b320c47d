package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.support.LiveApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager at the till opens the drawer with a float, sells, pays out for supplies and closes with a blind count
 * 0.50 over; the back office then takes the day's Z report, which shows the drawer, the audit log lists what was
 * done, and the Z exported as PDF (with the day's audit log beside it) holds the drawer's figures.
 */
class DrawerScreenTest {
    @TempDir
    Path home;

    @Test
    void aShiftClosedByABlindCountIsInTheExportedZReport() throws Exception {
        try (LiveApp app = LiveApp.start(home, "Drawer Bistro", false)) {
            app.signIn("9999");
            MoneyTour tour = new MoneyTour();
            tour.drawer(app.services(), (scene, name) -> { });
            assertTrue(app.services().drawer().current().isEmpty(), "the shift is closed on the till");
            tour.backOffice((scene, name) -> { }, MoneyDates.date(LocalDate.now(ZoneId.of("Europe/Dublin"))));

            MoneyOffice office = app.services().moneyOffice();
            long z = office.zReports().get(0).zNumber();
            Path pdf = home.resolve("z.pdf");
            Path audit = office.exportPdf(z, pdf, Texts.of(MoneyTexts.class));

            String text;
            try (PdfReader reader = new PdfReader(Files.readAllBytes(pdf))) {
                text = new PdfTextExtractor(reader).getTextFromPage(1) + new PdfTextExtractor(reader)
                        .getTextFromPage(reader.getNumberOfPages());
            }
            assertTrue(text.contains("Z report " + z), text);
            assertTrue(text.contains("expected €100.10, counted €100.60, over/short €0.50"), text);
            assertTrue(audit.getFileName().toString().equals("z-audit.csv"), audit.toString());
            String log = Files.readString(audit);
            assertTrue(log.contains("PAY_OUT") && log.contains("Milk and lemons for the bar"), log);
        }
    }
}
