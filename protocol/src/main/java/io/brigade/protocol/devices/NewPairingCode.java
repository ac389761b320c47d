package io.brigade.protocol.devices;

/**
 * {@code POST /backoffice/v1/orgs/{orgId}/devices/pairing-codes}: a manager adds a device to a store (property)
 * with its role and, optionally, the name it will have (the device may offer its own).
 */
public record NewPairingCode(String propertyId, String role, String name) {
}
