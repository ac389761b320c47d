package io.brigade.server.jobs;

import io.brigade.protocol.jobs.JobList;
import io.brigade.protocol.jobs.JobRequest;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.org.Entitlement;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.org.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The job dashboard in the back office: {@code /backoffice/v1/orgs/{orgId}/jobs} (list, start), one job,
 * {@code /cancel}, and the result files. Professional plan and above.
 */
public final class JobRoutes {
    private static final String JOBS = "/backoffice/v1/orgs/{orgId}/jobs";
    private static final int MAX_LIST = 500;

    private final Database database;
    private final OrgRepository orgs;
    private final JobEngine engine;

    public JobRoutes(Database database, OrgRepository orgs, JobEngine engine) {
        this.database = database;
        this.orgs = orgs;
        this.engine = engine;
    }

    public void register(Router router) {
        router.get(JOBS, Access.manager(), this::list)
                .post(JOBS, Access.manager(), this::start)
                .get(JOBS + "/{jobId}", Access.manager(), ex -> Reply.ok(engine.view(org(ex), ex.path("jobId"))))
                .post(JOBS + "/{jobId}/cancel", Access.manager(), ex -> Reply.ok(engine.cancel(org(ex), ex.path("jobId"))))
                .get(JOBS + "/{jobId}/result", Access.manager(), this::result)
                .get(JOBS + "/{jobId}/result/{name}", Access.manager(), this::resultFile);
    }

    /** The caller's org, after the plan check every job route makes. */
    private String org(Exchange ex) {
        String orgId = ex.path("orgId");
        Entitlement plan = database.read(c -> orgs.plan(c, orgId)).orElseThrow(() -> new NotFoundException("org " + orgId));
        plan.plan().require(Plan.PROFESSIONAL, Plan.Features.JOBS);
        return orgId;
    }

    private Reply list(Exchange ex) {
        String orgId = org(ex);
        JobStatus status = null;
        if (ex.query("status").isPresent()) {
            status = JobStatus.fromWire(ex.query("status").get());
            if (status == null) {
                throw InvalidInputException.malformed("status must be one of waiting, delayed, active, completed, failed, "
                        + "cancelled");
            }
        }
        String type = ex.query("type").orElse(null);
        if (type != null && !engine.types().contains(type)) {
            throw InvalidInputException.malformed("type must be one of " + String.join(", ", engine.types()));
        }
        int limit = 100;
        if (ex.query("limit").isPresent()) {
            try {
                limit = Integer.parseInt(ex.query("limit").get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIST) {
                throw InvalidInputException.malformed("limit must be a number from 1 to " + MAX_LIST);
            }
        }
        return Reply.ok(new JobList(engine.list(orgId, status, type, limit)));
    }

    private Reply start(Exchange ex) throws IOException {
        String orgId = org(ex);
        var job = engine.submit(orgId, ex.json(JobRequest.class));
        return new Reply(202, job, "application/json",
                Map.of("Location", "/backoffice/v1/orgs/" + orgId + "/jobs/" + job.jobId()));
    }

    /** One file as itself; several as a zip of them all, written as it is sent. */
    private Reply result(Exchange ex) throws IOException {
        String orgId = org(ex);
        String jobId = ex.path("jobId");
        List<JobRepository.FileRow> files = engine.files(orgId, jobId);
        if (files.isEmpty()) {
            throw new NotFoundException("a result file of job " + jobId);
        }
        if (files.size() == 1) {
            return file(jobId, files.get(0));
        }
        Reply.Packed zipped = out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            // The entries are CSV: the fastest level still shrinks them several times.
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (JobRepository.FileRow f : files) {
                zip.putNextEntry(new ZipEntry(f.name()));
                if (f.parts() == null) {
                    zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                } else {
                    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(engine.compressed(jobId, f),
                            1 << 16)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        };
        return new Reply(200, zipped, "application/zip",
                Map.of("Content-Disposition", "attachment; filename=\"job-" + jobId + ".zip\""));
    }

    private Reply resultFile(Exchange ex) {
        String orgId = org(ex);
        String jobId = ex.path("jobId");
        String name = ex.path("name");
        return engine.files(orgId, jobId).stream().filter(f -> f.name().equals(name)).findFirst()
                .map(f -> file(jobId, f)).orElseThrow(() -> new NotFoundException("result file " + name));
    }

    private Reply file(String jobId, JobRepository.FileRow f) {
        Map<String, String> headers = Map.of("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
        if (f.parts() != null) {
            Reply.Gzipped stored = () -> engine.compressed(jobId, f);
            return new Reply(200, stored, f.contentType(), headers);
        }
        return new Reply(200, f.content().getBytes(StandardCharsets.UTF_8), f.contentType(), headers);
    }
}
