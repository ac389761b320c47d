package io.brigade.protocol.org;

/** A trading identity of an org. */
public record Brand(String brandId, String orgId, String name) {
}
