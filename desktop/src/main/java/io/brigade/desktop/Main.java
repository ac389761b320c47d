package io.brigade.desktop;

import io.brigade.desktop.shell.BrigadeApp;
import javafx.application.Application;

/** Entry point for class-path launches (jar, jpackage), where the main class must not extend Application. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        BrigadeApp.startEarly(args);
        Application.launch(BrigadeApp.class, args);
    }
}
