package io.brigade.protocol.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A job as the dashboard shows it. {@code status} is one of waiting, delayed, active, completed,
 * failed, cancelled; {@code progress} is a percentage; {@code result} (completed) or {@code error}
 * (failed) say how it ended; {@code files} can be downloaded from {@code /jobs/{jobId}/result/{name}}.
 * {@code statusDetail} qualifies an active job whose server stopped answering ("node lost, will resume"), with
 * {@code resumeBy}, the time by which another server takes it over; both are null otherwise.
 */
public record Job(String jobId, String orgId, String type, String status, int progress, JsonNode parameters,
                  JsonNode result, String error, Instant createdAt, Instant runAt, Instant startedAt,
                  Instant finishedAt, int attempts, List<JobFile> files, String statusDetail, Instant resumeBy) {

    /** A job without a status detail. */
    public Job(String jobId, String orgId, String type, String status, int progress, JsonNode parameters,
               JsonNode result, String error, Instant createdAt, Instant runAt, Instant startedAt,
               Instant finishedAt, int attempts, List<JobFile> files) {
        this(jobId, orgId, type, status, progress, parameters, result, error, createdAt, runAt, startedAt,
                finishedAt, attempts, files, null, null);
    }
}
