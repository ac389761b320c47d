package io.brigade.protocol.staff;

/** The back office's request to add a staff member with a role and a PIN of 4 to 8 digits. */
public record NewStaffMember(String name, String role, String pin) {
}
