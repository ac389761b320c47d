package io.brigade.protocol.apps;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and answer bodies of the app routes, and the wire names of their enumerations. */
public final class AppWire {
    public static final String DRAFT = "Draft";
    public static final String SUBMITTED = "Submitted";
    public static final String APPROVED = "Approved";
    public static final String INSTALLED = "Installed";
    public static final String UNINSTALLED = "Uninstalled";

    public static final String SELECTOR_NONE = "None";
    public static final String SELECTOR_SINGLE = "Single";
    public static final String SELECTOR_MULTIPLE = "Multiple";
    public static final List<String> SELECTORS = List.of(SELECTOR_NONE, SELECTOR_SINGLE, SELECTOR_MULTIPLE);

    public static final String CONFIG_EXTERNAL_LINK = "ExternalLink";
    public static final String CONFIG_HOSTED = "Hosted";
    public static final List<String> CONFIGURATION_TYPES = List.of(CONFIG_EXTERNAL_LINK, CONFIG_HOSTED);

    private AppWire() {
    }

    /** Create or change an OAuth app: its name and the callback URL of its lifecycle webhooks. */
    public record OAuthAppRequest(String name, String callbackUrl) {
    }

    /** An OAuth app; {@code clientSecret} and {@code webhookSecret} only in the answer that created them. */
    public record OAuthAppView(String clientId, String name, String callbackUrl, List<String> eventTypes,
                               String lifecycleSubscriptionId, Instant createdAt, Instant secretRotatedAt,
                               Instant previousSecretExpiresAt, String clientSecret, String webhookSecret) {
    }

    /** The answer to a secret rotation: the new secret, shown once, and until when the old one still works. */
    public record RotatedSecret(String clientId, String clientSecret, Instant previousSecretExpiresAt) {
    }

    /** The named set of scopes an install grants. */
    public record PermissionLevel(String name, List<String> scopes) {
    }

    /** Create or change an App Store app (a draft). */
    public record StoreAppRequest(String clientId, String name, String description, String developedBy,
                                  String logoUrl, List<String> categories, List<String> supportedCountries,
                                  PermissionLevel permissionLevel, String storeSelectorType, String configurationType,
                                  String externalLinkUrl, List<ConfigField> configurationFields) {
    }

    /** An App Store app as its developer, reviewers and installing managers see it. */
    public record StoreAppView(String appStoreAppId, String clientId, String ownerOrgId, String name,
                               String description, String developedBy, String logoUrl, List<String> categories,
                               List<String> supportedCountries, PermissionLevel permissionLevel,
                               String storeSelectorType, String configurationType, String externalLinkUrl,
                               List<ConfigField> configurationFields, String state, Instant submittedAt,
                               Instant approvedAt, String approvedBy, Instant createdAt, Instant updatedAt) {
    }

    /**
     * Install or reconfigure: the chosen stores (properties) and the hosted form's values. A Multiple app installed
     * without stores covers every store of the org, also those added later.
     */
    public record InstallRequest(String appStoreAppId, List<String> propertyIds, Map<String, String> configuration) {
    }

    /**
     * An install on the calling org. {@code allStores} is true for an install that covers every store of the org,
     * including stores added later (a Multiple app installed without a list of stores); {@code propertyIds} and
     * {@code salesChannelIds} then name the stores and channels there are now.
     */
    public record InstallView(String appStoreAppId, String clientId, String appName, String orgId, String state,
                              String storeSelectorType, List<String> propertyIds, List<String> salesChannelIds,
                              PermissionLevel permissionLevel, String configurationType, String externalLinkUrl,
                              Map<String, String> configuration, String installedBy, Instant installedAt,
                              Instant updatedAt, Instant uninstalledAt, Boolean allStores) {
    }

    /** One field of a hosted configuration form. */
    public record ConfigField(String key, String label, Boolean required) {
    }

    /** An operator's decision on a submitted app. */
    public record Review(String note) {
    }
}
