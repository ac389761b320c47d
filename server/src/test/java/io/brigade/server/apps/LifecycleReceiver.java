package io.brigade.server.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.Json;
import io.brigade.protocol.webhooks.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An integrator's real webhook endpoint on loopback: keeps each delivery and whether its signature verified. */
final class LifecycleReceiver implements AutoCloseable {
    /** One delivery as received. */
    record Delivery(Map<String, String> headers, String body, boolean libraryVerified, boolean independentlyVerified) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final Clock clock;
    volatile String secret;
    final List<Delivery> received = new CopyOnWriteArrayList<>();

    LifecycleReceiver(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hooks", ex -> {
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String body = new String(raw, StandardCharsets.UTF_8);
            String sig = headers.get("x-flipdish-signature");
            received.add(new Delivery(headers, body, secret != null && WebhookSignature.verify(sig, body,
                    List.of(secret), this.clock, Duration.ofMinutes(5)), independent(sig, body)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    // HMAC-SHA256(secret, t + "." + body) computed here, as the guide's sample verifier does.
    private boolean independent(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        String[] parts = header.split(",");
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((parts[0].substring(2) + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
            return expected.equals(parts[1].substring(7));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Delivery> ofType(String type) {
        return received.stream().filter(d -> type.equals(d.header("X-Flipdish-Event-Type"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
