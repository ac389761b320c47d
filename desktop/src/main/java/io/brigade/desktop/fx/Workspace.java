package io.brigade.desktop.fx;

/** The app's workspaces, in the order they appear. */
public enum Workspace {
    TILL("Till"), KITCHEN("Kitchen"), DASHBOARD("Dashboard"), MENU("Menu"), BACK_OFFICE("Back office");

    private final String title;

    Workspace(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
