package io.brigade.server.failover;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a synchronous streaming standby on loopback, made with the distribution's own
 * binaries (initdb, pg_basebackup, pg_ctl in {@code bin}), as the README's chain set-up describes. PostgreSQL
 * refuses to run as root, so a root test runs the binaries as the {@code postgres} user (runuser).
 */
final class PostgresPair implements AutoCloseable {
    static final String STANDBY_NAME = "standby1";

    private final Path bin;
    private final Path dir;
    private final boolean root;
    final int primaryPort;
    final int standbyPort;

    private PostgresPair(Path bin, Path dir) throws IOException {
        this.bin = bin;
        this.dir = dir;
        this.root = "root".equals(System.getProperty("user.name"));
        this.primaryPort = freePort();
        this.standbyPort = freePort();
    }

    /** Starts a primary, a standby streaming from it, and waits until the standby confirms commits. */
    static PostgresPair start(Path bin) throws Exception {
        Path dir = Files.createTempDirectory("brigade-failover-");
        PostgresPair pair = new PostgresPair(bin, dir);
        pair.own(dir);
        pair.startPrimary();
        pair.startStandby();
        return pair;
    }

    /** The multi-host URL a node is given: whichever of the two is the primary takes the connections. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/brigade?targetServerType=primary";
    }

    /** The read pool's URL: the standby while there is one, else whichever is up. */
    String readUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/brigade?targetServerType=preferSecondary";
    }

    private void startPrimary() throws Exception {
        Path data = dir.resolve("primary");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
                "listen_addresses = '127.0.0.1'",
                "port = " + primaryPort,
                "unix_socket_directories = '" + dir + "'",
                "wal_level = replica",
                "max_wal_senders = 4",
                "wal_keep_size = '256MB'",
                "synchronous_commit = on",
                "fsync = on",
                "shared_buffers = '64MB'",
                ""), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(data.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n"
                + "host replication all 127.0.0.1/32 trust\nlocal all all trust\n");
        own(data);
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("primary.log").toString(),
                "-w", "start");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "postgres", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE brigade");
        }
    }

    private void startStandby() throws Exception {
        Path data = dir.resolve("standby");
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort),
                "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream");
        Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
                "port = " + standbyPort,
                "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name="
                        + STANDBY_NAME + "'",
                // Once promoted it is the primary that has no standby: it must not wait for one.
                "synchronous_standby_names = ''",
                ""), java.nio.file.StandardOpenOption.APPEND);
        own(data);
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("standby.log").toString(),
                "-w", "start");
        // Only now that it streams: a commit is acknowledged once the standby has it on disk, so an acknowledged
        // sale survives the primary (set before, every commit would wait for a standby that is not there yet).
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "postgres", null); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY_NAME + "'");
            st.execute("SELECT pg_reload_conf()");
        }
        await("the standby becomes synchronous").atMost(Duration.ofSeconds(60)).until(() -> "sync".equals(syncState()));
    }

    private String syncState() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "postgres", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                     + STANDBY_NAME + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The primary goes away as in a crash: no shutdown checkpoint, connections cut. */
    void stopPrimaryImmediately() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("primary").toString(), "-m", "immediate", "stop");
    }

    /** The standby becomes the primary (what an operator or a failover manager does). */
    void promoteStandby() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("standby").toString(), "-w", "promote");
    }

    /** A connection to the promoted standby. */
    Connection standby() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/brigade", "postgres",
                null);
    }

    /**
     * Stops both nodes and deletes their data (about 165 MB a run, which piled up in the temp directory); the
     * logs stay, a few KB, for a run that failed.
     */
    @Override
    public void close() throws Exception {
        for (String node : new String[] {"primary", "standby"}) {
            if (Files.exists(dir.resolve(node).resolve("postmaster.pid"))) {
                run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve(node).toString(), "-m", "immediate", "stop");
            }
        }
        for (String node : new String[] {"primary", "standby"}) {
            Path data = dir.resolve(node);
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("commands.log"));
        }
    }

    private void own(Path path) throws IOException {
        if (!root) {
            return;
        }
        UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        try (var files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setOwner(p, postgres);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
