package io.brigade.protocol.devices;

/**
 * The answer to a pairing: the device's own credential ({@code credential}, sent as {@code Authorization: Bearer};
 * shown nowhere and stored only on the device), who and where it is, and the fingerprint it pins from now on.
 * A till numbers its sales {@code displayPrefix}-0001, -0002..., unique in its store even while offline.
 */
public record DevicePairing(String deviceId, String credential, String orgId, String orgName, String propertyId,
                            String propertyName, String salesChannelId, DeviceRole role, String name,
                            String displayPrefix, String fingerprint) {

    @Override
    public String toString() {
        // Never print the credential.
        return "DevicePairing[" + deviceId + ", org " + orgId + ", property " + propertyId + ", " + role + ", "
                + name + "]";
    }
}
