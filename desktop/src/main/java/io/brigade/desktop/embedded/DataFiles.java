package io.brigade.desktop.embedded;

import io.brigade.server.db.H2Login;
import java.nio.file.Path;

/**
 * The server's rules for files that hold the restaurant's data, applied to the desktop's own files too, so the
 * till's database and the built-in server's follow one rule: directories created owner-only (700), database files
 * owner-only (600), and a new H2 database opened with a random password kept beside it.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** Creates {@code dir} (and missing parents) readable by this account only; an existing one is left as it is. */
    public static Path directory(Path dir) {
        return io.brigade.server.db.DataFiles.directory(dir);
    }

    /** Who opens an H2 database. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    /** The login of the H2 database whose files start with {@code base} ({@code base.mv.db}). */
    public static Login h2Login(Path base, String user, String password) {
        H2Login login = H2Login.forFile(base, user, password);
        return new Login(login.user(), login.password());
    }

    /** Makes the H2 database's own files owner-only. */
    public static void tightenH2(Path base) {
        H2Login.tighten(base);
    }
}
