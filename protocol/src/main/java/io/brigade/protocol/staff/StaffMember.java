package io.brigade.protocol.staff;

import java.time.Instant;

/** A staff member as the back office lists them (never with their PIN). */
public record StaffMember(String staffId, String name, StaffRole role, Instant createdAt) {
}
