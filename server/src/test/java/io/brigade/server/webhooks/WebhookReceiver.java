package io.brigade.server.webhooks;

import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.webhooks.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real integrator endpoint on loopback: verifies every delivery with {@link WebhookSignature} and with an
 * HMAC computed here independently, dedupes on X-Flipdish-Idempotency-Key, and answers as told.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Pattern SIG = Pattern.compile("^t=([^,]+),sha256=([0-9a-f]{64})$");

    /** One request as received. */
    record Received(String path, Map<String, String> headers, String body, boolean libraryVerified,
                    boolean independentlyVerified) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final String secret;
    private final Clock clock;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger otherPathHits = new AtomicInteger();
    volatile Function<Received, Answer> behaviour = r -> Answer.of(200);

    WebhookReceiver(String secret, Clock clock) throws IOException {
        this(0, secret, clock);
    }

    WebhookReceiver(int port, String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", ex -> {
            byte[] raw;
            // As an integrator's HTTP stack does: a gzip-coded body (a large menu) is read decompressed.
            boolean gzip = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream in = gzip ? new java.util.zip.GZIPInputStream(ex.getRequestBody())
                    : ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String body = new String(raw, StandardCharsets.UTF_8);
            String sig = headers.get("x-flipdish-signature");
            boolean lib = WebhookSignature.verify(sig, body, List.of(this.secret), this.clock, Duration.ofMinutes(5));
            Received r = new Received(ex.getRequestURI().getPath(), headers, body, lib, independent(sig, body));
            received.add(r);
            Answer a = behaviour.apply(r);
            if (a.status() >= 200 && a.status() < 300) {
                String key = headers.get("x-flipdish-idempotency-key");
                if (!seenKeys.add(key)) {
                    duplicates.incrementAndGet();
                }
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
            ex.close();
        });
        server.createContext("/elsewhere", ex -> {
            otherPathHits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    private boolean independent(String header, String body) {
        if (header == null) {
            return false;
        }
        Matcher m = SIG.matcher(header);
        if (!m.matches()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(
                    mac.doFinal((m.group(1) + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(m.group(2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    List<Received> ofType(String type) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (type.equals(r.header("X-Flipdish-Event-Type"))) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
