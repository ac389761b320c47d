package io.brigade.server.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.network.StoreAddresses;
import io.brigade.server.support.ApiClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store of three JVMs: the store server ({@code serve}, HTTPS by default), a kitchen screen and a till, each
 * joined by its own pairing code over real TLS pinned to the fingerprint the back office shows. Where this
 * machine allows it (root and {@code ip netns}), the till runs in a network namespace of its own, so its calls
 * and the plain-HTTP attempt cross a real network link from another address. Several seconds: three JVMs start.
 */
class StoreNetworkProcessesTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 480, unit = TimeUnit.SECONDS)
    void aTillAndAKitchenScreenPairedOverTlsShareTheStoresSales() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("brigade");
        Child bootstrap = Child.java("io.brigade.server.Main", "bootstrap", "--db", db, "--json");
        JsonNode org = Json.mapper().readTree(bootstrap.awaitLine(l -> l.startsWith("{"), Duration.ofSeconds(90)));
        bootstrap.process.waitFor(30, TimeUnit.SECONDS);

        try (Child server = Child.java("io.brigade.server.Main", "serve", "--port", "0", "--db", db,
                "--master-key-file", dir.resolve("master.key").toString(), "--no-mdns");
             NetNs ns = NetNs.create()) {
            Matcher m = LISTENING.matcher(server.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(90)));
            assertTrue(m.find());
            URI local = URI.create(m.group(1));
            int port = local.getPort();
            ApiClient owner = new ApiClient(local).withToken(org.get("clientId").asText(),
                    org.get("clientSecret").asText());
            String orgId = org.get("orgId").asText();
            String codes = "/backoffice/v1/orgs/" + orgId + "/devices/pairing-codes";
            JsonNode kitchenCode = owner.post(codes, Map.of("propertyId", org.get("propertyId").asText(),
                    "role", "KITCHEN_SCREEN")).json();
            JsonNode tillCode = owner.post(codes, Map.of("propertyId", org.get("propertyId").asText(),
                    "role", "TILL")).json();
            String fingerprint = tillCode.get("fingerprint").asText();

            ApiClient anonymous = new ApiClient(local);
            assertEquals(400, anonymous.post("/store/v1/pairings", Map.of("code", "ZZZZ-ZZZZ")).status(),
                    "a wrong code is refused");

            // The till calls from another address: its own network namespace, or this machine's LAN address.
            Optional<String> remote = ns.active() ? Optional.of(NetNs.HOST) : StoreAddresses.addresses().stream()
                    .findFirst().map(a -> a.getHostAddress());
            String tillBase = "https://" + remote.orElse("127.0.0.1") + ":" + port;
            try (Child kitchen = Child.java(DeviceProcess.class.getName(), "kitchen", "https://127.0.0.1:" + port,
                    kitchenCode.get("code").asText(), fingerprint)) {
                kitchen.awaitLine(l -> l.equals("LIVE"), Duration.ofSeconds(120));
                try (Child till = ns.active()
                        ? Child.inNamespace(ns, DeviceProcess.class.getName(), "till", tillBase,
                                tillCode.get("code").asText(), fingerprint)
                        : Child.java(DeviceProcess.class.getName(), "till", tillBase, tillCode.get("code").asText(),
                                fingerprint)) {
                    String[] sold = till.awaitLine(l -> l.startsWith("SOLD ") || l.startsWith("REFUSED"),
                            Duration.ofSeconds(120)).split(" ");
                    assertEquals("A-0001", sold[2], "the first till of the store numbers its sales A-...");
                    String ticket = kitchen.awaitLine(l -> l.startsWith("TICKET "), Duration.ofSeconds(30));
                    assertEquals("TICKET " + sold[1] + " A-0001", ticket, "the sale reached the kitchen screen");
                    assertEquals("BUMPED " + sold[1], kitchen.awaitLine(l -> l.startsWith("BUMPED")
                            || l.startsWith("REFUSED"), Duration.ofSeconds(30)));
                    assertEquals("READY " + sold[1], till.awaitLine(l -> l.startsWith("READY"),
                            Duration.ofSeconds(30)), "the kitchen's bump reached the till");

                    ApiClient.Response reused = anonymous.post("/store/v1/pairings",
                            Map.of("code", tillCode.get("code").asText()));
                    assertEquals(400, reused.status(), "a used code is refused: " + reused.body());

                    String tillId = null;
                    JsonNode devices = owner.get("/backoffice/v1/orgs/" + orgId + "/devices").json().get("data");
                    for (JsonNode d : devices) {
                        if (d.get("role").asText().equals("TILL")) {
                            tillId = d.get("deviceId").asText();
                        }
                    }
                    assertEquals(204, owner.send("DELETE", "/backoffice/v1/orgs/" + orgId + "/devices/" + tillId,
                            null).status());
                    assertEquals("REVOKED", till.awaitLine(l -> l.equals("REVOKED"), Duration.ofSeconds(30)),
                            "a revoked device is refused at once");
                }
            }

            if (remote.isPresent()) {
                // A device that skips TLS: its first contact in plain HTTP from another address is refused.
                String answer = ns.active() ? ns.plainGet(NetNs.HOST, port, "/store/v1/hello")
                        : rawGet(remote.get(), port, "/store/v1/hello");
                assertTrue(answer.startsWith("HTTP/1.1 403"), "plain HTTP from another address: " + answer);
                assertTrue(answer.contains("use https://" + remote.get() + ":" + port + "/store/v1/hello"), answer);
            }
        }
    }

    // How long the JVMs take to start varies with the machine's load: the timeouts are generous on purpose.

    /** One plain HTTP/1.1 GET from a socket bound to {@code address} (this machine's LAN address). */
    private static String rawGet(String address, int port, String path) throws Exception {
        java.net.InetAddress a = java.net.InetAddress.getByName(address);
        try (java.net.Socket socket = new java.net.Socket(a, port, a, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + address + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A JVM (or a process in a network namespace) whose output lines are collected as they come. */
    static final class Child implements AutoCloseable {
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private Child(List<String> command) throws Exception {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // the process is gone
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static List<String> javaCommand(String main, String... args) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), main));
            command.addAll(List.of(args));
            return command;
        }

        static Child java(String main, String... args) throws Exception {
            return new Child(javaCommand(main, args));
        }

        static Child inNamespace(NetNs ns, String main, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name));
            command.addAll(javaCommand(main, args));
            return new Child(command);
        }

        String awaitLine(java.util.function.Predicate<String> wanted, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            }
            throw new AssertionError("no such line within " + within + "; the process said:\n"
                    + String.join("\n", seen));
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
