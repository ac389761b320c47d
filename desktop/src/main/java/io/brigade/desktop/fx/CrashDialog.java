package io.brigade.desktop.fx;

import io.brigade.desktop.i18n.Texts;
import javafx.application.Platform;
import org.controlsfx.dialog.ExceptionDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place an unexpected error ends up: logged, and shown to the person at the till. */
public final class CrashDialog {
    private static final Logger LOG = LoggerFactory.getLogger(CrashDialog.class);
    private static volatile boolean showing;

    private CrashDialog() {
    }

    /** Installs the handler for every thread, the FX thread included. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> show(error));
    }

    public static void show(Throwable error) {
        LOG.error("unexpected error", error);
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(error));
            return;
        }
        if (showing) {
            return; // one dialog at a time; the rest are in the log
        }
        showing = true;
        try {
            ExceptionDialog dialog = new ExceptionDialog(error);
            FxTexts texts = Texts.of(FxTexts.class);
            dialog.setTitle(texts.crashTitle());
            dialog.setHeaderText(texts.crashHeader());
            // Not showAndWait: an error thrown in an animation or a layout pass lands here during that pulse, where
            // JavaFX refuses a nested event loop, and the crash dialog itself would throw.
            dialog.setOnHidden(e -> showing = false);
            dialog.show();
        } catch (RuntimeException e) {
            showing = false;
            LOG.error("the error dialog could not be shown", e);
        }
    }
}
