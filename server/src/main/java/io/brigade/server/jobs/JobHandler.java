package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/** One job type: checks its parameters when the job is started, and does the work when it runs. */
public interface JobHandler {

    /** The wire name, e.g. {@code analytics-export}. */
    String type();

    /**
     * Checks {@code parameters} for {@code orgId} and answers them normalised (defaults filled in). Throws
     * an {@link io.brigade.server.domain.InvalidInputException} (unprocessable, with {@code parameters.*} field paths) so a bad job
     * is refused before anything is queued.
     */
    JsonNode validate(String orgId, Params parameters);

    /**
     * Does the work and answers the result shown on the dashboard. Must be safe to run again from the
     * last checkpoint (after a restart): resumable or idempotent. Calls {@link JobContext#progress} as it goes.
     */
    JsonNode run(JobContext context) throws Exception;
}
