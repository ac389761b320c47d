package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.money.ApprovalRepository;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sale events reach a real receiver signed, with the exact headers and payloads, on H2 and PostgreSQL. */
class WebhookDeliveryTest {
    static final String SECRET = "a-strong-random-string-0123456789";

    static String subscribe(ApiClient api, String orgId, String url, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callbackUrl", url);
        body.put("secret", SECRET);
        body.put("eventTypes", types);
        ApiClient.Response r = api.post("/webhooks/orgs/" + orgId + "/subscriptions", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("data").get("subscriptionId").asText();
    }

    static String sale(ApiClient api, DemoBootstrap.Result org, Instant at) {
        ApiClient.Response r = api.post("/salesManagement/orgs/" + org.orgId() + "/sales",
                Sales.simple(org, at.toString(), "3.00"), "x-idempotency-key", UUID.randomUUID().toString());
        assertEquals(201, r.status(), r.body());
        return r.json().get("saleId").asText();
    }

    static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void saleLifecycleEventsArriveSignedWithExactHeadersAndPayloads(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), EventTypes.ALL);
            Instant rung = h.clock.instant().minus(Duration.ofHours(3)); // an offline till's sale, synced late
            String saleId = sale(api, org, rung);
            String base = "/salesManagement/orgs/" + org.orgId() + "/sales/" + saleId;
            assertEquals(200, api.post(base + "/posStatus", Map.of("status", "SALE_PREPARED_BY_KITCHEN")).status());
            assertEquals(200, api.post(base + "/deliveryStatus", Map.of("status", "SALE_DISPATCHED")).status());
            String cancelledId = sale(api, org, h.clock.instant());
            assertEquals(200, api.post("/salesManagement/orgs/" + org.orgId() + "/sales/" + cancelledId + "/cancel",
                    Map.of("salesChannelId", org.salesChannelId(), "cancellationReason", "Customer left",
                            "cancellationNotes", "table 4")).status());
            h.dispatcher().drain();

            assertEquals(5, receiver.received.size(), "one delivery per event");
            for (WebhookReceiver.Received r : receiver.received) {
                assertTrue(r.libraryVerified(), "WebhookSignature.verify accepts " + r.header("X-Flipdish-Signature"));
                assertTrue(r.independentlyVerified(), "independent HMAC matches");
                String ts = r.header("X-Flipdish-Timestamp");
                assertTrue(ts.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), ts);
                assertTrue(r.header("X-Flipdish-Signature").startsWith("t=" + ts + ",sha256="));
                assertEquals("v1", r.header("X-Flipdish-Event-Version"));
                assertNotNull(UUID.fromString(r.header("X-Flipdish-Idempotency-Key")));
                assertNull(r.header("X-FoodFlex-Signature"), "v3 subscriptions get only the Flipdish header");
                JsonNode env = json(r.body());
                assertEquals("rms", env.get("source").asText());
                assertEquals(r.header("X-Flipdish-Event-Type"), env.get("detail-type").asText());
                JsonNode p = env.get("detail").get("properties");
                assertEquals(org.orgId(), p.get("orgId").asText());
                assertEquals(org.brandId(), p.get("brandId").asText());
                assertEquals(org.propertyId(), p.get("propertyId").asText());
                assertEquals(org.salesChannelId(), p.get("salesChannelId").asText());
                assertEquals("POS", p.get("salesChannelType").asText());
                assertTrue(Set.of(saleId, cancelledId).contains(p.get("saleId").asText()));
                assertTrue(env.get("detail").get("metadata").has("actor"));
            }
            JsonNode created = json(receiver.ofType("sales.created.v1").get(0).body()).get("detail").get("properties");
            assertEquals(List.of("orgId", "brandId", "propertyId", "salesChannelId", "salesChannelType", "saleId",
                    "externalId"), fieldNames(created));
            JsonNode pos = json(receiver.ofType("sales.pos.status.updated.v1").get(0).body()).get("detail")
                    .get("properties");
            assertEquals("SALE_PREPARED_BY_KITCHEN", pos.get("status").asText());
            JsonNode delivery = json(receiver.ofType("sales.delivery.status.updated.v1").get(0).body())
                    .get("detail").get("properties");
            assertEquals("SALE_DISPATCHED", delivery.get("status").asText());
            assertEquals(h.clock.instant(), Instant.parse(delivery.get("dispatchTime").asText()));
            JsonNode cancelled = json(receiver.ofType("sales.cancelled.v1").get(0).body()).get("detail")
                    .get("properties");
            assertEquals("Customer left", cancelled.get("cancellationReason").asText());
            assertEquals("table 4", cancelled.get("cancellationNotes").asText());
            // The late sale keeps its own time: the sale read back still says when it was rung.
            JsonNode detail = api.get("/salesManagement/orgs/" + org.orgId() + "/salesChannels/"
                    + org.salesChannelId() + "/sales/" + saleId).json().get("data");
            assertEquals(rung, Instant.parse(detail.get("requestedFulfillmentTime").asText()));
            assertEquals(0, receiver.duplicates.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRefundGivenAfterTheSaleArrivesAsSalesRefundedWithTheSalesRefundsSoFar(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            // This store gives refunds without a manager (the default asks for one: a till's PIN approval).
            h.database.inTransaction(c -> {
                new ApprovalRepository().saveSettings(c, org.orgId(), org.propertyId(),
                        new MoneySettings(null, null, false, true, true, true), h.clock.instant());
                return null;
            });
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.refunded.v1"));
            String saleId = sale(api, org, h.clock.instant());
            String refunds = "/salesManagement/orgs/" + org.orgId() + "/sales/" + saleId + "/refunds";
            String first = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("refundId", first, "amount", new BigDecimal("1.00"), "reason", "cold chips");
            assertEquals(200, api.post(refunds, body).status());
            assertEquals(200, api.post(refunds, body).status(), "a retry of the same refund");
            assertEquals(200, api.post(refunds, Map.of("refundId", UUID.randomUUID().toString(), "amount", new BigDecimal("0.50"),
                    "reason", "no sauce")).status());
            h.dispatcher().drain();

            List<WebhookReceiver.Received> got = receiver.ofType("sales.refunded.v1");
            assertEquals(2, got.size(), "one event per refund, none for the retry: " + receiver.received);
            // Deliveries need not arrive in the order the refunds were given: each is found by its refundId.
            Map<String, JsonNode> byRefund = new java.util.HashMap<>();
            for (WebhookReceiver.Received r : got) {
                JsonNode p = json(r.body()).get("detail").get("properties");
                byRefund.put(p.get("refundId").asText(), p);
            }
            JsonNode firstEvent = byRefund.get(first);
            assertNotNull(firstEvent, "the first refund's event: " + byRefund.keySet());
            assertEquals(saleId, firstEvent.get("saleId").asText());
            assertEquals(0, new BigDecimal("1.00").compareTo(firstEvent.get("amount").decimalValue()));
            assertEquals("Cash", firstEvent.get("paymentMethod").asText());
            assertEquals("cold chips", firstEvent.get("reason").asText());
            assertEquals(0, new BigDecimal("1.00").compareTo(firstEvent.get("totalRefunds").decimalValue()));
            byRefund.remove(first);
            JsonNode second = byRefund.values().iterator().next();
            assertEquals(0, new BigDecimal("1.50").compareTo(second.get("totalRefunds").decimalValue()),
                    "the sale's refunds so far");
            assertEquals(0, receiver.duplicates.get());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void posStatusSaleCancelledFiresTheCancelledAndThePosStatusEvents(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.cancelled.v1", "sales.pos.status.updated.v1"));
            String saleId = sale(api, org, h.clock.instant());
            assertEquals(200, api.post("/salesManagement/orgs/" + org.orgId() + "/sales/" + saleId + "/posStatus",
                    Map.of("status", "SALE_CANCELLED", "cancellationReason", "Kitchen closed")).status());
            h.dispatcher().drain();
            JsonNode cancelled = json(receiver.ofType("sales.cancelled.v1").get(0).body()).get("detail")
                    .get("properties");
            assertEquals("Kitchen closed", cancelled.get("cancellationReason").asText());
            List<WebhookReceiver.Received> pos = receiver.ofType("sales.pos.status.updated.v1");
            assertEquals(1, pos.size(), "one POS status event: " + receiver.received);
            JsonNode status = json(pos.get(0).body()).get("detail").get("properties");
            assertEquals(saleId, status.get("saleId").asText());
            assertEquals("SALE_CANCELLED", status.get("status").asText());
            assertEquals("Kitchen closed", status.get("cancellationReason").asText());
            assertEquals(2, receiver.received.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void cancelRouteFiresOnlyTheCancelledEvent(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.cancelled.v1", "sales.pos.status.updated.v1"));
            String saleId = sale(api, org, h.clock.instant());
            assertEquals(200, api.post("/salesManagement/orgs/" + org.orgId() + "/sales/" + saleId + "/cancel",
                    Map.of("cancellationReason", "Customer left")).status());
            h.dispatcher().drain();
            assertEquals(1, receiver.received.size(), receiver.received.toString());
            assertEquals("sales.cancelled.v1", receiver.received.get(0).header("X-Flipdish-Event-Type"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void refusedSaleLeavesNoEventAndOnlyWantedTypesAreSent(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.cancelled.v1", "sales.created.v1"));
            Map<String, Object> bad = Sales.simple(org, h.clock.instant().toString(), "3.00");
            bad.put("menuRevisionId", "999");
            assertEquals(422, api.post("/salesManagement/orgs/" + org.orgId() + "/sales", bad,
                    "x-idempotency-key", UUID.randomUUID().toString()).status());
            // Refused by the snooze check, which runs after the outbox row was written in the same savepoint.
            assertEquals(200, api.post("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/"
                    + org.salesChannelId() + "/snoozes", Map.of("snoozed", true)).status());
            assertEquals(422, api.post("/salesManagement/orgs/" + org.orgId() + "/sales",
                    Sales.simple(org, h.clock.instant().toString(), "3.00"), "x-idempotency-key",
                    UUID.randomUUID().toString()).status());
            h.dispatcher().drain();
            assertEquals(0, receiver.received.size(), "no event for a refused sale: " + receiver.received);
            assertEquals(200, api.post("/backoffice/v1/orgs/" + org.orgId() + "/salesChannels/"
                    + org.salesChannelId() + "/snoozes", Map.of("snoozed", false)).status());
            String saleId = sale(api, org, h.clock.instant());
            api.post("/salesManagement/orgs/" + org.orgId() + "/sales/" + saleId + "/posStatus",
                    Map.of("status", "SALE_IN_PREPARATION"));
            h.dispatcher().drain();
            assertEquals(1, receiver.received.size(), "pos status is not subscribed");
            assertEquals("sales.created.v1", receiver.received.get(0).header("X-Flipdish-Event-Type"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoDispatchersSharingTheDatabaseDeliverEachEventOnce(String db) throws Exception {
        try (WebhookHarness h = new WebhookHarness(db);
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            Set<String> saleIds = new HashSet<>();
            for (int i = 0; i < 150; i++) {
                saleIds.add(sale(api, org, h.clock.instant()));
            }
            // A second node: its own dispatcher over the same database.
            try (Dispatcher other = new Dispatcher(h.database, new SubscriptionRepository(), new DeliveryRepository(),
                    h.box, new CallbackGuard(true), h.clock, 8)) {
                Thread t = new Thread(other::drain);
                t.start();
                h.dispatcher().drain();
                t.join();
                other.drain();
                h.dispatcher().drain();
            }
            assertEquals(150, receiver.received.size());
            assertEquals(0, receiver.duplicates.get());
            Set<String> delivered = new HashSet<>();
            for (WebhookReceiver.Received r : receiver.received) {
                delivered.add(json(r.body()).get("detail").get("properties").get("saleId").asText());
            }
            assertEquals(saleIds, delivered);
        }
    }
}
