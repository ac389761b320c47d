package io.brigade.protocol.devices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a device of the store is for. A till sells, a kitchen screen shows and bumps tickets, an office PC is
 * where managers work; each reaches only what its role needs. Printers will join as devices of their own role.
 */
public enum DeviceRole {
    TILL,
    KITCHEN_SCREEN,
    OFFICE;

    /** The role named by {@code value} (any case), if it is one. */
    public static Optional<DeviceRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(v)).findFirst();
    }
}
