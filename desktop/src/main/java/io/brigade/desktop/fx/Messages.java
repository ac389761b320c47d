package io.brigade.desktop.fx;

import javafx.scene.control.Label;

/**
 * A screen's answer line in one look everywhere: green when something was done, amber when it was done but
 * deserves a look, red when it was refused (the classes are in the shell's and the dialogs' style sheets).
 */
public final class Messages {
    private Messages() {
    }

    /** How an answer reads: done, done but worth a look, or refused. */
    public enum Look {
        DONE("success-text"), WARNING("warning-text"), REFUSED("error-text");

        private final String styleClass;

        Look(String styleClass) {
            this.styleClass = styleClass;
        }
    }

    public static void done(Label line, String text) {
        show(line, Look.DONE, text);
    }

    public static void warning(Label line, String text) {
        show(line, Look.WARNING, text);
    }

    public static void refused(Label line, String text) {
        show(line, Look.REFUSED, text);
    }

    /** Only the look, for a line whose text is bound to a view model. */
    public static void look(Label line, Look look) {
        for (Look each : Look.values()) {
            line.getStyleClass().remove(each.styleClass);
        }
        line.getStyleClass().add(look.styleClass);
    }

    private static void show(Label line, Look look, String text) {
        look(line, look);
        line.setText(text);
    }
}
