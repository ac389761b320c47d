package io.brigade.server.db;

import io.brigade.server.auth.Secrets;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Who opens an embedded H2 file database. A new database gets a user and a random password, kept beside it
 * in {@code <name>.credentials} (owner-only), so a copy of the database file alone does not open with an
 * empty password. A database created before that (its file exists, no credentials file) keeps opening with
 * the user and password it was created with. A password given explicitly is always used as given.
 */
public record H2Login(String user, String password) {
    /** The user of a new database when the caller names none. */
    public static final String DEFAULT_USER = "brigade";
    private static final String SUFFIX = ".credentials";

    /**
     * The login for the database whose files start with {@code base} ({@code base.mv.db}); {@code user} and
     * {@code password} are the caller's (null or empty for none).
     */
    public static H2Login forFile(Path base, String user, String password) {
        if (password != null && !password.isEmpty()) {
            return new H2Login(user, password);
        }
        Path credentials = sibling(base, SUFFIX);
        try {
            if (Files.exists(credentials)) {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(credentials, StandardCharsets.UTF_8)));
                return new H2Login(p.getProperty("user"), p.getProperty("password"));
            }
            if (Files.exists(sibling(base, ".mv.db"))) {
                return new H2Login(user, password); // made before databases had passwords: as it was made
            }
            H2Login fresh = new H2Login(user == null || user.isBlank() ? DEFAULT_USER : user,
                    Secrets.randomToken(24));
            Properties p = new Properties();
            p.setProperty("user", fresh.user());
            p.setProperty("password", fresh.password());
            StringWriter text = new StringWriter();
            p.store(text, "Login of the H2 database beside this file; keep it with the database");
            DataFiles.directory(base.toAbsolutePath().getParent());
            DataFiles.createOwnerOnly(credentials, text.toString().getBytes(StandardCharsets.UTF_8));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database credentials " + credentials, e);
        }
    }

    /**
     * Where an embedded H2 file database named by {@code jdbcUrl} lives (the path its {@code .mv.db} file
     * starts with), or empty for in-memory, server and other URLs.
     */
    public static Optional<Path> basePath(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring(8);
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        }
        int colon = name.indexOf(':');
        // Any other prefix (mem:, tcp:, ssl:, zip:, split:, nio...) is not a plain file here; C:\ is.
        if (colon > 1 || name.isBlank()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    /** Makes the database's own files owner-only (they are created with the process's default mode). */
    public static void tighten(Path base) {
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db", SUFFIX}) {
            DataFiles.ownerOnly(sibling(base, suffix));
        }
    }

    private static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    @Override
    public String toString() {
        return "H2Login[user=" + user + "]"; // never the password, not even in a debugger's log line
    }
}
