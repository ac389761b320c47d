package io.brigade.server.webhooks;

import static io.brigade.server.webhooks.WebhookDeliveryTest.SECRET;
import static io.brigade.server.webhooks.WebhookDeliveryTest.sale;
import static io.brigade.server.webhooks.WebhookDeliveryTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retry schedule, Retry-After, 410, redirects and auto-disable, driven by a clock the test moves. */
class RetryScheduleTest {

    private static int attempts(WebhookReceiver r) {
        return r.received.size();
    }

    @Test
    void failedDeliveryIsRetriedAfterOneTenAndSixtyMinutesThenHourlyAndAutoDisabledAfterTen() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            receiver.behaviour = r -> WebhookReceiver.Answer.of(500);
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String sub = subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            sale(api, org, h.clock.instant());
            h.dispatcher().drain();
            assertEquals(1, attempts(receiver));

            // Each retry is due no sooner than its step and no later than the step plus 10% jitter.
            Duration[] steps = {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1)};
            for (int i = 0; i < steps.length; i++) {
                h.clock.advance(steps[i].minusSeconds(1));
                h.dispatcher().drain();
                assertEquals(i + 1, attempts(receiver), "not before the step of retry " + (i + 1));
                h.clock.advance(steps[i].dividedBy(10).plusSeconds(2));
                h.dispatcher().drain();
                assertEquals(i + 2, attempts(receiver), "retry " + (i + 1) + " by step + 10%");
            }
            // Ten consecutive failures: disabled, and the owner sees why.
            ApiClient fresh = h.api(org);
            JsonNode view = fresh.get("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub).json().get("data");
            assertFalse(view.get("enabled").asBoolean());
            assertTrue(view.get("disabledReason").asText().startsWith("10 consecutive failed attempts"), view.toString());
            assertEquals(10, view.get("consecutiveFailures").asInt());
            h.clock.advance(Duration.ofHours(3));
            h.dispatcher().drain();
            assertEquals(10, attempts(receiver), "a disabled subscription gets no attempts");
            fresh = h.api(org); // the clock moved past the token's lifetime

            // Delivery log: one row per attempt with status and body.
            JsonNode log = fresh.get("/backoffice/v1/orgs/" + org.orgId() + "/webhooks/" + sub + "/deliveries").json()
                    .get("data");
            assertEquals(10, log.size());
            assertEquals(500, log.get(0).get("statusCode").asInt());

            // Re-enabled: the pending delivery resumes at once and succeeds.
            receiver.behaviour = r -> WebhookReceiver.Answer.of(204);
            JsonNode enabled = fresh.post("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub,
                    Map.of("enabled", true)).json().get("data");
            assertTrue(enabled.get("enabled").asBoolean());
            h.dispatcher().drain();
            assertEquals(11, attempts(receiver));
            assertEquals(1, receiver.seenKeys.size());
            Set<String> keys = new HashSet<>();
            receiver.received.forEach(r -> keys.add(r.header("X-Flipdish-Idempotency-Key")));
            assertEquals(1, keys.size(), "the idempotency key is the event id, constant across retries");
            Set<String> timestamps = new HashSet<>();
            receiver.received.forEach(r -> timestamps.add(r.header("X-Flipdish-Timestamp")));
            assertEquals(11, timestamps.size(), "a fresh timestamp (and signature) per attempt");
            assertTrue(receiver.received.stream().allMatch(WebhookReceiver.Received::libraryVerified));
            JsonNode after = fresh.get("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub).json().get("data");
            assertEquals(0, after.get("consecutiveFailures").asInt());
            assertEquals(1, after.get("deliveries").get("delivered").asInt());
        }
    }

    @Test
    void retryAfterPostponesTheNextAttempt() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            receiver.behaviour = r -> new WebhookReceiver.Answer(503, Map.of("Retry-After", "7200"), "busy");
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            sale(api, org, h.clock.instant());
            h.dispatcher().drain();
            h.clock.advance(Duration.ofMinutes(119));
            h.dispatcher().drain();
            assertEquals(1, attempts(receiver), "Retry-After: 7200 beats the 1-minute step");
            h.clock.advance(Duration.ofMinutes(2));
            receiver.behaviour = r -> WebhookReceiver.Answer.of(200);
            h.dispatcher().drain();
            assertEquals(2, attempts(receiver));
        }
    }

    @Test
    void webhookRetriesJobBringsAWaitingRetryForwardToNow() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            receiver.behaviour = r -> new WebhookReceiver.Answer(503, Map.of("Retry-After", "3600"), "down");
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            sale(api, org, h.clock.instant());
            h.dispatcher().drain();
            h.dispatcher().drain();
            assertEquals(1, attempts(receiver), "the retry waits an hour");

            receiver.behaviour = r -> WebhookReceiver.Answer.of(204);
            String jobs = "/backoffice/v1/orgs/" + org.orgId() + "/jobs";
            ApiClient.Response started = api.post(jobs, Map.of("type", "webhook-retries", "parameters", Map.of()));
            assertEquals(202, started.status(), started.body());
            String jobId = started.json().get("jobId").asText();
            JsonNode job = api.get(jobs + "/" + jobId).json();
            for (int i = 0; i < 300 && !job.get("status").asText().equals("completed"); i++) {
                Thread.sleep(100); // polling for the outcome of the job, which runs on the scheduler's threads
                job = api.get(jobs + "/" + jobId).json();
            }
            assertEquals("completed", job.get("status").asText(), job.toString());
            assertEquals(1, job.get("result").get("deliveriesRequeued").asInt());
            h.dispatcher().drain();
            assertEquals(2, attempts(receiver), "retried without the clock moving");
        }
    }

    @Test
    void goneDisablesAtOnceAndRedirectsAreNotFollowed() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            receiver.behaviour = r -> new WebhookReceiver.Answer(302,
                    Map.of("Location", "http://127.0.0.1:" + receiver.port() + "/elsewhere"), "");
            String sub = subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            sale(api, org, h.clock.instant());
            h.dispatcher().drain();
            assertEquals(1, attempts(receiver));
            assertEquals(0, receiver.otherPathHits.get(), "the redirect was not followed");
            JsonNode log = api.get("/backoffice/v1/orgs/" + org.orgId() + "/webhooks/" + sub + "/deliveries")
                    .json().get("data");
            assertEquals(302, log.get(0).get("statusCode").asInt());
            assertTrue(log.get(0).get("error").asText().contains("not followed"));

            receiver.behaviour = r -> WebhookReceiver.Answer.of(410);
            h.clock.advance(Duration.ofMinutes(2));
            h.dispatcher().drain();
            assertEquals(2, attempts(receiver));
            JsonNode view = api.get("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub).json().get("data");
            assertFalse(view.get("enabled").asBoolean());
            assertTrue(view.get("disabledReason").asText().contains("410"));
            assertEquals(1, view.get("deliveries").get("pending").asInt(), "kept for a re-enable");
            h.clock.advance(Duration.ofHours(2));
            h.dispatcher().drain();
            assertEquals(2, attempts(receiver));
        }
    }

    @Test
    void receiverDownThenUpGetsEveryEventExactlyOnce() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2")) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            WebhookReceiver first = new WebhookReceiver(SECRET, h.clock);
            int port = first.port();
            String url = first.url();
            first.close(); // down: connections are refused
            String sub = subscribe(api, org.orgId(), url, List.of("sales.created.v1"));
            Set<String> sales = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                sales.add(sale(api, org, h.clock.instant()));
            }
            h.dispatcher().drain();
            // Ten failed attempts in a row disabled it; the other two deliveries wait.
            JsonNode view = api.get("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub).json().get("data");
            assertFalse(view.get("enabled").asBoolean());
            assertEquals(12, view.get("deliveries").get("pending").asInt());
            h.clock.advance(Duration.ofMinutes(50));
            try (WebhookReceiver up = new WebhookReceiver(port, SECRET, h.clock)) {
                ApiClient fresh = h.api(org);
                assertEquals(200, fresh.post("/backoffice/v1/orgs/" + org.orgId() + "/webhooks/" + sub + "/enable",
                        Map.of()).status());
                h.dispatcher().drain();
                h.clock.advance(Duration.ofHours(2));
                h.dispatcher().drain();
                assertEquals(12, up.received.size());
                assertEquals(0, up.duplicates.get());
                Set<String> got = new HashSet<>();
                for (WebhookReceiver.Received r : up.received) {
                    assertTrue(r.libraryVerified() && r.independentlyVerified());
                    got.add(WebhookDeliveryTest.json(r.body()).get("detail").get("properties").get("saleId").asText());
                }
                assertEquals(sales, got);
            }
        }
    }

    @Test
    void theAddressIsCheckedAgainAtSendTime() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String sub = subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            sale(api, org, h.clock.instant());
            // A node running without the development flag: the loopback callback is refused before connecting.
            try (Dispatcher strict = new Dispatcher(h.database, new SubscriptionRepository(), new DeliveryRepository(),
                    h.box, new CallbackGuard(false), h.clock, 2)) {
                assertEquals(1, strict.runDue());
            }
            assertEquals(0, attempts(receiver));
            JsonNode log = api.get("/backoffice/v1/orgs/" + org.orgId() + "/webhooks/" + sub + "/deliveries")
                    .json().get("data");
            assertEquals(1, log.size());
            assertTrue(log.get(0).get("error").asText().startsWith("callback URL refused"), log.toString());
            assertTrue(log.get(0).get("statusCode") == null || log.get(0).get("statusCode").isNull());
        }
    }

    @Test
    void aDeliveryNotMadeWithinSeventyTwoHoursIsExpiredVisiblyNotSent() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2");
             WebhookReceiver receiver = new WebhookReceiver(SECRET, h.clock)) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String sub = subscribe(api, org.orgId(), receiver.url(), List.of("sales.created.v1"));
            String path = "/webhooks/orgs/" + org.orgId() + "/subscriptions/" + sub;
            assertEquals(200, api.post(path, Map.of("enabled", false)).status());
            sale(api, org, h.clock.instant());
            h.dispatcher().drain();
            h.clock.advance(Duration.ofHours(71));
            ApiClient fresh = h.api(org);
            assertEquals(1, fresh.get(path).json().get("data").get("deliveries").get("pending").asInt());
            h.clock.advance(Duration.ofHours(2));
            fresh = h.api(org);
            assertEquals(200, fresh.post(path, Map.of("enabled", true)).status());
            h.dispatcher().drain();
            assertEquals(0, attempts(receiver), "too late to be useful: not sent");
            assertEquals(1, fresh.get(path).json().get("data").get("deliveries").get("expired").asInt());
        }
    }

    @Test
    void scheduleStepsAndRetryAfterParsing() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertEquals(Duration.ofMinutes(1), RetrySchedule.baseDelay(1));
        assertEquals(Duration.ofMinutes(10), RetrySchedule.baseDelay(2));
        assertEquals(Duration.ofHours(1), RetrySchedule.baseDelay(3));
        assertEquals(Duration.ofHours(1), RetrySchedule.baseDelay(7));
        assertEquals(Duration.ofSeconds(120), RetrySchedule.parseRetryAfter("120", now));
        assertEquals(Duration.ofMinutes(30), RetrySchedule.parseRetryAfter("Mon, 23 Nov 2026 12:30:00 GMT", now));
        assertEquals(null, RetrySchedule.parseRetryAfter("soon", now));
        Instant next = RetrySchedule.next(now, 1, null);
        assertFalse(next.isBefore(now.plusSeconds(60)));
        assertFalse(next.isAfter(now.plusSeconds(66)));
    }
}
