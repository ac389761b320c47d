package io.brigade.server.jobs;

/** A job that cannot finish for a reason its owner should read (bad data found while running). */
public final class JobFailure extends RuntimeException {
    public JobFailure(String message) {
        super(message);
    }
}
