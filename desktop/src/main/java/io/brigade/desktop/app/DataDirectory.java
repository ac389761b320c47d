package io.brigade.desktop.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where this PC keeps the till database and the embedded server's database. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** {@code -Dbrigade.home} or {@code BRIGADE_HOME} if set, else the platform's per-user data directory. */
    public static Path resolve() {
        String explicit = System.getProperty("brigade.home", System.getenv("BRIGADE_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Brigade");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Brigade");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "brigade");
    }
}
