package io.brigade.server.apps;

import io.brigade.protocol.apps.AppWire.ConfigField;
import io.brigade.protocol.apps.AppWire.PermissionLevel;
import io.brigade.protocol.apps.AppWire.StoreAppRequest;
import io.brigade.protocol.apps.AppWire.StoreAppView;
import io.brigade.protocol.apps.AppWire;
import io.brigade.server.apps.AppRecords.StoreApp;
import io.brigade.server.access.Scopes;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.webhooks.CallbackGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * App Store apps: a developer org lists one of its OAuth apps (a draft it may edit), submits it, and a
 * platform operator approves it (a reviewer org through the back office, or the command line). Only approved
 * apps are offered to other orgs.
 */
public final class AppStoreService {
    static final int MAX_FIELDS = 20;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final Database database;
    private final AppRepository repository;
    private final CallbackGuard guard;
    private final Clock clock;

    AppStoreService(Database database, AppRepository repository, CallbackGuard guard, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.guard = guard;
        this.clock = clock;
    }

    StoreAppView create(String orgId, StoreAppRequest r) {
        validate(r, true);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            if (repository.findOwnedApp(c, orgId, r.clientId()).isEmpty()) {
                throw InvalidInputException.unprocessable("clientId",
                        "no OAuth app " + r.clientId() + " in this org");
            }
            if (repository.findStoreAppOfClient(c, r.clientId()).isPresent()) {
                throw new ConflictException("OAuth app " + r.clientId() + " already has an App Store app; edit that one");
            }
            StoreApp s = build("asa_" + UUID.randomUUID(), orgId, r, AppWire.DRAFT, now, now);
            repository.insertStoreApp(c, s);
            return view(s);
        });
    }

    /** Replaces a draft's listing; submitted and approved apps are frozen (409). */
    StoreAppView update(String orgId, String appStoreAppId, StoreAppRequest r) {
        validate(r, false);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            StoreApp old = owned(c, orgId, appStoreAppId);
            if (!AppWire.DRAFT.equals(old.state())) {
                throw new ConflictException("App Store app " + appStoreAppId + " is " + old.state()
                        + "; only a draft can be edited");
            }
            StoreApp s = build(old.appStoreAppId(), orgId, new StoreAppRequest(old.clientId(), r.name(),
                    r.description(), r.developedBy(), r.logoUrl(), r.categories(), r.supportedCountries(),
                    r.permissionLevel(), r.storeSelectorType(), r.configurationType(), r.externalLinkUrl(),
                    r.configurationFields()), AppWire.DRAFT, old.createdAt(), now);
            repository.saveStoreApp(c, s);
            return view(s);
        });
    }

    StoreAppView submit(String orgId, String appStoreAppId) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            StoreApp old = owned(c, orgId, appStoreAppId);
            if (!AppWire.DRAFT.equals(old.state())) {
                throw new ConflictException("App Store app " + appStoreAppId + " is already " + old.state());
            }
            StoreApp s = withState(old, AppWire.SUBMITTED, now, null, null, now);
            repository.saveStoreApp(c, s);
            return view(s);
        });
    }

    List<StoreAppView> listOwn(String orgId) {
        return database.read(c -> repository.listStoreApps(c, orgId)).stream().map(AppStoreService::view).toList();
    }

    StoreAppView getOwn(String orgId, String appStoreAppId) {
        return view(database.read(c -> owned(c, orgId, appStoreAppId)));
    }

    /** What an org may install: every approved app, plus its own apps in any state (to try in its sandbox). */
    List<StoreAppView> catalogue(String orgId) {
        return database.read(c -> {
            List<StoreAppView> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (StoreApp s : repository.listStoreAppsInState(c, AppWire.APPROVED)) {
                out.add(view(s));
                seen.add(s.appStoreAppId());
            }
            for (StoreApp s : repository.listStoreApps(c, orgId)) {
                if (seen.add(s.appStoreAppId())) {
                    out.add(view(s));
                }
            }
            return out;
        });
    }

    StoreAppView catalogueEntry(String orgId, String appStoreAppId) {
        return view(database.read(c -> installable(c, orgId, appStoreAppId)));
    }

    /** An app this org may install; a draft of another org answers 404, like an unknown id. */
    static StoreApp installable(Connection c, AppRepository repository, String orgId, String appStoreAppId)
            throws SQLException {
        return repository.findStoreApp(c, appStoreAppId)
                .filter(s -> AppWire.APPROVED.equals(s.state()) || s.ownerOrgId().equals(orgId))
                .orElseThrow(() -> new NotFoundException("App Store app " + appStoreAppId));
    }

    private StoreApp installable(Connection c, String orgId, String appStoreAppId) throws SQLException {
        return installable(c, repository, orgId, appStoreAppId);
    }

    // ---- operator review

    /** Apps waiting for review, for a reviewer org. */
    List<StoreAppView> reviewQueue(String reviewerOrgId, String state) {
        requireReviewer(reviewerOrgId);
        return listInState(state);
    }

    public List<StoreAppView> listInState(String state) {
        String wanted = state == null ? AppWire.SUBMITTED : state;
        if (!List.of(AppWire.DRAFT, AppWire.SUBMITTED, AppWire.APPROVED).contains(wanted)) {
            throw InvalidInputException.malformed("state",
                    "must be one of Draft, Submitted, Approved");
        }
        return database.read(c -> repository.listStoreAppsInState(c, wanted)).stream().map(AppStoreService::view).toList();
    }

    StoreAppView approveAsReviewer(String reviewerOrgId, String appStoreAppId) {
        requireReviewer(reviewerOrgId);
        return approve(appStoreAppId, "org:" + reviewerOrgId);
    }

    /** Approves a submitted app; {@code by} names the operator (reviewer org, or the command line's user). */
    public StoreAppView approve(String appStoreAppId, String by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            StoreApp old = repository.findStoreApp(c, appStoreAppId)
                    .orElseThrow(() -> new NotFoundException("App Store app " + appStoreAppId));
            if (!AppWire.SUBMITTED.equals(old.state())) {
                throw new ConflictException("App Store app " + appStoreAppId + " is " + old.state()
                        + "; only a submitted app can be approved");
            }
            StoreApp s = withState(old, AppWire.APPROVED, old.submittedAt(), now, by, now);
            repository.saveStoreApp(c, s);
            return view(s);
        });
    }

    private void requireReviewer(String orgId) {
        if (!database.read(c -> repository.isReviewer(c, orgId))) {
            throw new ForbiddenException("only an operator (reviewer) org may review App Store apps; an operator "
                    + "marks one with 'apps reviewer --org ID' on the command line");
        }
    }

    // ---- helpers

    private StoreApp owned(Connection c, String orgId, String appStoreAppId) throws SQLException {
        return repository.findStoreApp(c, appStoreAppId).filter(s -> s.ownerOrgId().equals(orgId))
                .orElseThrow(() -> new NotFoundException("App Store app " + appStoreAppId));
    }

    private static StoreApp withState(StoreApp s, String state, Instant submittedAt, Instant approvedAt, String by,
                                      Instant now) {
        return new StoreApp(s.appStoreAppId(), s.clientId(), s.ownerOrgId(), s.name(), s.description(),
                s.developedBy(), s.logoUrl(), s.categories(), s.supportedCountries(), s.permissionLevelName(),
                s.scopes(), s.storeSelectorType(), s.configurationType(), s.externalLinkUrl(), s.configurationFields(),
                state, submittedAt, approvedAt, by, s.createdAt(), now);
    }

    private static StoreApp build(String id, String orgId, StoreAppRequest r, String state, Instant created,
                                  Instant now) {
        boolean hosted = AppWire.CONFIG_HOSTED.equals(r.configurationType());
        List<ConfigField> fields = hosted && r.configurationFields() != null ? r.configurationFields().stream()
                .map(f -> new ConfigField(f.key(), f.label().strip(), Boolean.TRUE.equals(f.required()))).toList()
                : List.of();
        return new StoreApp(id, r.clientId(), orgId, r.name().strip(), r.description().strip(),
                r.developedBy().strip(), blankToNull(r.logoUrl()), List.copyOf(new LinkedHashSet<>(r.categories())),
                List.copyOf(new LinkedHashSet<>(r.supportedCountries())), r.permissionLevel().name().strip(),
                List.copyOf(new LinkedHashSet<>(r.permissionLevel().scopes())), r.storeSelectorType(),
                r.configurationType(), hosted ? null : r.externalLinkUrl().strip(), fields, state, null, null, null,
                created, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void validate(StoreAppRequest r, boolean creating) {
        Validation v = new Validation();
        if (creating) {
            v.require(r.clientId(), "clientId");
        }
        text(r.name(), "name", 200, v);
        text(r.description(), "description", 4000, v);
        text(r.developedBy(), "developedBy", 200, v);
        if (r.logoUrl() != null && !r.logoUrl().isBlank()) {
            url(r.logoUrl(), "logoUrl", v);
        }
        list(r.categories(), "categories", 20, v, (value, field) -> {
            if (value.isBlank() || value.length() > 60 || value.contains(",")) {
                v.error(field, "must be 1 to 60 characters without commas");
            }
        });
        list(r.supportedCountries(), "supportedCountries", 250, v, (value, field) -> {
            if (!COUNTRY.matcher(value).matches()) {
                v.error(field, "must be an ISO 3166-1 alpha-2 country code such as IE");
            }
        });
        if (v.require(r.permissionLevel(), "permissionLevel")) {
            text(r.permissionLevel().name(), "permissionLevel.name", 100, v);
            list(r.permissionLevel().scopes(), "permissionLevel.scopes", Scopes.ALL.size(), v, (value, field) -> {
                if (!Scopes.ALL.contains(value)) {
                    v.error(field, "unknown scope " + value + "; use some of " + Scopes.ALL);
                }
            });
        }
        if (v.require(r.storeSelectorType(), "storeSelectorType") && !AppWire.SELECTORS.contains(r.storeSelectorType())) {
            v.error("storeSelectorType", "must be one of " + AppWire.SELECTORS);
        }
        if (v.require(r.configurationType(), "configurationType")) {
            if (AppWire.CONFIG_EXTERNAL_LINK.equals(r.configurationType())) {
                if (v.require(r.externalLinkUrl(), "externalLinkUrl")) {
                    url(r.externalLinkUrl(), "externalLinkUrl", v);
                }
            } else if (AppWire.CONFIG_HOSTED.equals(r.configurationType())) {
                fields(r.configurationFields(), v);
            } else {
                v.error("configurationType", "must be one of " + AppWire.CONFIGURATION_TYPES);
            }
        }
        v.throwIfUnprocessable();
    }

    private static void fields(List<ConfigField> fields, Validation v) {
        if (fields == null || fields.isEmpty()) {
            v.error("configurationFields", "a hosted configuration needs at least one field");
            return;
        }
        if (fields.size() > MAX_FIELDS) {
            v.error("configurationFields", "at most " + MAX_FIELDS + " fields");
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            ConfigField f = fields.get(i);
            String at = "configurationFields[" + i + "]";
            if (f == null) {
                v.error(at, "must be an object");
                continue;
            }
            if (f.key() == null || !KEY.matcher(f.key()).matches()) {
                v.error(at + ".key", "must be a letter then up to 39 letters, digits or underscores");
            } else if (!keys.add(f.key())) {
                v.error(at + ".key", "duplicate key " + f.key());
            }
            text(f.label(), at + ".label", 200, v);
        }
    }

    private static void text(String value, String field, int max, Validation v) {
        if (v.require(value, field) && value.strip().length() > max) {
            v.error(field, "must be at most " + max + " characters");
        }
    }

    private void url(String value, String field, Validation v) {
        if (value.length() > 2000) {
            v.error(field, "must be at most 2000 characters");
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            boolean http = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && guard.allowsPrivate());
            if (!http || uri.getHost() == null) {
                v.error(field, "must be an https URL");
            }
        } catch (java.net.URISyntaxException e) {
            v.error(field, "is not a URL");
        }
    }

    private interface Check {
        void apply(String value, String field);
    }

    private static void list(List<String> values, String field, int max, Validation v, Check check) {
        if (values == null || values.isEmpty()) {
            v.error(field, "name at least one");
            return;
        }
        if (values.size() > max) {
            v.error(field, "at most " + max + " entries");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                v.error(field + "[" + i + "]", "must not be null");
            } else {
                check.apply(values.get(i), field + "[" + i + "]");
            }
        }
    }

    private static StoreAppView view(AppRecords.StoreApp s) {
        return new StoreAppView(s.appStoreAppId(), s.clientId(), s.ownerOrgId(), s.name(), s.description(),
                s.developedBy(), s.logoUrl(), s.categories(), s.supportedCountries(),
                new PermissionLevel(s.permissionLevelName(), s.scopes()), s.storeSelectorType(),
                s.configurationType(), s.externalLinkUrl(), s.configurationFields(), s.state(), s.submittedAt(),
                s.approvedAt(), s.approvedBy(), s.createdAt(), s.updatedAt());
    }
}
