package io.brigade.desktop.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where this PC keeps the till database and the embedded server's database. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** {@code -Dbrigade.home} or {@code BRIGADE_HOME} if set, else the platform's per-user data directory. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("brigade.home"), System.getProperty("os.name", ""),
                System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> env, String property, String osName, String userHome) {
        String explicit = property != null ? property : env.get("BRIGADE_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "Brigade");
        }
        // The JVM takes user.home from the password database; XDG (and a user who sets HOME) mean $HOME.
        String home = env.getOrDefault("HOME", userHome);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Brigade");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "brigade") : Path.of(home, ".local", "share", "brigade");
    }
}
