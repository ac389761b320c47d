package io.brigade.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server package on a store's back-office PC or a chain's host: it installs a service user, a config
 * file and a data directory; the service starts from the config; an upgrade keeps the config and the data.
 */
class ServerDebIT {
    private static final Path CONF = Path.of("/etc/brigade/server.conf");
    private static final Path DATA = Path.of("/var/lib/brigade-server");
    private static final Pattern LISTENING = Pattern.compile("Brigade server listening on (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void serviceRunsFromItsConfigAndAnUpgradeKeepsConfigAndData() throws Exception {
        assumeTrue(Packages.isRoot() && Packages.onPath("dpkg") && Packages.onPath("runuser"),
                "installs packages: needs root, dpkg and runuser");
        Path older = Packages.only("brigade-server_*.deb");
        String newerVersion = DesktopDebUpgradeIT.newer(Packages.VERSION);
        Packages.run(Duration.ofMinutes(10), "bash", Packages.INSTALLER.resolve("server-deb.sh").toString(),
                Packages.DIR.resolve("brigade-server").toString(), newerVersion, dir.toString());
        Path newer = dir.resolve("brigade-server_" + newerVersion + "_amd64.deb");
        try {
            Packages.run(Duration.ofMinutes(2), "dpkg", "-i", older.toString());
            assertTrue(Files.exists(Path.of("/lib/systemd/system/brigade-server.service")), "systemd unit installed");
            assertTrue(Files.isDirectory(DATA), "data directory created");
            assertEquals("brigade", Files.getOwner(DATA).getName());

            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            // An operator's edit of the config must survive the upgrade.
            Files.writeString(CONF, Files.readString(CONF).replace("PORT=8080", "PORT=" + port));

            String bootstrap = Packages.run(Duration.ofMinutes(2), "runuser", "-u", "brigade", "--",
                    "/opt/brigade-server/bin/brigade-server", "bootstrap", "--db", "jdbc:h2:" + DATA + "/brigade",
                    "--name", "Packaged Bistro", "--json");
            JsonNode tenant = Json.mapper().readTree(bootstrap.lines().filter(l -> l.startsWith("{"))
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no JSON from bootstrap:\n" + bootstrap)));

            URI first = serve("first.log", port, tenant);
            assertEquals(port, first.getPort());

            Packages.run(Duration.ofMinutes(2), "dpkg", "-i", newer.toString());
            assertEquals(newerVersion, Packages.run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Version}",
                    "brigade-server").strip());
            assertTrue(Files.readString(CONF).contains("PORT=" + port), "the upgrade kept the operator's config");
            // Same org, same client: the upgraded server reads the data the old one wrote.
            serve("second.log", port, tenant);
        } finally {
            // Clean up without hiding the test's own failure.
            new ProcessBuilder("dpkg", "--purge", "brigade-server").inheritIO().start().waitFor();
            new ProcessBuilder("rm", "-rf", DATA.toString(), "/etc/brigade").inheritIO().start().waitFor();
        }
    }

    /** Starts the service as systemd would (its user, a bare environment), checks the tenant, stops it. */
    private URI serve(String logName, int port, JsonNode tenant) throws Exception {
        Path log = dir.resolve(logName);
        Process service = Packages.startBare(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), log,
                "runuser", "-u", "brigade", "--", "/opt/brigade-server/bin/brigade-server-service");
        try {
            URI uri = URI.create(Packages.awaitLine(log, service, LISTENING, Duration.ofSeconds(60)).group(1));
            URI base = URI.create("http://localhost:" + port);
            String token = token(base, tenant);
            HttpResponse<String> org = HTTP.send(HttpRequest.newBuilder(base.resolve("/orgManagement/orgs/"
                    + tenant.path("orgId").asText())).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, org.statusCode(), org.body());
            assertTrue(org.body().contains("Packaged Bistro"), org.body());
            return uri;
        } finally {
            Packages.stop(service);
        }
    }

    private static String token(URI base, JsonNode tenant) throws Exception {
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(tenant.path("clientId").asText(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(tenant.path("clientSecret").asText(), StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body()).path("access_token").asText();
    }
}
