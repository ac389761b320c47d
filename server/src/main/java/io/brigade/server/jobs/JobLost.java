package io.brigade.server.jobs;

/**
 * Thrown when a run finds its attempt number superseded: another run took the job over (after this
 * node's heartbeat was judged dead). The stale run stops without writing anything more.
 */
public final class JobLost extends RuntimeException {
    public JobLost(String jobId, int attempt) {
        super("job " + jobId + " attempt " + attempt + " was taken over by a later attempt");
    }
}
