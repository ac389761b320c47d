package io.brigade.protocol.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Starts a job: its {@code type} (one of the eight FoodFlex job types), the type's {@code parameters}
 * object and, optionally, {@code delaySeconds} before it may run (a delayed job).
 */
public record JobRequest(String type, JsonNode parameters, Long delaySeconds) {
}
