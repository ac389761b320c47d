package io.brigade.protocol.staff;

/** {@code POST /backoffice/v1/sessions}: a staff member signs in to an org with their PIN. */
public record SessionRequest(String orgId, String pin) {
}
