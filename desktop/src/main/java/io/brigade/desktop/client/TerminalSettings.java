package io.brigade.desktop.client;

import java.util.Objects;

/**
 * Which server this terminal talks to and as whom: the org, property and POS sales channel it sells for,
 * with the OAuth client it authenticates as. {@code embedded} marks the in-process demo server. A desktop that
 * joined a store by pairing has a {@code link} (its device credential and the pinned certificate) instead of an
 * OAuth client, whose id and secret are then empty.
 */
public record TerminalSettings(String serverUrl, String clientId, String clientSecret, String orgId,
                               String propertyId, String salesChannelId, String terminalName, boolean embedded,
                               StoreLink link) {
    public TerminalSettings(String serverUrl, String clientId, String clientSecret, String orgId, String propertyId,
                            String salesChannelId, String terminalName, boolean embedded) {
        this(serverUrl, clientId, clientSecret, orgId, propertyId, salesChannelId, terminalName, embedded, null);
    }

    /** A desktop joined to a store by pairing: it reaches {@code serverUrl} over HTTPS as the device {@code link}. */
    public static TerminalSettings joined(String serverUrl, String orgId, String propertyId, String salesChannelId,
                                          StoreLink link) {
        Objects.requireNonNull(link, "link == null");
        return new TerminalSettings(serverUrl, "", "", orgId, propertyId, salesChannelId == null ? "" : salesChannelId,
                link.deviceName(), false, link);
    }

    public TerminalSettings {
        Objects.requireNonNull(serverUrl, "serverUrl == null");
        Objects.requireNonNull(clientId, "clientId == null");
        Objects.requireNonNull(clientSecret, "clientSecret == null");
        Objects.requireNonNull(orgId, "orgId == null");
        Objects.requireNonNull(propertyId, "propertyId == null");
        Objects.requireNonNull(salesChannelId, "salesChannelId == null");
        terminalName = terminalName == null || terminalName.isBlank() ? "till-1" : terminalName;
    }

    /** Same terminal, another server address (the embedded server picks a new port on each start). */
    public TerminalSettings withServerUrl(String url) {
        return new TerminalSettings(url, clientId, clientSecret, orgId, propertyId, salesChannelId, terminalName,
                embedded, link);
    }

    /** True for a desktop that joined a store by pairing. */
    public boolean joined() {
        return link != null;
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "TerminalSettings[" + serverUrl + ", org " + orgId + ", channel " + salesChannelId + ", "
                + terminalName + (embedded ? ", embedded" : "") + (link != null ? ", " + link : "") + "]";
    }
}
