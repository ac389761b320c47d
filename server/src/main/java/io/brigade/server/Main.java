package io.brigade.server;

import io.brigade.protocol.Json;
import io.brigade.protocol.devices.Fingerprints;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.DataFiles;
import io.brigade.server.db.Database;
import io.brigade.server.jobs.JobOptions;
import io.brigade.server.network.Listening;
import io.brigade.server.network.OperatorCertificate;
import io.brigade.server.network.StoreAuthority;
import io.brigade.server.network.TlsMaterial;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: {@code serve} runs the server, {@code bootstrap} creates a demo org. */
@Command(name = "brigade-server", mixinStandardHelpOptions = true,
        subcommands = {Main.Serve.class, Main.Bootstrap.class, Main.PlanCommand.class, AppsCommand.class,
                ImportSalesCommand.class},
        description = "Brigade restaurant platform server.")
public final class Main {
    static final String DEFAULT_DB = "jdbc:h2:file:./data/brigade";

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Database options shared by the subcommands. */
    static class DbOptions {
        @Option(names = "--db", description = "JDBC URL (default ${DEFAULT-VALUE})", defaultValue = DEFAULT_DB)
        String url;
        @Option(names = "--db-user", description = "database user")
        String user;
        @Option(names = "--db-password", description = "database password")
        String password;
        @Option(names = "--db-read-url", description = "PostgreSQL only: JDBC URL of a read-only pool for reads that "
                + "may lag (analytics views, exports), e.g. a standby: jdbc:postgresql://db1,db2/brigade?"
                + "targetServerType=preferSecondary")
        String readUrl;

        Database open() throws Exception {
            if (url.startsWith("jdbc:h2:file:./")) {
                DataFiles.directory(Path.of("data"));
            }
            return Database.open(url, user, password, readUrl);
        }
    }

    @Command(name = "serve", description = "Start the server.")
    static final class Serve implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one)")
        int port;
        @Option(names = "--api-requests-per-hour", defaultValue = "1000",
                description = "general /api/v1 quota per API key (default ${DEFAULT-VALUE}, the spec's)")
        long apiRequestsPerHour;
        @Option(names = "--job-threads", defaultValue = "3", description = "background jobs run at once on this node")
        int jobThreads;
        @Option(names = "--allow-private-callbacks", description = "development only: let webhooks reach loopback "
                + "and private addresses over plain http")
        boolean allowPrivateCallbacks;
        @Option(names = "--master-key-file", defaultValue = "data/master.key", description = "key for webhook "
                + "secrets at rest, created on first start (BRIGADE_MASTER_KEY overrides it; default ${DEFAULT-VALUE})")
        Path masterKeyFile;
        @Option(names = "--host", description = "address to listen on (default: every interface)")
        String host;
        @Option(names = "--tls-dir", description = "where the store's own certificate authority and server "
                + "certificate are made on first start (default: 'tls' beside the master key file)")
        Path tlsDir;
        @Option(names = "--tls-cert", description = "PEM certificate chain (leaf first) to serve instead of the "
                + "store's own certificate; with --tls-key")
        Path tlsCert;
        @Option(names = "--tls-key", description = "PEM private key (unencrypted PKCS#8, PKCS#1 or SEC1) of --tls-cert")
        Path tlsKey;
        @Option(names = "--tls-keystore", description = "PKCS#12 (or .jks) key store to serve instead of the "
                + "store's own certificate; with --tls-keystore-password")
        Path tlsKeystore;
        @Option(names = "--tls-keystore-password", description = "password of --tls-keystore and its key")
        String tlsKeystorePassword;
        @Option(names = "--no-mdns", description = "do not announce the store server on the local network "
                + "(devices then join by typing its address)")
        boolean noMdns;
        @CommandLine.Mixin
        DbOptions db = new DbOptions();

        @Override
        public Integer call() throws Exception {
            TlsMaterial tls = tls();
            BrigadeServer.Options options = new BrigadeServer.Options(allowPrivateCallbacks,
                    io.brigade.server.webhooks.SecretBox.fromEnvOrFile(masterKeyFile), true)
                    .withApiGeneralLimit(new io.brigade.server.ratelimit.RateLimitPolicy("general", apiRequestsPerHour,
                            java.time.Duration.ofHours(1)))
                    .withJobs(JobOptions.defaults().withThreads(jobThreads))
                    .withListening(noMdns ? new Listening(host, tls) : new Listening(host, tls).announced());
            BrigadeServer server = BrigadeServer.create(port, db.open(), Clock.systemUTC(), options).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    LOG.info("Brigade server stopped");
                } catch (Exception e) {
                    LOG.warn("shutdown failed", e);
                }
            }, "shutdown"));
            LOG.info("Brigade server listening on {}", server.uri());
            LOG.info("Store network: https://{}:{} for tills and kitchen screens (plain HTTP only from this "
                    + "machine); certificate fingerprint {}", host != null ? host : StoreAuthority.hostName(),
                    server.port(), Fingerprints.display(tls.fingerprint()));
            server.join();
            return 0;
        }

        private TlsMaterial tls() {
            if (tlsCert != null || tlsKey != null) {
                if (tlsCert == null || tlsKey == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--tls-cert and --tls-key go together");
                }
                return OperatorCertificate.fromPem(tlsCert, tlsKey);
            }
            if (tlsKeystore != null) {
                return OperatorCertificate.fromKeyStore(tlsKeystore,
                        tlsKeystorePassword == null ? "" : tlsKeystorePassword);
            }
            Path dir = tlsDir != null ? tlsDir
                    : masterKeyFile.toAbsolutePath().getParent().resolve("tls");
            return StoreAuthority.loadOrCreate(dir, Clock.systemUTC());
        }
    }

    @Command(name = "bootstrap", description = "Create a demo org with a published menu and credentials.")
    static final class Bootstrap implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "Demo Bistro")
        String name;
        @Option(names = "--json", description = "print the result as one JSON object")
        boolean json;
        @CommandLine.Mixin
        DbOptions db = new DbOptions();

        @Override
        public Integer call() throws Exception {
            try (Database database = db.open()) {
                DemoBootstrap.Result result = new DemoBootstrap(database, Clock.systemUTC()).run(name);
                if (json) {
                    System.out.println(Json.mapper().writeValueAsString(result));
                } else {
                    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                }
            }
            return 0;
        }
    }

    @Command(name = "plan", description = "Show or change an org's billing plan; a running server applies it "
            + "with the next request.")
    static final class PlanCommand implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "org id")
        String orgId;
        @Option(names = "--set", description = "Free, Professional or Enterprise")
        String plan;
        @CommandLine.Mixin
        DbOptions db = new DbOptions();

        @Override
        public Integer call() throws Exception {
            io.brigade.server.org.OrgRepository orgs = new io.brigade.server.org.OrgRepository();
            try (Database database = db.open()) {
                if (plan != null) {
                    io.brigade.server.org.Plan target = io.brigade.server.org.Plan.parse(plan);
                    if (!database.inTransaction(c -> orgs.setPlan(c, orgId, target))) {
                        System.err.println("no org " + orgId);
                        return 1;
                    }
                }
                java.util.Optional<io.brigade.server.org.Entitlement> now = database.read(c -> orgs.plan(c, orgId));
                if (now.isEmpty()) {
                    System.err.println("no org " + orgId);
                    return 1;
                }
                System.out.println(orgId + " " + now.get().plan().wireName());
            }
            return 0;
        }
    }
}
