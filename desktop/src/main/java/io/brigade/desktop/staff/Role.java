package io.brigade.desktop.staff;

import io.brigade.desktop.app.Workspace;
import java.util.EnumSet;
import java.util.Set;

/** What a staff member does, and so which workspaces they see. */
public enum Role {
    CASHIER(EnumSet.of(Workspace.TILL)),
    KITCHEN(EnumSet.of(Workspace.KITCHEN)),
    MANAGER(EnumSet.allOf(Workspace.class));

    private final Set<Workspace> workspaces;

    Role(Set<Workspace> workspaces) {
        this.workspaces = workspaces;
    }

    public Set<Workspace> workspaces() {
        return workspaces;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
