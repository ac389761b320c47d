package io.brigade.desktop.local;

/** What a staff member does at this terminal; the shell decides from it which workspaces they see. */
public enum Role {
    CASHIER, KITCHEN, MANAGER
}
