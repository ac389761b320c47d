package io.brigade.protocol.analytics;

/** The 202 answer to an event batch: how many were new and how many had been stored before. */
public record EventsAccepted(int accepted, int duplicates) {
}
