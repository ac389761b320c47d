package io.brigade.server.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.devices.Devices;
import io.brigade.protocol.devices.PinnedTrust;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A device of a store in its own JVM, speaking the wire protocol as a till or a kitchen screen does: first contact
 * to see the certificate, the person's fingerprint comparison (the expected fingerprint is an argument), pairing
 * over HTTPS pinned to that certificate, then its role's work. Prints one line per step for the test to follow.
 * Arguments: {@code till|kitchen URL CODE FINGERPRINT}.
 */
public final class DeviceProcess {
    private static final PrintStream OUT = System.out;

    private DeviceProcess() {
    }

    public static void main(String[] args) throws Exception {
        // The pinned authority decides; the store server's address may not be in its certificate.
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        String role = args[0];
        String base = args[1];
        String code = args[2];
        String expected = args[3];

        PinnedTrust.FirstContact first = new PinnedTrust.FirstContact();
        HttpClient probe = HttpClient.newBuilder().sslContext(PinnedTrust.context(first)).build();
        probe.send(HttpRequest.newBuilder(URI.create(base + "/store/v1/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        String seen = first.anchorFingerprint().orElseThrow();
        if (!seen.equals(expected)) {
            say("MISMATCH " + seen);
            return;
        }
        HttpClient http = HttpClient.newBuilder().sslContext(PinnedTrust.context(PinnedTrust.to(seen)))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ObjectNode request = Json.mapper().createObjectNode().put("code", code)
                .put("name", role.equals("till") ? "Counter till" : "Grill screen");
        HttpResponse<String> paired = http.send(HttpRequest.newBuilder(URI.create(base + "/store/v1/pairings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (paired.statusCode() != 201) {
            say("REFUSED " + paired.statusCode() + " " + paired.body());
            return;
        }
        JsonNode device = Json.mapper().readTree(paired.body());
        say("PAIRED " + device.get("deviceId").asText());
        Session s = new Session(http, base, device);
        if (role.equals("till")) {
            till(s);
        } else {
            kitchen(s);
        }
    }

    private record Session(HttpClient http, String base, JsonNode device) {
        String org() {
            return device.get("orgId").asText();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + device.get("credential").asText());
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return Json.mapper().readTree(r.body());
        }

        Stream<String> stream() throws Exception {
            return http.send(request("/backoffice/v1/orgs/" + org() + "/kitchen/stream?propertyId="
                    + device.get("propertyId").asText()).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).body();
        }
    }

    private static void till(Session s) throws Exception {
        JsonNode header = s.get("/menuManagement/orgs/" + s.org() + "/menus/published").get("data").get(0);
        JsonNode revision = s.get("/menuManagement/orgs/" + s.org() + "/menus/" + header.get("menuId").asText()
                + "/revisions/" + header.get("publishedRevisionId").asText()).get("data");
        JsonNode item = revision.get("menu").get("categories").get(2).get("items").get(0);
        JsonNode profile = item.get("pricingProfiles").get(0);
        java.math.BigDecimal price = (profile.hasNonNull("takeawayPrice") ? profile.get("takeawayPrice")
                : profile.get("dineInPrice")).decimalValue();
        Iterator<String> events = s.stream().iterator();
        String now = Instant.now().toString();
        String displayId = s.device().get("displayPrefix").asText() + "-0001";
        ObjectNode sale = Json.mapper().createObjectNode();
        sale.put("salesChannelId", s.device().get("salesChannelId").asText()).put("source", "POS")
                .put("requestedFulfillmentTime", now).put("desiredAsap", true).put("dispatchType", "TakeAway")
                .put("displayId", displayId).put("menuId", header.get("menuId").asText())
                .put("menuRevisionId", header.get("publishedRevisionId").asText())
                .put("metadata", Json.mapper().createObjectNode().put("posTerminal", s.device().get("name").asText())
                        .put("deviceId", s.device().get("deviceId").asText()).toString());
        sale.putArray("items").addObject().put("menuItemId", item.get("id").asText()).put("quantity", 1)
                .put("unitPrice", price);
        sale.putArray("charges");
        sale.putArray("discounts");
        sale.putArray("payments").addObject().put("type", "Sale").put("paymentMethod", "Cash")
                .put("amount", price).put("paidAt", now);
        HttpResponse<String> sold = s.http().send(s.request("/salesManagement/orgs/" + s.org() + "/sales")
                .header("Content-Type", "application/json").header("x-idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(sale.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (sold.statusCode() != 201) {
            say("REFUSED " + sold.statusCode() + " " + sold.body());
            return;
        }
        String saleId = Json.mapper().readTree(sold.body()).get("saleId").asText();
        say("SOLD " + saleId + " " + displayId);
        String type = null;
        while (events.hasNext()) {
            String line = events.next();
            if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("data:") && "ticket-updated".equals(type) && line.contains(saleId)
                    && line.contains("\"status\":\"READY\"")) {
                say("READY " + saleId);
                break;
            }
        }
        // The test revokes this till now: it learns so at its next call.
        while (true) {
            HttpResponse<String> r = s.http().send(s.request("/menuManagement/orgs/" + s.org() + "/menus/published")
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 403 && Json.mapper().readTree(r.body()).get("detail").asText()
                    .startsWith(Devices.REVOKED)) {
                say("REVOKED");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void kitchen(Session s) throws Exception {
        Iterator<String> events = s.stream().iterator();
        String type = null;
        while (events.hasNext()) {
            String line = events.next();
            if (line.startsWith("event:")) {
                type = line.substring(6).strip();
                if (type.equals("snapshot")) {
                    say("LIVE");
                }
            } else if (line.startsWith("data:") && "ticket-created".equals(type)) {
                JsonNode t = Json.mapper().readTree(line.substring(5).strip());
                String saleId = t.get("saleId").asText();
                say("TICKET " + saleId + " " + t.get("displayId").asText());
                // One station (the store has not set any up): bumping it makes the ticket ready.
                String station = t.get("stations").get(0).get("stationId").asText();
                HttpResponse<String> bumped = s.http().send(s.request("/backoffice/v1/orgs/" + s.org()
                        + "/kitchen/tickets/" + t.get("ticketId").asText() + "/stations/" + station + "/bump")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                say(bumped.statusCode() == 200 ? "BUMPED " + saleId : "REFUSED " + bumped.statusCode());
                return;
            }
        }
    }

    private static void say(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
