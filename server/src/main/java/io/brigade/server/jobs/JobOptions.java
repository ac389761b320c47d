package io.brigade.server.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How the job worker runs: {@code threads} jobs at once (FoodFlex: 3), how often an idle node polls
 * the queue, how often a running node proves it is alive (a job whose node misses
 * {@code missedHeartbeats} beats is run again elsewhere), and how long a stop waits for jobs to reach
 * a progress point before interrupting them.
 */
public record JobOptions(int threads, Duration pollingInterval, Duration heartbeatInterval, int missedHeartbeats,
                         Duration shutdownMaxWait, JobListener listener) {

    public JobOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        Objects.requireNonNull(pollingInterval, "pollingInterval == null");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval == null");
        Objects.requireNonNull(shutdownMaxWait, "shutdownMaxWait == null");
        listener = listener == null ? JobListener.NONE : listener;
    }

    /**
     * Production defaults: 3 workers, 5 s polling, a 5 s heartbeat, dead after 6 missed beats (30 s). A dead
     * node's job is then taken over within {@link #resumeWithin()} of its last beat: 45 s.
     */
    public static JobOptions defaults() {
        return new JobOptions(3, Duration.ofSeconds(5), Duration.ofSeconds(5), 6, Duration.ofSeconds(20),
                JobListener.NONE);
    }

    /**
     * The bound on taking over the job of a node that died, counted from its last heartbeat: it is dead after
     * {@code missedHeartbeats} intervals, db-scheduler looks for dead executions every second interval, and the
     * released execution is picked at the next poll.
     */
    public Duration resumeWithin() {
        return heartbeatInterval.multipliedBy(missedHeartbeats + 2L).plus(pollingInterval);
    }

    public JobOptions withThreads(int n) {
        return new JobOptions(n, pollingInterval, heartbeatInterval, missedHeartbeats, shutdownMaxWait, listener);
    }

    public JobOptions withListener(JobListener l) {
        return new JobOptions(threads, pollingInterval, heartbeatInterval, missedHeartbeats, shutdownMaxWait, l);
    }

    public JobOptions withTimings(Duration polling, Duration heartbeat, int missed, Duration shutdownWait) {
        return new JobOptions(threads, polling, heartbeat, missed, shutdownWait, listener);
    }
}
