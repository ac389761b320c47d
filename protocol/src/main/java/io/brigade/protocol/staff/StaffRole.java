package io.brigade.protocol.staff;

import java.util.Locale;
import java.util.Optional;

/** What a staff member does; on the wire as its upper-case name ({@code "MANAGER"}). */
public enum StaffRole {
    CASHIER, KITCHEN, MANAGER;

    /** The role named on the wire, case-insensitively, if it is one. */
    public static Optional<StaffRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
