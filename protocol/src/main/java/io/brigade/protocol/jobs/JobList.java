package io.brigade.protocol.jobs;

import java.util.List;

/** A page of jobs, newest first. */
public record JobList(List<Job> data) {
}
