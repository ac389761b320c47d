package io.brigade.protocol.org;

/** A tenant: a chain, franchise or independent business. */
public record Org(String orgId, String name, String plan) {
}
