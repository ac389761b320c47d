package io.brigade.protocol.staff;

/** A staff member's PIN digest as a till syncs it, so that sign-in works while the server is away. */
public record StaffCredential(String staffId, String name, StaffRole role, String pinSalt, String pinDigest) {
}
