package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.brigade.protocol.jobs.Job;
import io.brigade.protocol.jobs.JobRequest;
import io.brigade.server.Ids;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.UnavailableException;
import io.brigade.server.domain.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job system: jobs are rows in {@code jobs} (what the dashboard shows) and executions in
 * db-scheduler's {@code scheduled_tasks} (who runs what, when; safe with several nodes: an execution is
 * picked by one node, and a node that stops heart-beating has its executions run again elsewhere).
 */
public final class JobEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    static final String TASK_NAME = "brigade-job";
    /** The status detail of an active job whose node stopped heart-beating. */
    public static final String NODE_LOST = "node lost, will resume";
    private static final long MAX_DELAY_SECONDS = Duration.ofDays(30).toSeconds();

    private final Database database;
    private final JobRepository jobs;
    private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
    private final Clock clock;
    private final JobOptions options;
    private final OneTimeTask<Void> task;
    private final List<RecurringTask<Void>> recurring = new ArrayList<>();
    private Scheduler scheduler;

    public JobEngine(Database database, JobRepository jobs, List<JobHandler> handlers, Clock clock,
                     JobOptions options) {
        this.database = database;
        this.jobs = jobs;
        this.clock = clock;
        this.options = options;
        for (JobHandler h : handlers) {
            if (this.handlers.put(h.type(), h) != null) {
                throw new IllegalArgumentException("two handlers for job type " + h.type());
            }
        }
        this.task = Tasks.oneTime(TASK_NAME)
                .onFailure(new RequeueOrRetry())
                .onDeadExecutionRevive()
                .execute(this::execute);
    }

    /**
     * Runs {@code work} every {@code interval} on one node of the cluster (db-scheduler keeps one execution
     * per name), first at start-up. Register before {@link #start()}.
     */
    public synchronized void every(String name, Duration interval, Runnable work) {
        if (scheduler != null) {
            throw new IllegalStateException("register recurring work before start()");
        }
        recurring.add(Tasks.recurring(name, FixedDelay.of(interval)).execute((instance, context) -> work.run()));
    }

    /** Starts the worker and gives back a queue entry to every unfinished job that lost it. */
    public synchronized void start() {
        scheduler = Scheduler.create(database.dataSource(), task)
                .threads(options.threads())
                .pollingInterval(options.pollingInterval())
                .heartbeatInterval(options.heartbeatInterval())
                .missedHeartbeatsLimit(options.missedHeartbeats())
                .shutdownMaxWait(options.shutdownMaxWait())
                .enableImmediateExecution()
                .startTasks(recurring)
                .build();
        scheduler.start();
        // A crash between "row inserted" and "execution scheduled" leaves a job without an execution.
        for (JobRepository.JobRow row : database.read(jobs::unfinished)) {
            scheduler.scheduleIfNotExists(task.instance(row.jobId()),
                    row.status() == JobStatus.DELAYED ? row.runAt() : Instant.now());
        }
    }

    /** Stops taking jobs; running ones stop at their next progress point and resume on the next start. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    public List<String> types() {
        return List.copyOf(handlers.keySet());
    }

    /** Checks the request, stores the job and queues it. */
    public Job submit(String orgId, JobRequest request) {
        Validation v = new Validation();
        JobHandler handler = null;
        if (request.type() == null || request.type().isBlank()) {
            v.error("type", "is required; one of " + String.join(", ", handlers.keySet()));
        } else {
            handler = handlers.get(request.type());
            if (handler == null) {
                v.error("type", "unknown job type " + request.type() + "; one of " + String.join(", ", handlers.keySet()));
            }
        }
        long delay = request.delaySeconds() == null ? 0 : request.delaySeconds();
        if (delay < 0 || delay > MAX_DELAY_SECONDS) {
            v.error("delaySeconds", "must be between 0 and " + MAX_DELAY_SECONDS);
        }
        v.throwIfMalformed();
        Validation pv = new Validation();
        Params params = new Params(request.parameters(), pv);
        pv.throwIfMalformed();
        JsonNode normalised = handler.validate(orgId, params);
        pv.throwIfUnprocessable();

        Instant now = clock.instant();
        Instant runAt = now.plusSeconds(delay);
        JobStatus status = delay > 0 ? JobStatus.DELAYED : JobStatus.WAITING;
        JobRepository.JobRow row = new JobRepository.JobRow(Ids.uuid(), orgId, handler.type(), status, 0,
                JobContext.json(normalised), null, null, null, 0, now, runAt, null, null);
        database.inTransaction(c -> {
            jobs.insert(c, row);
            return null;
        });
        // The execution is due on the scheduler's own clock (real time), the delay counted from now.
        Scheduler s = requireStarted();
        s.schedule(task.instance(row.jobId()), Instant.now().plusSeconds(delay));
        return view(orgId, row.jobId());
    }

    /** Cancels a waiting or delayed job; 409 for one that is active or finished. */
    public Job cancel(String orgId, String jobId) {
        JobRepository.JobRow row = database.read(c -> jobs.find(c, orgId, jobId))
                .orElseThrow(() -> new NotFoundException("job " + jobId));
        boolean cancelled = database.inTransaction(c -> jobs.cancel(c, orgId, jobId, clock.instant()));
        if (!cancelled) {
            JobStatus now = database.read(c -> jobs.find(c, orgId, jobId)).map(JobRepository.JobRow::status)
                    .orElse(row.status());
            throw new ConflictException("job " + jobId + " is " + now.wireName()
                    + "; only waiting or delayed jobs can be cancelled");
        }
        // Best effort: if a node picked the execution meanwhile, its claim sees 'cancelled' and runs nothing.
        try {
            requireStarted().cancel(task.instance(jobId));
        } catch (RuntimeException e) {
            LOG.debug("execution of cancelled job {} was already picked or gone: {}", jobId, e.toString());
        }
        return view(orgId, jobId);
    }

    public Job view(String orgId, String jobId) {
        return database.read(c -> jobs.find(c, orgId, jobId).map(r -> {
            try {
                return toJob(r, jobs.files(c, r.jobId()), executions(c, List.of(r)));
            } catch (java.sql.SQLException e) {
                throw new io.brigade.server.db.DataAccessException(e);
            }
        })).orElseThrow(() -> new NotFoundException("job " + jobId));
    }

    public List<Job> list(String orgId, JobStatus status, String type, int limit) {
        return database.read(c -> {
            List<JobRepository.JobRow> rows = jobs.list(c, orgId, status, type, limit);
            Map<String, JobRepository.Execution> executions = executions(c, rows);
            List<Job> out = new java.util.ArrayList<>();
            for (JobRepository.JobRow r : rows) {
                out.add(toJob(r, jobs.files(c, r.jobId()), executions));
            }
            return out;
        });
    }

    private Map<String, JobRepository.Execution> executions(java.sql.Connection c, List<JobRepository.JobRow> rows)
            throws java.sql.SQLException {
        List<String> active = rows.stream().filter(r -> r.status() == JobStatus.ACTIVE)
                .map(JobRepository.JobRow::jobId).toList();
        return active.isEmpty() ? Map.of() : jobs.executions(c, active);
    }

    public List<JobRepository.FileRow> files(String orgId, String jobId) {
        JobRepository.JobRow row = database.read(c -> jobs.find(c, orgId, jobId))
                .orElseThrow(() -> new NotFoundException("job " + jobId));
        if (row.status() != JobStatus.COMPLETED) {
            throw new ConflictException("job " + jobId + " is " + row.status().wireName()
                    + "; its result can be downloaded once it has completed");
        }
        return database.read(c -> jobs.fileContents(c, jobId));
    }

    /**
     * A compressed result file as one gzip stream, its parts read from the database one at a time as the stream
     * is consumed (a part is 8 MB at most).
     */
    public java.io.InputStream compressed(String jobId, JobRepository.FileRow file) {
        return new java.io.SequenceInputStream(new java.util.Enumeration<java.io.InputStream>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return file.parts() != null && next < file.parts();
            }

            @Override
            public java.io.InputStream nextElement() {
                int part = next++;
                return new java.io.ByteArrayInputStream(database.read(c -> jobs.part(c, jobId, file.name(), part)));
            }
        });
    }

    private Job toJob(JobRepository.JobRow r, List<io.brigade.protocol.jobs.JobFile> files,
                      Map<String, JobRepository.Execution> executions) {
        Lost lost = r.status() == JobStatus.ACTIVE ? lost(executions.get(r.jobId())) : null;
        return new Job(r.jobId(), r.orgId(), r.type(), r.status().wireName(), r.progress(),
                JobContext.parse(r.parameters()), r.result() == null ? null : JobContext.parse(r.result()), r.error(),
                r.createdAt(), r.runAt(), r.startedAt(), r.finishedAt(), r.attempt(), files,
                lost == null ? null : NODE_LOST, lost == null ? null : lost.resumeBy());
    }

    /** When an active job's node stopped beating, and by when another node takes the job over. */
    private record Lost(Instant resumeBy) {
    }

    /**
     * An active job is shown as lost once its node has missed a heartbeat and the next one too (two intervals:
     * one late beat on a busy machine is no alarm), or when its execution was already released for another node.
     * Heartbeats are written on the scheduler's clock (real time), so they are judged on it too.
     */
    private Lost lost(JobRepository.Execution execution) {
        Instant now = Instant.now();
        if (execution == null || !execution.picked()) {
            return new Lost(now.plus(options.pollingInterval()));
        }
        Instant beat = execution.lastHeartbeat();
        if (beat == null || beat.plus(options.heartbeatInterval().multipliedBy(2)).isBefore(now)) {
            Instant from = beat == null ? now : beat;
            return new Lost(from.plus(options.resumeWithin()));
        }
        return null;
    }

    private Scheduler requireStarted() {
        Scheduler s = scheduler;
        if (s == null) {
            throw new UnavailableException("the job worker is not running on this server");
        }
        return s;
    }

    private void execute(TaskInstance<Void> instance, ExecutionContext execution) {
        String jobId = instance.getId();
        Optional<JobRepository.JobRow> claimed = database.inTransaction(c -> jobs.claim(c, jobId, clock.instant()));
        if (claimed.isEmpty()) {
            LOG.info("job {} was cancelled or has finished; nothing to run", jobId);
            return;
        }
        JobRepository.JobRow job = claimed.get();
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            finish(job, JobStatus.FAILED, null, "this server does not know job type " + job.type());
            return;
        }
        JobContext context = new JobContext(database, jobs, job, clock, options.listener(),
                () -> execution.getSchedulerState().isShuttingDown());
        try {
            JsonNode result = handler.run(context);
            finish(job, JobStatus.COMPLETED, result == null ? null : JobContext.json(result), null);
        } catch (JobStopped e) {
            LOG.info("job {} ({}) stopped at a progress point: {}", jobId, job.type(), e.getMessage());
            database.inTransaction(c -> jobs.requeue(c, jobId, job.attempt(), clock.instant()));
            throw e;
        } catch (JobLost e) {
            LOG.warn("{}", e.getMessage());
        } catch (JobFailure e) {
            finish(job, JobStatus.FAILED, null, e.getMessage());
        } catch (DomainException e) {
            finish(job, JobStatus.FAILED, null, e.getMessage());
        } catch (Exception e) {
            if (Thread.interrupted() || execution.getSchedulerState().isShuttingDown()) {
                database.inTransaction(c -> jobs.requeue(c, jobId, job.attempt(), clock.instant()));
                throw new JobStopped("job " + jobId + " was interrupted by the shutdown: " + e);
            }
            LOG.error("job {} ({}) failed", jobId, job.type(), e);
            finish(job, JobStatus.FAILED, null, "the job failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); it has been logged");
        }
    }

    private void finish(JobRepository.JobRow job, JobStatus status, String result, String error) {
        String err = error != null && error.length() > 3_900 ? error.substring(0, 3_900) + "…" : error;
        if (!database.inTransaction(c -> jobs.finish(c, job.jobId(), job.attempt(), status, result, err,
                clock.instant()))) {
            LOG.warn("job {} attempt {} finished but a later attempt owns it; its outcome was not recorded",
                    job.jobId(), job.attempt());
        }
    }

    /**
     * A run stopped by a shutdown goes back in the queue at once, to resume on whichever node starts
     * next. Anything else that escaped (the database was unreachable) is retried in 30 seconds.
     */
    private static final class RequeueOrRetry implements FailureHandler<Void> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            Instant when = complete.getCause().filter(JobStopped.class::isInstance).isPresent()
                    ? Instant.now() : Instant.now().plusSeconds(30);
            operations.reschedule(complete, when);
        }
    }
}
