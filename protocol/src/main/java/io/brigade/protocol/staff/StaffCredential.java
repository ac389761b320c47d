package io.brigade.protocol.staff;

/**
 * A staff member's PIN digest as a till syncs it, so that sign-in works while the server is away, with the language
 * they chose ({@link LanguageChange}; null: the device's own).
 */
public record StaffCredential(String staffId, String name, StaffRole role, String pinSalt, String pinDigest,
                              String language) {

    public StaffCredential(String staffId, String name, StaffRole role, String pinSalt, String pinDigest) {
        this(staffId, name, role, pinSalt, pinDigest, null);
    }
}
