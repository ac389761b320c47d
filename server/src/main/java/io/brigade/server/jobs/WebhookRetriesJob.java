package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.http.ApiException;
import java.util.Set;

/**
 * {@code webhook-retries}: runs the webhook dispatcher's retry sweep for the org. The dispatcher belongs
 * to the webhooks feature, which registers its sweep when the server is wired; until it does, starting
 * this job is refused with 501 rather than pretending to retry anything.
 */
public final class WebhookRetriesJob implements JobHandler {
    private final WebhookRetrySweep sweep;

    public WebhookRetriesJob(WebhookRetrySweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public String type() {
        return "webhook-retries";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        if (sweep == WebhookRetrySweep.NONE) {
            throw new ApiException(501, "Not Implemented", "webhook-retries is not available on this server: "
                    + "the webhook dispatcher has not registered its retry sweep");
        }
        p.allowOnly(Set.of());
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) throws Exception {
        int requeued = sweep.requeueDueRetries(ctx.orgId());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("deliveriesRequeued", requeued);
        return result;
    }
}
