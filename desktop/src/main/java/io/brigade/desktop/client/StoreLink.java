package io.brigade.desktop.client;

import io.brigade.protocol.devices.DeviceRole;
import java.util.Objects;

/**
 * How a desktop that joined a store reaches it: its own device credential (sent as {@code Authorization: Bearer},
 * shown nowhere), the store server's certificate fingerprint it pinned at pairing, and what the store made of it
 * (its role, name and, for a till, the prefix of its display numbers).
 */
public record StoreLink(String deviceId, String credential, String fingerprint, DeviceRole role, String deviceName,
                        String displayPrefix, String storeName) {
    public StoreLink {
        Objects.requireNonNull(deviceId, "deviceId == null");
        Objects.requireNonNull(credential, "credential == null");
        Objects.requireNonNull(fingerprint, "fingerprint == null");
        Objects.requireNonNull(role, "role == null");
        deviceName = deviceName == null ? "" : deviceName;
        storeName = storeName == null ? "" : storeName;
    }

    @Override
    public String toString() {
        // Never print the credential.
        return "StoreLink[" + deviceId + ", " + role + ", " + deviceName + "]";
    }
}
