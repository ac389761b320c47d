package io.brigade.protocol.devices;

/** {@code PATCH /backoffice/v1/orgs/{orgId}/devices/{deviceId}}: a new name and/or role (null keeps it). */
public record DeviceUpdate(String name, String role) {
}
