package io.brigade.desktop.printing;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.store.StorePrinters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the printing screens: the back office's printers tab. */
public final class PrintingWorkspace {
    /** The tab and what reads it fresh from the server (the back office calls it when the tab is opened). */
    public record Screen(Parent view, Runnable refresh) {
    }

    private PrintingWorkspace() {
    }

    /**
     * The printers tab of store {@code propertyId} as the signed-in manager; {@code saved} hears of the printers the
     * server accepted; this PC's receipt printer is read and set through {@code receiptPrinter} and {@code choose}.
     */
    public static Screen printersEditor(BackOfficeClient office, String propertyId, Background background,
                                        Consumer<StorePrinters> saved, Supplier<Optional<String>> receiptPrinter,
                                        Consumer<String> choose, ReceiptPrinting receipts, String staffName) {
        PrinterSetupTexts texts = Texts.of(PrinterSetupTexts.class);
        FXMLLoader loader = Texts.loader(PrintingWorkspace.class, "PrintersView.fxml");
        Parent editor;
        try {
            editor = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the printers tab", e);
        }
        PrintersViewModel model = new PrintersViewModel(office, propertyId, background, texts, saved, receiptPrinter,
                choose, printer -> background.run(() -> receipts.testPage(printer, staffName), id -> { }, e -> { }));
        ((PrintersController) loader.getController()).bind(model, texts);
        return new Screen(editor, model::refresh);
    }
}
