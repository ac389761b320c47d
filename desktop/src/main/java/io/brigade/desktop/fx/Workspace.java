package io.brigade.desktop.fx;

/** The app's workspaces, in the order they appear. */
public enum Workspace {
    TILL, KITCHEN, DASHBOARD, MENU, BACK_OFFICE
}
