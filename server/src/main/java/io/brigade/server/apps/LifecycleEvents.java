package io.brigade.server.apps;

import java.util.List;

/** The app lifecycle webhook event types sent to an OAuth app's callback URL. */
public final class LifecycleEvents {
    public static final String INSTALLED = "app.installed.v1";
    public static final String CONFIGURATION_UPDATED = "app.configuration.updated.v1";
    public static final String UNINSTALLED = "app.uninstalled.v1";
    public static final List<String> ALL = List.of(INSTALLED, CONFIGURATION_UPDATED, UNINSTALLED);

    private LifecycleEvents() {
    }
}
