import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.devices.PinnedTrust;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Store network benchmark against a running store server (HTTPS): (1) pairing machine time, from the first contact
 * of "Join a store" to a till ready to sell (certificate seen, code traded for a credential over the pinned
 * connection, menu and staff fetched), (2) sale pushed by till A over TLS -> ticket-created on a kitchen screen's
 * own TLS stream, p50/p99 at a paced rate. Arguments: BASE TILL_CODE TILL_CODE KITCHEN_CODE FINGERPRINT RATE SECONDS
 * WARMUP.
 */
public final class StoreNetworkLoad {
    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        String base = args[0];
        String firstTillCode = args[1];
        String tillCode = args[2];
        String kitchenCode = args[3];
        String expected = args[4];
        int rate = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        // The first pairing runs in a cold JVM (TLS and JSON classes load and compile); the desktop showing
        // "Join a store" is a running app, so the second pairing is the figure, the first is shown beside it.
        readyToSell(base, firstTillCode, expected, "cold JVM");
        ReadyTill ready = readyToSell(base, tillCode, expected, "warm JVM");
        HttpClient till = ready.http();
        JsonNode tillDevice = ready.device();
        String seen = ready.fingerprint();
        String org = tillDevice.get("orgId").asText();
        String auth = "Bearer " + tillDevice.get("credential").asText();
        JsonNode header = ready.header();
        JsonNode revision = ready.revision();


        HttpClient kitchen = HttpClient.newBuilder().sslContext(PinnedTrust.context(PinnedTrust.to(seen))).build();
        JsonNode kitchenDevice = pair(kitchen, base, kitchenCode);
        String kitchenAuth = "Bearer " + kitchenDevice.get("credential").asText();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        // Push sent -> 201 received: the durable commit on the store server (validation, batch, sync) and TLS.
        List<Long> answered = Collections.synchronizedList(new ArrayList<>());
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> stream = kitchen.send(HttpRequest.newBuilder(URI.create(base
                        + "/backoffice/v1/orgs/" + org + "/kitchen/stream?propertyId="
                        + kitchenDevice.get("propertyId").asText())).header("Authorization", kitchenAuth)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
                String type = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "ticket-created".equals(type)) {
                        long now = System.nanoTime();
                        JsonNode t = Json.mapper().readTree(line.substring(5).strip());
                        Long sent = sentAt.remove(t.path("displayId").asText());
                        if (sent != null && sent >= measureFrom) {
                            latencies.add(now - sent);
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("stream ended: " + e);
            }
        }, "kitchen-stream");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1000);

        JsonNode item = revision.get("menu").get("categories").get(2).get("items").get(0);
        JsonNode profile = item.get("pricingProfiles").get(0);
        BigDecimal price = (profile.hasNonNull("takeawayPrice") ? profile.get("takeawayPrice")
                : profile.get("dineInPrice")).decimalValue();
        String prefix = tillDevice.get("displayPrefix").asText();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        int total = rate * (warmup + seconds);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        pace.scheduleAtFixedRate(() -> {
            int i = n.incrementAndGet();
            if (i > total) {
                return;
            }
            String displayId = prefix + "-" + String.format("%05d", i);
            String now = Instant.now().toString();
            ObjectNode sale = Json.mapper().createObjectNode();
            sale.put("salesChannelId", tillDevice.get("salesChannelId").asText()).put("source", "POS")
                    .put("requestedFulfillmentTime", now).put("desiredAsap", true).put("dispatchType", "TakeAway")
                    .put("displayId", displayId).put("menuId", header.get("menuId").asText())
                    .put("menuRevisionId", header.get("publishedRevisionId").asText());
            sale.putArray("items").addObject().put("menuItemId", item.get("id").asText()).put("quantity", 1)
                    .put("unitPrice", price);
            sale.putArray("charges");
            sale.putArray("discounts");
            sale.putArray("payments").addObject().put("type", "Sale").put("paymentMethod", "Cash")
                    .put("amount", price).put("paidAt", now);
            long sent = System.nanoTime();
            sentAt.put(displayId, sent);
            // Sent without waiting for the answer: the pace holds even when one answer is slow (open loop).
            till.sendAsync(HttpRequest.newBuilder(URI.create(base + "/salesManagement/orgs/" + org + "/sales"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .header("x-idempotency-key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(sale.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                            failed.incrementAndGet();
                        } else if (sent >= measureFrom) {
                            answered.add(System.nanoTime() - sent);
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 3000);
        pace.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("no tickets measured; failed pushes: " + failed.get());
            System.exit(1);
        }
        System.out.printf("sale on till A -> ticket on the kitchen screen, TLS, %d sales/s for %d s: %d tickets, "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; failed pushes %d%n", rate, seconds, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, failed.get());
        List<Long> acks = new ArrayList<>(answered);
        Collections.sort(acks);
        if (!acks.isEmpty()) {
            System.out.printf("of which push sent -> 201 (durable commit): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    at(acks, 0.50), at(acks, 0.99), acks.get(acks.size() - 1) / 1e6);
        }
        System.exit(0);
    }

    private record ReadyTill(HttpClient http, JsonNode device, String fingerprint, JsonNode header, JsonNode revision) {
    }

    /** "Join a store" to a till ready to sell, in machine time: the person's comparing and typing left out. */
    private static ReadyTill readyToSell(String base, String code, String expected, String label) throws Exception {
        long t0 = System.nanoTime();
        PinnedTrust.FirstContact first = new PinnedTrust.FirstContact();
        HttpClient probe = HttpClient.newBuilder().sslContext(PinnedTrust.context(first)).build();
        probe.send(HttpRequest.newBuilder(URI.create(base + "/store/v1/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        String seen = first.anchorFingerprint().orElseThrow();
        if (!seen.equals(expected)) {
            throw new IllegalStateException("fingerprint mismatch");
        }
        long t1 = System.nanoTime(); // here the person compares the fingerprint and types the code
        HttpClient http = HttpClient.newBuilder().sslContext(PinnedTrust.context(PinnedTrust.to(seen))).build();
        JsonNode device = pair(http, base, code);
        String org = device.get("orgId").asText();
        String auth = "Bearer " + device.get("credential").asText();
        JsonNode header = get(http, base + "/menuManagement/orgs/" + org + "/menus/published", auth).get("data").get(0);
        JsonNode revision = get(http, base + "/menuManagement/orgs/" + org + "/menus/" + header.get("menuId").asText()
                + "/revisions/" + header.get("publishedRevisionId").asText(), auth).get("data");
        get(http, base + "/backoffice/v1/orgs/" + org + "/staff/credentials", auth);
        long t2 = System.nanoTime();
        System.out.printf("pairing (%s), machine time: first contact %.0f ms + pairing, menu and staff %.0f ms = "
                + "%.0f ms to a till ready to sell%n", label, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6);
        return new ReadyTill(http, device, seen, header, revision);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static JsonNode pair(HttpClient http, String base, String code) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/store/v1/pairings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Json.mapper().createObjectNode().put("code", code).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("pairing answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body());
    }

    private static JsonNode get(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body());
    }
}
