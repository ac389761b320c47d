package io.brigade.server.jobs;

/**
 * The webhook dispatcher's retry sweep: re-queues the org's deliveries that are due for another
 * attempt and answers how many. The webhooks feature registers its own at wiring time.
 */
@FunctionalInterface
public interface WebhookRetrySweep {
    /** No dispatcher registered: the {@code webhook-retries} job is refused. */
    WebhookRetrySweep NONE = orgId -> {
        throw new IllegalStateException("no webhook retry sweep is registered");
    };

    int requeueDueRetries(String orgId) throws Exception;
}
