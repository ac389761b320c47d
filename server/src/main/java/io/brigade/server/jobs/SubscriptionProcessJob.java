package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.billing.SubscriptionProcessor;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code subscription-process}: applies the org's due billing-plan changes (renewals, and downgrades or
 * upgrades requested for the period end). Idempotent: each period end is applied once (see
 * {@link SubscriptionProcessor}).
 */
public final class SubscriptionProcessJob implements JobHandler {
    private final SubscriptionProcessor processor;

    public SubscriptionProcessJob(SubscriptionProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String type() {
        return "subscription-process";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of());
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) {
        List<SubscriptionProcessor.Change> changes = processor.process(ctx.orgId());
        return Json.mapper().valueToTree(Map.of("changes", changes));
    }
}
