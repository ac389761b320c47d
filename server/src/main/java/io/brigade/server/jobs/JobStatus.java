package io.brigade.server.jobs;

/** Where a job is in its life, as the dashboard names it (BullMQ's vocabulary). */
public enum JobStatus {
    WAITING("waiting"),
    DELAYED("delayed"),
    ACTIVE("active"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status named {@code value}, or null when there is none. */
    public static JobStatus fromWire(String value) {
        for (JobStatus s : values()) {
            if (s.wireName.equals(value)) {
                return s;
            }
        }
        return null;
    }

    public boolean cancellable() {
        return this == WAITING || this == DELAYED;
    }
}
