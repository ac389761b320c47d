package io.brigade.server.apps;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.protocol.Json;
import io.brigade.protocol.apps.AppWire.ConfigField;
import io.brigade.protocol.apps.AppWire.InstallRequest;
import io.brigade.protocol.apps.AppWire.InstallView;
import io.brigade.protocol.apps.AppWire.PermissionLevel;
import io.brigade.protocol.apps.AppWire;
import io.brigade.protocol.org.Brand;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.access.Caller;
import io.brigade.server.apps.AppRecords.Install;
import io.brigade.server.apps.AppRecords.OAuthApp;
import io.brigade.server.apps.AppRecords.StoreApp;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.webhooks.Envelope;
import io.brigade.server.webhooks.SecretBox;
import io.brigade.server.webhooks.SubscriptionRepository;
import io.brigade.server.webhooks.WebhookOutbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Install, reconfigure and uninstall an App Store app on the calling org (a manager's act). Each step is one
 * transaction that also appends the lifecycle event to the outbox for the app's lifecycle subscription, so the
 * webhook leaves only if the step committed; an uninstall also removes the subscriptions the app made there.
 */
final class InstallService {
    private static final int MAX_VALUE = 2000;

    private final Database database;
    private final AppRepository repository;
    private final OrgRepository orgs;
    private final SubscriptionRepository subscriptions;
    private final WebhookOutbox outbox;
    private final SecretBox box;
    private final Clock clock;
    private final Runnable hint;

    InstallService(Database database, AppRepository repository, OrgRepository orgs, SubscriptionRepository subscriptions,
                   WebhookOutbox outbox, SecretBox box, Clock clock, Runnable hint) {
        this.database = database;
        this.repository = repository;
        this.orgs = orgs;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.box = box;
        this.clock = clock;
        this.hint = hint;
    }

    InstallView install(String orgId, InstallRequest r, Caller manager) {
        Validation v = new Validation();
        v.require(r.appStoreAppId(), "appStoreAppId");
        v.throwIfUnprocessable();
        Instant now = clock.instant();
        InstallView view = database.inTransaction(c -> {
            StoreApp app = AppStoreService.installable(c, repository, orgId, r.appStoreAppId());
            Choice choice = check(c, orgId, app, r);
            // Two managers installing at once meet on the org row instead of the install's primary key.
            subscriptions.lockOrg(c, orgId);
            Optional<Install> old = repository.lockInstall(c, app.clientId(), orgId);
            if (old.isPresent() && old.get().active()) {
                throw new ConflictException("app " + app.appStoreAppId() + " is already installed on this org; "
                        + "reconfigure it with PUT instead");
            }
            Install i = new Install(app.clientId(), orgId, app.appStoreAppId(), AppWire.INSTALLED, choice.propertyIds(),
                    seal(choice.configuration()), manager.subject(), now, now, null);
            if (old.isPresent()) {
                repository.saveInstall(c, i);
            } else {
                repository.insertInstall(c, i);
            }
            return fire(c, LifecycleEvents.INSTALLED, app, i, manager);
        });
        hint.run();
        return view;
    }

    InstallView reconfigure(String orgId, String appStoreAppId, InstallRequest r, Caller manager) {
        Instant now = clock.instant();
        InstallView view = database.inTransaction(c -> {
            StoreApp app = repository.findStoreApp(c, appStoreAppId)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            Install old = repository.lockInstall(c, app.clientId(), orgId).filter(Install::active)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            Choice choice = check(c, orgId, app, new InstallRequest(appStoreAppId, r.propertyIds(), r.configuration()));
            Install i = new Install(old.clientId(), orgId, old.appStoreAppId(), AppWire.INSTALLED, choice.propertyIds(),
                    seal(choice.configuration()), old.installedBy(), old.installedAt(), now, null);
            repository.saveInstall(c, i);
            narrowSubscriptions(c, orgId, app.clientId(), choice.propertyIds(), now);
            return fire(c, LifecycleEvents.CONFIGURATION_UPDATED, app, i, manager);
        });
        hint.run();
        return view;
    }

    /** Revokes the app's access on the org at once and removes the subscriptions it made there. */
    void uninstall(String orgId, String appStoreAppId, Caller manager) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            StoreApp app = repository.findStoreApp(c, appStoreAppId)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            Install old = repository.lockInstall(c, app.clientId(), orgId).filter(Install::active)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            for (String sub : subscriptions.ofApp(c, orgId, app.clientId())) {
                subscriptions.delete(c, orgId, sub);
            }
            Install i = new Install(old.clientId(), orgId, old.appStoreAppId(), AppWire.UNINSTALLED,
                    old.propertyIds(), null, old.installedBy(), old.installedAt(), now, now);
            repository.saveInstall(c, i);
            return fire(c, LifecycleEvents.UNINSTALLED, app, old, manager);
        });
        hint.run();
    }

    List<InstallView> list(String orgId) {
        return database.read(c -> {
            List<InstallView> out = new ArrayList<>();
            for (Install i : repository.listInstalls(c, orgId)) {
                Optional<StoreApp> app = repository.findStoreApp(c, i.appStoreAppId());
                if (app.isPresent()) {
                    out.add(view(c, app.get(), i));
                }
            }
            return out;
        });
    }

    InstallView get(String orgId, String appStoreAppId) {
        return database.read(c -> {
            StoreApp app = repository.findStoreApp(c, appStoreAppId)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            Install i = repository.findInstall(c, app.clientId(), orgId)
                    .orElseThrow(() -> new NotFoundException("installed app " + appStoreAppId));
            return view(c, app, i);
        });
    }

    /** What the manager chose, checked against the app's selector and form. */
    private record Choice(List<String> propertyIds, Map<String, String> configuration) {
    }

    private Choice check(Connection c, String orgId, StoreApp app, InstallRequest r) throws SQLException {
        Validation v = new Validation();
        List<String> chosen = r.propertyIds() == null ? List.of() : r.propertyIds();
        switch (app.storeSelectorType()) {
            case AppWire.SELECTOR_NONE -> {
                if (!chosen.isEmpty()) {
                    v.error("propertyIds", "this app's store selector is None: it covers the whole org, choose no stores");
                }
            }
            case AppWire.SELECTOR_SINGLE -> {
                if (chosen.size() != 1) {
                    v.error("propertyIds", "this app's store selector is Single: choose exactly one store");
                }
            }
            default -> {
                // Multiple: no list is every store of the org, also those added later; a list is those stores.
            }
        }
        Set<String> known = new HashSet<>();
        for (Property p : orgs.properties(c, orgId)) {
            known.add(p.propertyId());
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == null || !known.contains(chosen.get(i))) {
                v.error("propertyIds[" + i + "]", "no store (property) " + chosen.get(i) + " in this org");
            }
        }
        Map<String, String> values = r.configuration() == null ? Map.of() : r.configuration();
        Map<String, String> kept = new LinkedHashMap<>();
        if (AppWire.CONFIG_HOSTED.equals(app.configurationType())) {
            Set<String> fieldKeys = new HashSet<>();
            for (ConfigField f : app.configurationFields()) {
                fieldKeys.add(f.key());
                String value = values.get(f.key());
                if (value == null || value.isBlank()) {
                    if (Boolean.TRUE.equals(f.required())) {
                        v.error("configuration." + f.key(), "is required (" + f.label() + ")");
                    }
                } else if (value.length() > MAX_VALUE) {
                    v.error("configuration." + f.key(), "must be at most " + MAX_VALUE + " characters");
                } else {
                    kept.put(f.key(), value);
                }
            }
            for (String key : values.keySet()) {
                if (!fieldKeys.contains(key)) {
                    v.error("configuration." + key, "is not a field of this app's configuration form");
                }
            }
        } else if (!values.isEmpty()) {
            v.error("configuration", "this app is configured through its external link, not a hosted form");
        }
        v.throwIfUnprocessable();
        return new Choice(List.copyOf(new LinkedHashSet<>(chosen)), kept);
    }

    // A store-limited app keeps only the stores still chosen in its subscriptions (all of them if none is left).
    private void narrowSubscriptions(Connection c, String orgId, String clientId, List<String> stores, Instant now)
            throws SQLException {
        if (stores.isEmpty()) {
            return;
        }
        for (String subId : subscriptions.ofApp(c, orgId, clientId)) {
            List<String> old = subscriptions.find(c, orgId, subId).orElseThrow().propertyIds();
            List<String> kept = old == null ? List.of() : old.stream().filter(stores::contains).toList();
            subscriptions.setProperties(c, subId, kept.isEmpty() ? stores : kept, now);
        }
    }

    private InstallView fire(Connection c, String type, StoreApp app, Install i, Caller manager)
            throws SQLException {
        InstallView view = view(c, app, i);
        Optional<OAuthApp> oauth = repository.findApp(c, app.clientId());
        String subId = oauth.map(OAuthApp::lifecycleSubscriptionId).orElse(null);
        if (subId == null || subscriptions.find(c, app.ownerOrgId(), subId).isEmpty()) {
            return view; // the integrator has not set a callback URL: nothing to send
        }
        Stores stores = stores(c, i.orgId(), view.propertyIds());
        Envelope e = Envelope.forOrg(type, i.orgId()).with("brandId", stores.brandId())
                .with("brandIds", stores.brandIds()).with("appStoreAppId", app.appStoreAppId())
                .with("clientId", app.clientId()).with("storeSelectorType", app.storeSelectorType())
                .with("allStores", view.allStores())
                .with("propertyIds", view.propertyIds()).with("salesChannelIds", view.salesChannelIds())
                .with("stores", stores.stores()).with("permissionLevel", view.permissionLevel())
                .with("configurationType", app.configurationType())
                .with("configuration", AppWire.CONFIG_HOSTED.equals(app.configurationType())
                        && !LifecycleEvents.UNINSTALLED.equals(type) ? view.configuration() : null)
                .actor(manager.subject(), null, manager.kind());
        outbox.appendFor(c, app.ownerOrgId(), e, subId);
        return view;
    }

    /** The chosen stores with their channels, and the brands those channels belong to. */
    private record Stores(String brandId, List<String> brandIds, List<Map<String, Object>> stores) {
    }

    private Stores stores(Connection c, String orgId, List<String> propertyIds) throws SQLException {
        LinkedHashSet<String> brands = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String propertyId : propertyIds) {
            List<String> channels = new ArrayList<>();
            for (SalesChannel sc : orgs.channels(c, orgId, propertyId)) {
                channels.add(sc.salesChannelId());
                if (sc.brandId() != null) {
                    brands.add(sc.brandId());
                }
            }
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("propertyId", propertyId);
            store.put("salesChannelIds", channels);
            out.add(store);
        }
        if (brands.isEmpty()) {
            for (Brand b : orgs.brands(c, orgId)) {
                brands.add(b.brandId());
            }
        }
        List<String> brandIds = List.copyOf(brands);
        return new Stores(brandIds.isEmpty() ? null : brandIds.get(0), brandIds, out);
    }

    private InstallView view(Connection c, StoreApp app, Install i) throws SQLException {
        boolean allStores = AppWire.SELECTOR_MULTIPLE.equals(app.storeSelectorType()) && i.propertyIds().isEmpty();
        List<String> stores = i.propertyIds();
        if (allStores) {
            stores = new ArrayList<>();
            for (Property p : orgs.properties(c, i.orgId())) {
                stores.add(p.propertyId());
            }
        }
        List<String> channels = new ArrayList<>();
        for (String propertyId : stores) {
            for (SalesChannel sc : orgs.channels(c, i.orgId(), propertyId)) {
                channels.add(sc.salesChannelId());
            }
        }
        return new InstallView(app.appStoreAppId(), app.clientId(), app.name(), i.orgId(), i.state(),
                app.storeSelectorType(), List.copyOf(stores), channels,
                new PermissionLevel(app.permissionLevelName(), app.scopes()), app.configurationType(),
                app.externalLinkUrl(), open(i.configurationBox()), i.installedBy(), i.installedAt(), i.updatedAt(),
                i.uninstalledAt(), allStores);
    }

    // Hosted values may be API keys: sealed at rest like webhook secrets.
    private String seal(Map<String, String> configuration) {
        if (configuration.isEmpty()) {
            return null;
        }
        try {
            return box.seal(Json.mapper().writeValueAsString(configuration));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> open(String sealed) {
        if (sealed == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(box.open(sealed), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
