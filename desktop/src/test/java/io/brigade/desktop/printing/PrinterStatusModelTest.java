package io.brigade.desktop.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The till's printer line, as the status bar shows it. */
class PrinterStatusModelTest {
    private static PrinterStatusModel model;

    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        model = new PrinterStatusModel(null, Background.direct(), Texts.of(PrinterSetupTexts.class));
    }

    @Test
    void anOfflinePrinterWithChitsWaitingIsNamedWithTheCount() {
        model.show(List.of(new Printing.PrinterState("grill", "Grill", PrinterLink.Trouble.UNREACHABLE, "refused",
                Map.of(Printing.CHIT, 1, Printing.VOID, 1)), new Printing.PrinterState("bar", "Bar", null, null,
                Map.of())));

        assertEquals("Grill printer offline: 2 chits waiting", model.lineProperty().get());
        assertTrue(model.troubleProperty().get());
    }

    @Test
    void aPrinterOutOfPaperWithOneReceiptWaitingSaysSo() {
        model.show(List.of(new Printing.PrinterState("counter", "Counter", PrinterLink.Trouble.NO_PAPER, "paper",
                Map.of(Printing.RECEIPT, 1))));

        assertEquals("Counter printer out of paper: 1 receipt waiting", model.lineProperty().get());
    }

    @Test
    void printersThatPrintShowQuietly() {
        model.show(List.of(new Printing.PrinterState("bar", "Bar", null, null, Map.of())));

        assertEquals("Printers OK", model.lineProperty().get());
        assertFalse(model.troubleProperty().get());
    }

    @Test
    void jobsThatMayNotHavePrintedAreCounted() {
        model.show(List.of(new Printing.PrinterState("grill", "Grill", null, null, Map.of("UNSURE", 1))));

        assertEquals("Grill: 1 job may not have printed", model.lineProperty().get());
        assertTrue(model.troubleProperty().get());
    }
}
