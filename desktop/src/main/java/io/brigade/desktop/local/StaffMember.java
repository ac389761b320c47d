package io.brigade.desktop.local;

/**
 * Someone who signs in at this terminal, with the language they chose for themselves (an ISO 639 code; null: the
 * terminal's own).
 */
public record StaffMember(String staffId, String name, Role role, String language) {
    public StaffMember(String staffId, String name, Role role) {
        this(staffId, name, role, null);
    }

    public StaffMember withLanguage(String code) {
        return new StaffMember(staffId, name, role, code);
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }
}
