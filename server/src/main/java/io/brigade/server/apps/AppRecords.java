package io.brigade.server.apps;

import io.brigade.protocol.apps.AppWire.ConfigField;
import io.brigade.protocol.apps.AppWire;
import java.time.Instant;
import java.util.List;

/** The stored rows of the apps feature (domain tier; the wire shapes are in {@link AppWire}). */
final class AppRecords {
    private AppRecords() {
    }

    /** An integrator's OAuth app: a credential pair owned by a developer org. */
    record OAuthApp(String clientId, String ownerOrgId, String name, String secretHash, String previousSecretHash,
                    Instant previousSecretExpiresAt, String lifecycleSubscriptionId, Instant createdAt,
                    Instant secretRotatedAt) {
    }

    /** An App Store listing of an OAuth app. */
    record StoreApp(String appStoreAppId, String clientId, String ownerOrgId, String name, String description,
                    String developedBy, String logoUrl, List<String> categories, List<String> supportedCountries,
                    String permissionLevelName, List<String> scopes, String storeSelectorType,
                    String configurationType, String externalLinkUrl, List<ConfigField> configurationFields,
                    String state, Instant submittedAt, Instant approvedAt, String approvedBy, Instant createdAt,
                    Instant updatedAt) {
    }

    /** An install of an app on an org (kept after an uninstall, with state Uninstalled). */
    record Install(String clientId, String orgId, String appStoreAppId, String state, List<String> propertyIds,
                   String configurationBox, String installedBy, Instant installedAt, Instant updatedAt,
                   Instant uninstalledAt) {
        boolean active() {
            return AppWire.INSTALLED.equals(state);
        }
    }
}
