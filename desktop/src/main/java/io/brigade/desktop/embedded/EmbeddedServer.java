package io.brigade.desktop.embedded;

import io.brigade.desktop.client.TerminalSettings;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.network.Listening;
import io.brigade.server.network.StoreAddresses;
import io.brigade.server.network.StoreAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded default: the Brigade server running inside the desktop app on an H2 file in the user's
 * data directory, for a single store on one PC and for a newcomer's first minute.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final BrigadeServer server;
    private final Database database;
    private final Path directory;
    private final Clock clock;

    private EmbeddedServer(BrigadeServer server, Database database, Path directory, Clock clock) {
        this.server = server;
        this.database = database;
        this.directory = directory;
        this.clock = clock;
    }

    /** Starts the server on a free loopback port over {@code directory/server.mv.db}. */
    public static EmbeddedServer start(Path directory, Clock clock) throws Exception {
        return start(directory, clock, 0);
    }

    /**
     * {@code preferred} when nothing listens there now, else a free port: the till keeps its server's
     * address from one start to the next, so it can talk to it as soon as it is up.
     */
    public static int portFor(int preferred) {
        if (preferred > 0) {
            try (ServerSocket probe = new ServerSocket(preferred)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // someone else has it now: take any free port
            }
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the built-in server", e);
        }
    }

    /** Starts the server on {@code port} (0: any free port) over {@code directory/server.mv.db}. */
    public static EmbeddedServer start(Path directory, Clock clock, int port) throws Exception {
        Database database = Database.open("jdbc:h2:file:" + directory.toAbsolutePath().resolve("server"), "sa", "");
        try {
            // The webhook master key lives with the server's data, never in whatever directory the app started in.
            // This PC only until a manager switches "serve the store" on (serveStore): nothing on the network can
            // reach the built-in server of a one-PC store, over plain HTTP or otherwise.
            BrigadeServer server = BrigadeServer.create(port, database, clock,
                    BrigadeServer.Options.withKeyFile(directory.resolve("master.key"))
                            .withListening(Listening.loopbackOnly())).start();
            return new EmbeddedServer(server, database, directory, clock);
        } catch (Exception e) {
            database.close();
            throw e;
        }
    }

    /** Creates the demo restaurant and returns the settings of a terminal that sells for it. */
    public TerminalSettings bootstrapDemo(String name, Clock clock) {
        DemoBootstrap demo = new DemoBootstrap(database, clock);
        DemoBootstrap.Result r = demo.run(name);
        demo.addDemoStaff(r.orgId());
        demo.addDemoStations(r);
        return new TerminalSettings(url(), r.clientId(), r.clientSecret(), r.orgId(), r.propertyId(),
                r.salesChannelId(), "till-1", true);
    }

    /**
     * Serves the store on the network: HTTPS on every interface at {@code preferredPort} (another free port when it
     * is taken), with the store's own certificate authority made in {@code tls/} beside the server's data at first
     * use, and announced by mDNS so that new PCs find it. Idempotent; answers where devices reach it.
     */
    public synchronized Serving serveStore(int preferredPort, boolean announce) throws Exception {
        StoreAuthority authority = StoreAuthority.loadOrCreate(directory.resolve("tls"), clock);
        int port = server.serveStore(portFor(preferredPort), authority, announce);
        return new Serving(port, server.https().orElseThrow().fingerprint(), StoreAddresses.https(port));
    }

    /** Where the store's devices reach this server, if it serves the store. */
    public java.util.Optional<Serving> serving() {
        return server.https().map(h -> new Serving(h.port(), h.fingerprint(), StoreAddresses.https(h.port())));
    }

    /** The HTTPS port devices use, the fingerprint they pin, and this PC's HTTPS addresses on the network. */
    public record Serving(int port, String fingerprint, java.util.List<String> addresses) {
    }

    public String url() {
        return server.uri().toString();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
