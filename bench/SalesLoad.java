import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the Brigade sales push endpoint (and, with --bare, for any GET endpoint).
 *
 * <p>Run with the JDK source launcher, no libraries:
 * <pre>
 *   java bench/SalesLoad.java --base http://localhost:18181 --org ORG --channel SC --menu MENU \
 *        --revision 1 --item ITEM --token BEARER --clients 16 --seconds 20 --warmup 20 [--rate 200]
 *   java bench/SalesLoad.java --bare http://localhost:18182/ --clients 16 --seconds 20 --warmup 20
 * </pre>
 *
 * <p>Each client is one thread with its own keep-alive connection. The default transport ({@code --client raw})
 * is a minimal HTTP/1.1 client on a plain socket; {@code --client jdk} uses one java.net.http.HttpClient per
 * thread, forced to HTTP/1.1, with synchronous send. On a 2-core machine shared with the server the JDK client
 * costs about ten times the CPU per request (it caps a bare Jetty endpoint near 2.5k req/s where the raw
 * client reaches 20k+), so it is kept only for comparison. Without --rate every client loops as fast as it can
 * (closed loop). With --rate R the clients together start R requests per second on a fixed schedule
 * (open loop); latency is then measured from the scheduled start, so a server that falls behind shows
 * its queueing delay instead of hiding it (no coordinated omission). Service time (from the actual send)
 * is reported too.
 *
 * <p>Only requests completing inside the measurement window (after the warmup, before the end) count.
 * In sales mode only HTTP 201 is a success; in bare mode any 2xx. Everything else is an error, counted
 * by status, and the first body seen for each status is printed.
 *
 * <p>The last line of output is {@code RESULT {json}} for scripts.
 */
public final class SalesLoad {

    // ---------------------------------------------------------------- options

    static final class Options {
        String base;
        String org;
        String channel;
        String menu;
        String revision = "1";
        String item;
        String token;
        String bare;
        // --header "Name: value" (bare mode), e.g. an X-API-Key for GET /api/v1/meals
        final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();
        String client = "raw";
        String price = "2.50";
        int clients = 1;
        double seconds = 20;
        double warmup = 20;
        double rate = 0; // 0 = closed loop
        long serverPid = -1;
        boolean quiet;
        // --external-id: each sale carries its idempotency key as externalId, as the till and the guides' integrators do
        boolean externalId;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--quiet")) {
                    o.quiet = true;
                    continue;
                }
                if (a.equals("--external-id")) {
                    o.externalId = true;
                    continue;
                }
                if (a.equals("-h") || a.equals("--help")) {
                    usage(null);
                }
                if (i + 1 >= args.length) {
                    usage("missing value for " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--base" -> o.base = stripSlash(v);
                    case "--org" -> o.org = v;
                    case "--channel" -> o.channel = v;
                    case "--menu" -> o.menu = v;
                    case "--revision" -> o.revision = v;
                    case "--item" -> o.item = v;
                    case "--token" -> o.token = v;
                    case "--bare" -> o.bare = v;
                    case "--header" -> o.extraHeaders.put(v.substring(0, v.indexOf(':')).strip(),
                            v.substring(v.indexOf(':') + 1).strip());
                    case "--client" -> o.client = v;
                    case "--price" -> o.price = v;
                    case "--clients" -> o.clients = Integer.parseInt(v);
                    case "--seconds" -> o.seconds = Double.parseDouble(v);
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--rate" -> o.rate = Double.parseDouble(v);
                    case "--server-pid" -> o.serverPid = Long.parseLong(v);
                    default -> usage("unknown option " + a);
                }
            }
            if (o.bare == null) {
                for (String[] req : new String[][] {{"--base", o.base}, {"--org", o.org}, {"--channel", o.channel},
                        {"--menu", o.menu}, {"--item", o.item}, {"--token", o.token}}) {
                    if (req[1] == null || req[1].isBlank()) {
                        usage("missing " + req[0]);
                    }
                }
            }
            if (o.clients < 1 || o.seconds <= 0 || o.warmup < 0 || o.rate < 0) {
                usage("--clients must be >= 1, --seconds > 0, --warmup >= 0, --rate >= 0");
            }
            if (!o.client.equals("jdk") && !o.client.equals("raw")) {
                usage("--client must be jdk or raw");
            }
            return o;
        }

        static String stripSlash(String s) {
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }

        static void usage(String error) {
            if (error != null) {
                System.err.println("error: " + error);
            }
            System.err.println("""
                    usage:
                      java bench/SalesLoad.java --base http://localhost:PORT --org ORGID --channel SCID \\
                           --menu MENUID --revision 1 --item ITEMID --token BEARER \\
                           --clients N --seconds S --warmup W [--rate R] [--client jdk|raw] [--price 2.50] \\
                           [--server-pid PID] [--external-id] [--quiet]
                      java bench/SalesLoad.java --bare URL --clients N --seconds S --warmup W [--rate R] [--client jdk|raw] \\
                           [--server-pid PID]
                    --rate R   target requests/s over all clients, paced open loop (absent: closed loop)
                    --external-id  each sale's externalId is its idempotency key (the till's and the guides' way)
                    --client   raw (default) = keep-alive HTTP/1.1 socket client, jdk = java.net.http.HttpClient (HTTP/1.1, sync send)
                    --server-pid  (Linux) also report the server process's CPU use during the measurement""");
            System.exit(error == null ? 0 : 2);
        }
    }

    // ---------------------------------------------------------------- transport

    /** One persistent connection's worth of client. Not thread safe: one per worker thread. */
    interface Transport extends AutoCloseable {
        /** Sends the request and reads the whole response; returns the status, body kept in {@link #lastBody}. */
        int exchange(String method, byte[] body, Map<String, String> headers) throws IOException, InterruptedException;

        byte[] lastBody();

        @Override
        void close();
    }

    static final class JdkTransport implements Transport {
        private final HttpClient client;
        private final URI uri;
        private byte[] body = new byte[0];

        JdkTransport(URI uri) {
            this.uri = uri;
            this.client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        @Override
        public int exchange(String method, byte[] payload, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            headers.forEach(b::header);
            if (payload == null) {
                b.GET();
            } else {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
            }
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            body = r.body();
            return r.statusCode();
        }

        @Override
        public byte[] lastBody() {
            return body;
        }

        @Override
        public void close() {
            // HttpClient has no close() on JDK 17; its selector thread ends once the client is unreachable.
        }
    }

    /** Minimal HTTP/1.1 keep-alive client over a plain socket (Content-Length and chunked bodies). */
    static final class RawTransport implements Transport {
        private final String host;
        private final int port;
        private final String target;
        private final String hostHeader;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] body = new byte[0];
        private final ByteArrayOutputStream req = new ByteArrayOutputStream(2048);
        private final StringBuilder line = new StringBuilder(128);

        RawTransport(URI uri) {
            if (!"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("--client raw supports http:// only");
            }
            this.host = uri.getHost();
            this.port = uri.getPort() == -1 ? 80 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            this.target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            this.hostHeader = uri.getPort() == -1 ? host : host + ":" + port;
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout(30_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
        }

        @Override
        public int exchange(String method, byte[] payload, Map<String, String> headers) throws IOException {
            req.reset();
            StringBuilder h = new StringBuilder(512);
            h.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                    .append("\r\n");
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            if (payload != null) {
                h.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            h.append("\r\n");
            req.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (payload != null) {
                req.writeBytes(payload);
            }
            boolean fresh = socket == null;
            if (fresh) {
                connect();
            }
            try {
                return roundTrip();
            } catch (IOException e) {
                close();
                if (fresh) {
                    throw e;
                }
                // A kept-alive connection the server had closed: retry once on a new one.
                connect();
                try {
                    return roundTrip();
                } catch (IOException e2) {
                    close();
                    throw e2;
                }
            }
        }

        private int roundTrip() throws IOException {
            req.writeTo(out);
            out.flush();
            String status = readLine();
            if (status == null) {
                throw new IOException("connection closed before the status line");
            }
            // HTTP/1.1 201 Created
            int sp = status.indexOf(' ');
            if (sp < 0 || status.length() < sp + 4) {
                throw new IOException("bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(sp + 1, sp + 4));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = status.startsWith("HTTP/1.0");
            String hl;
            while ((hl = readLine()) != null && !hl.isEmpty()) {
                int c = hl.indexOf(':');
                if (c <= 0) {
                    continue;
                }
                String name = hl.substring(0, c).trim().toLowerCase(Locale.ROOT);
                String value = hl.substring(c + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> {
                        String v = value.toLowerCase(Locale.ROOT);
                        if (v.contains("close")) {
                            closeAfter = true;
                        } else if (v.contains("keep-alive")) {
                            closeAfter = false;
                        }
                    }
                    default -> { }
                }
            }
            if (hl == null) {
                throw new IOException("connection closed inside the headers");
            }
            if (code == 204 || code == 304 || (code >= 100 && code < 200)) {
                body = new byte[0];
            } else if (chunked) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                while (true) {
                    String sizeLine = readLine();
                    if (sizeLine == null) {
                        throw new IOException("connection closed inside a chunked body");
                    }
                    int semi = sizeLine.indexOf(';');
                    int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (size == 0) {
                        String t;
                        while ((t = readLine()) != null && !t.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    b.writeBytes(readN(size));
                    readLine(); // CRLF after the chunk
                }
                body = b.toByteArray();
            } else if (length >= 0) {
                body = readN((int) length);
            } else {
                body = in.readAllBytes(); // delimited by close
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return code;
        }

        private byte[] readN(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new IOException("connection closed inside the body");
            }
            return b;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        @Override
        public byte[] lastBody() {
            return body;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    // ---------------------------------------------------------------- workers

    /** Per-thread results; latencies in nanoseconds, kept as plain longs and sorted at the end. */
    static final class Stats {
        long[] latency = new long[1 << 14];
        long[] service = new long[1 << 14];
        int n;
        long errors;
        long ioErrors;
        long warmupOk;
        long warmupErrors;
        final Map<Integer, Long> byStatus = new HashMap<>();

        void record(long latencyNanos, long serviceNanos) {
            if (n == latency.length) {
                latency = Arrays.copyOf(latency, n * 2);
                service = Arrays.copyOf(service, n * 2);
            }
            latency[n] = latencyNanos;
            service[n] = serviceNanos;
            n++;
        }
    }

    static final Map<Integer, String> SAMPLE_BODIES = new ConcurrentHashMap<>();
    static final Map<String, String> SAMPLE_IO = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        boolean bare = o.bare != null;
        URI uri = URI.create(bare ? o.bare : o.base + "/salesManagement/orgs/" + o.org + "/sales");
        int expected = bare ? 200 : 201;

        long warmupNanos = (long) (o.warmup * 1e9);
        long measureNanos = (long) (o.seconds * 1e9);
        // Each client gets an equal share of the rate, phase-shifted so the starts interleave evenly.
        long intervalNanos = o.rate > 0 ? (long) (1e9 * o.clients / o.rate) : 0;

        if (!o.quiet) {
            System.out.printf("%s %s  clients=%d  warmup=%.0fs  measure=%.0fs  %s  client=%s%n",
                    bare ? "GET" : "POST", uri, o.clients, o.warmup, o.seconds,
                    o.rate > 0 ? String.format("open loop at %.1f req/s", o.rate) : "closed loop", o.client);
        }

        Stats[] stats = new Stats[o.clients];
        Thread[] threads = new Thread[o.clients];
        CountDownLatch ready = new CountDownLatch(o.clients);
        long[] t0Holder = new long[1];
        Object go = new Object();
        final boolean[] started = {false};

        for (int i = 0; i < o.clients; i++) {
            final int idx = i;
            stats[i] = new Stats();
            threads[i] = new Thread(() -> {
                Stats s = stats[idx];
                try (Transport t = o.client.equals("raw") ? new RawTransport(uri) : new JdkTransport(uri)) {
                    ready.countDown();
                    synchronized (go) {
                        while (!started[0]) {
                            go.wait();
                        }
                    }
                    long t0 = t0Holder[0];
                    long measureStart = t0 + warmupNanos;
                    long end = measureStart + measureNanos;
                    long next = t0 + (intervalNanos > 0 ? intervalNanos * idx / o.clients : 0);
                    Map<String, String> headers = new HashMap<>();
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            break;
                        }
                        long intended = now;
                        if (intervalNanos > 0) {
                            if (next >= end) {
                                break;
                            }
                            if (now < next) {
                                sleepUntil(next);
                            }
                            intended = next;
                            next += intervalNanos;
                        }
                        byte[] payload = null;
                        headers.clear();
                        if (bare) {
                            headers.putAll(o.extraHeaders);
                        } else {
                            String key = UUID.randomUUID().toString();
                            payload = saleBody(o, key).getBytes(StandardCharsets.UTF_8);
                            headers.put("Authorization", "Bearer " + o.token);
                            headers.put("Content-Type", "application/json");
                            headers.put("x-idempotency-key", key);
                        }
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = t.exchange(bare ? "GET" : "POST", payload, headers);
                        } catch (IOException e) {
                            long done = System.nanoTime();
                            SAMPLE_IO.putIfAbsent(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                            if (done >= measureStart && done < end) {
                                s.ioErrors++;
                                s.errors++;
                            } else if (done < measureStart) {
                                s.warmupErrors++;
                            }
                            LockSupport.parkNanos(10_000_000L); // don't spin on a refused connection
                            continue;
                        }
                        long done = System.nanoTime();
                        boolean ok = bare ? status / 100 == 2 : status == expected;
                        if (!ok) {
                            SAMPLE_BODIES.putIfAbsent(status, new String(t.lastBody(), StandardCharsets.UTF_8));
                        }
                        if (done < measureStart) {
                            if (ok) {
                                s.warmupOk++;
                            } else {
                                s.warmupErrors++;
                            }
                        } else if (done < end) {
                            s.byStatus.merge(status, 1L, Long::sum);
                            if (ok) {
                                s.record(done - intended, done - sent);
                            } else {
                                s.errors++;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    System.err.println("client " + idx + " failed: " + e);
                    e.printStackTrace();
                }
            }, "client-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        ready.await();
        synchronized (go) {
            t0Holder[0] = System.nanoTime();
            started[0] = true;
            go.notifyAll();
        }
        if (!o.quiet && o.warmup > 0) {
            Thread progress = new Thread(() -> {
                try {
                    Thread.sleep((long) (o.warmup * 1000));
                    long ok = 0;
                    long err = 0;
                    for (Stats s : stats) {
                        ok += s.warmupOk; // racy read, only for progress
                        err += s.warmupErrors;
                    }
                    System.out.printf("warmup done: %d ok, %d errors (%.0f/s); measuring...%n", ok, err,
                            ok / o.warmup);
                } catch (InterruptedException ignored) {
                    // finished early
                }
            });
            progress.setDaemon(true);
            progress.start();
        }
        // CPU accounting over the measurement window (Linux /proc; silently absent elsewhere).
        long measureStartAt = t0Holder[0] + warmupNanos;
        sleepUntil(measureStartAt);
        long[] cpuA = CpuSample.take(o.serverPid);
        sleepUntil(measureStartAt + measureNanos);
        long[] cpuB = CpuSample.take(o.serverPid);
        for (Thread th : threads) {
            th.join();
        }

        // ------------------------------------------------------------ report
        int total = 0;
        long errors = 0;
        long ioErrors = 0;
        long warmupOk = 0;
        long warmupErrors = 0;
        Map<Integer, Long> byStatus = new TreeMap<>();
        for (Stats s : stats) {
            total += s.n;
            errors += s.errors;
            ioErrors += s.ioErrors;
            warmupOk += s.warmupOk;
            warmupErrors += s.warmupErrors;
            s.byStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
        }
        long[] lat = new long[total];
        long[] svc = new long[total];
        int at = 0;
        for (Stats s : stats) {
            System.arraycopy(s.latency, 0, lat, at, s.n);
            System.arraycopy(s.service, 0, svc, at, s.n);
            at += s.n;
        }
        Arrays.sort(lat);
        Arrays.sort(svc);
        double perSec = total / o.seconds;
        String unit = bare ? "req/s" : "sales/s";
        System.out.printf("clients       %d%n", o.clients);
        System.out.printf("duration      %.1f s (after %.1f s warmup)%n", o.seconds, o.warmup);
        if (o.rate > 0) {
            System.out.printf("target rate   %.1f %s%n", o.rate, unit);
        }
        System.out.printf("%-13s %.1f  (%d ok)%n", unit, perSec, total);
        System.out.printf("latency ms    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%s%n",
                ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), ms(pct(lat, 99.9)), ms(pct(lat, 100)),
                o.rate > 0 ? "  (from scheduled start)" : "");
        if (o.rate > 0) {
            System.out.printf("service ms    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (from actual send)%n",
                    ms(pct(svc, 50)), ms(pct(svc, 90)), ms(pct(svc, 99)), ms(pct(svc, 99.9)), ms(pct(svc, 100)));
        }
        System.out.printf("errors        %d  (non-%s: %d, io: %d)  statuses %s%n", errors, bare ? "2xx" : "201",
                errors - ioErrors, ioErrors, byStatus);
        if (warmupErrors > 0) {
            System.out.printf("warmup        %d ok, %d errors (discarded)%n", warmupOk, warmupErrors);
        }
        // cores busy, from ticks: machine, server, this load generator, everything else
        double[] cpu = CpuSample.cores(cpuA, cpuB, o.seconds);
        if (cpu != null) {
            System.out.printf("cpu cores     machine %.2f of %d  =  server %s + load generator %.2f + other %s%n",
                    cpu[0], Runtime.getRuntime().availableProcessors(),
                    cpu[1] < 0 ? "?" : String.format("%.2f", cpu[1]), cpu[2],
                    cpu[1] < 0 ? "?" : String.format("%.2f", cpu[3]));
            if (cpu[1] >= 0 && cpu[3] > 0.2) {
                System.out.printf("WARNING       other processes used %.2f cores during the measurement; numbers are skewed%n",
                        cpu[3]);
            }
        }
        SAMPLE_BODIES.forEach((code, body) -> System.out.printf("sample %d body: %s%n", code, clip(body)));
        SAMPLE_IO.forEach((type, msg) -> System.out.printf("sample io error: %s: %s%n", type, clip(msg)));

        StringBuilder json = new StringBuilder();
        json.append("{\"mode\":\"").append(bare ? "bare" : "sales").append('"')
                .append(",\"client\":\"").append(o.client).append('"')
                .append(",\"clients\":").append(o.clients)
                .append(",\"seconds\":").append(o.seconds)
                .append(",\"warmup\":").append(o.warmup)
                .append(",\"targetRate\":").append(o.rate > 0 ? String.valueOf(o.rate) : "null")
                .append(",\"ok\":").append(total)
                .append(",\"perSecond\":").append(round(perSec))
                .append(",\"p50ms\":").append(round(ms(pct(lat, 50))))
                .append(",\"p90ms\":").append(round(ms(pct(lat, 90))))
                .append(",\"p99ms\":").append(round(ms(pct(lat, 99))))
                .append(",\"maxms\":").append(round(ms(pct(lat, 100))))
                .append(",\"serviceP50ms\":").append(round(ms(pct(svc, 50))))
                .append(",\"serviceP99ms\":").append(round(ms(pct(svc, 99))))
                .append(",\"errors\":").append(errors)
                .append(",\"ioErrors\":").append(ioErrors)
                .append(",\"warmupOk\":").append(warmupOk)
                .append(",\"warmupErrors\":").append(warmupErrors)
                .append(",\"cpuMachine\":").append(cpu == null ? "null" : String.valueOf(round(cpu[0])))
                .append(",\"cpuServer\":").append(cpu == null || cpu[1] < 0 ? "null" : String.valueOf(round(cpu[1])))
                .append(",\"cpuLoadGen\":").append(cpu == null ? "null" : String.valueOf(round(cpu[2])))
                .append(",\"cpuOther\":").append(cpu == null || cpu[1] < 0 ? "null" : String.valueOf(round(cpu[3])))
                .append(",\"statuses\":{");
        List<String> parts = new ArrayList<>();
        byStatus.forEach((k, v) -> parts.add("\"" + k + "\":" + v));
        json.append(String.join(",", parts)).append("}}");
        System.out.println("RESULT " + json);
    }

    /** CPU ticks from /proc: {machine busy, server process, this process}; -1 where unknown. */
    static final class CpuSample {
        static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every common Linux build

        static long[] take(long serverPid) {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0)
                        .trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                long server = serverPid > 0 ? processTicks("/proc/" + serverPid + "/stat") : -1;
                return new long[] {busy, server, processTicks("/proc/self/stat")};
            } catch (Exception e) {
                return null;
            }
        }

        static long processTicks(String path) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of(path));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            } catch (Exception e) {
                return -1;
            }
        }

        /** {machine, server (-1 unknown), load generator, other} in cores busy over the window. */
        static double[] cores(long[] a, long[] b, double seconds) {
            if (a == null || b == null) {
                return null;
            }
            double per = TICKS_PER_SECOND * seconds;
            double machine = (b[0] - a[0]) / per;
            double self = (b[2] - a[2]) / per;
            double server = a[1] < 0 || b[1] < 0 ? -1 : (b[1] - a[1]) / per;
            double other = server < 0 ? -1 : Math.max(0, machine - server - self);
            return new double[] {machine, server, self, other};
        }
    }

    static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    static String saleBody(Options o, String key) {
        String now = Instant.now().toString();
        return "{\"salesChannelId\":\"" + o.channel + "\",\"source\":\"POS\","
                + (o.externalId ? "\"externalId\":\"" + key + "\"," : "") + "\"requestedFulfillmentTime\":\"" + now
                + "\",\"desiredAsap\":true,\"dispatchType\":\"TakeAway\",\"menuId\":\"" + o.menu
                + "\",\"menuRevisionId\":\"" + o.revision + "\",\"items\":[{\"menuItemId\":\"" + o.item
                + "\",\"quantity\":1,\"unitPrice\":" + o.price + ",\"modifierItems\":[]}],\"charges\":[],"
                + "\"discounts\":[],\"payments\":[{\"type\":\"Sale\",\"paymentMethod\":\"Cash\",\"amount\":"
                + o.price + ",\"paidAt\":\"" + now + "\"}]}";
    }

    /** Nearest-rank percentile of a sorted array; 0 when empty. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static String clip(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }
}
