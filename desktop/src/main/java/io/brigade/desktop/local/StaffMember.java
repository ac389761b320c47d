package io.brigade.desktop.local;

/** Someone who signs in at this terminal. */
public record StaffMember(String staffId, String name, Role role) {
    public boolean isManager() {
        return role == Role.MANAGER;
    }
}
