package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * {@code webhook-retries}: the dispatcher retries on its own schedule; this job brings the org's waiting
 * retries forward to now (after an owner fixed their endpoint) and reports how many it requeued.
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
