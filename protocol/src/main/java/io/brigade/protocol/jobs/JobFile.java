package io.brigade.protocol.jobs;

/** A file a job produced: its name, media type and number of data rows. */
public record JobFile(String name, String contentType, int rows) {
}
