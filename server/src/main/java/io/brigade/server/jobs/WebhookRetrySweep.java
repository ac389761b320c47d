package io.brigade.server.jobs;

/**
 * The webhook feature's retry sweep as the {@code webhook-retries} job sees it: requeues the org's
 * deliveries that wait for another attempt and answers how many.
 */
@FunctionalInterface
public interface WebhookRetrySweep {
    int requeueDueRetries(String orgId) throws Exception;
}
