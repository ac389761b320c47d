package io.brigade.server.jobs;

/**
 * Thrown at a progress point when the server is shutting down (or the worker thread was interrupted):
 * the job is put back in the queue and resumes from its last checkpoint on the next start.
 */
public final class JobStopped extends RuntimeException {
    public JobStopped(String message) {
        super(message);
    }
}
