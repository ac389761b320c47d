package io.brigade.server.jobs;

/** Told of each progress step after it is committed (metrics, and the tests' way to stop a job mid-run). */
@FunctionalInterface
public interface JobListener {
    JobListener NONE = (jobId, type, percent) -> { };

    /** Called on the worker thread; may throw {@link InterruptedException} when the worker is interrupted. */
    void progressed(String jobId, String type, int percent) throws InterruptedException;
}
