package io.brigade.protocol.staff;

import java.time.Instant;

/** A signed-in staff member's bearer token for the back office, with who they are and when it ends. */
public record StaffSession(String token, String tokenType, Instant expiresAt, String staffId, String name,
                           StaffRole role) {
}
