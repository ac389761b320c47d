package io.brigade.protocol.staff;

/** {@code PUT /backoffice/v1/sessions/current/pin}: the signed-in member chooses their own PIN (4 to 8 digits). */
public record PinChange(String pin) {
}
