package io.brigade.server.apps;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.protocol.Json;
import io.brigade.protocol.apps.AppWire.ConfigField;
import io.brigade.protocol.apps.AppWire;
import io.brigade.server.apps.AppRecords.Install;
import io.brigade.server.apps.AppRecords.OAuthApp;
import io.brigade.server.apps.AppRecords.StoreApp;
import io.brigade.server.db.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** OAuth apps, their tokens, App Store listings and installs. */
final class AppRepository {
    private static final String APP_COLUMNS = "client_id, owner_org_id, name, secret_hash, previous_secret_hash, "
            + "previous_secret_expires_at, lifecycle_subscription_id, created_at, secret_rotated_at";
    private static final String STORE_COLUMNS = "app_store_app_id, client_id, owner_org_id, name, description, "
            + "developed_by, logo_url, categories, supported_countries, permission_level_name, scopes, "
            + "store_selector_type, configuration_type, external_link_url, configuration_fields, state, submitted_at, "
            + "approved_at, approved_by, created_at, updated_at";
    private static final String INSTALL_COLUMNS = "client_id, org_id, app_store_app_id, state, property_ids, "
            + "configuration_box, installed_by, installed_at, updated_at, uninstalled_at";

    // ---- OAuth apps

    void insertApp(Connection c, OAuthApp a) throws SQLException {
        update(c, "INSERT INTO oauth_apps (" + APP_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)", a.clientId(),
                a.ownerOrgId(), a.name(), a.secretHash(), a.previousSecretHash(), a.previousSecretExpiresAt(),
                a.lifecycleSubscriptionId(), a.createdAt(), a.secretRotatedAt());
    }

    Optional<OAuthApp> findApp(Connection c, String clientId) throws SQLException {
        return first(apps(c, "SELECT " + APP_COLUMNS + " FROM oauth_apps WHERE client_id = ?", clientId));
    }

    Optional<OAuthApp> findOwnedApp(Connection c, String ownerOrgId, String clientId) throws SQLException {
        return first(apps(c, "SELECT " + APP_COLUMNS + " FROM oauth_apps WHERE owner_org_id = ? AND client_id = ?",
                ownerOrgId, clientId));
    }

    List<OAuthApp> listApps(Connection c, String ownerOrgId) throws SQLException {
        return apps(c, "SELECT " + APP_COLUMNS + " FROM oauth_apps WHERE owner_org_id = ? ORDER BY created_at, "
                + "client_id", ownerOrgId);
    }

    void saveApp(Connection c, OAuthApp a) throws SQLException {
        update(c, "UPDATE oauth_apps SET name = ?, secret_hash = ?, previous_secret_hash = ?, "
                        + "previous_secret_expires_at = ?, lifecycle_subscription_id = ?, secret_rotated_at = ? "
                        + "WHERE client_id = ?", a.name(), a.secretHash(), a.previousSecretHash(),
                a.previousSecretExpiresAt(), a.lifecycleSubscriptionId(), a.secretRotatedAt(), a.clientId());
    }

    /** Removes the app with its tokens, listing and installs (the foreign keys cascade). */
    void deleteApp(Connection c, String clientId) throws SQLException {
        update(c, "DELETE FROM app_access_tokens WHERE client_id = ?", clientId);
        update(c, "DELETE FROM app_installs WHERE client_id = ?", clientId);
        update(c, "DELETE FROM app_store_apps WHERE client_id = ?", clientId);
        update(c, "DELETE FROM oauth_apps WHERE client_id = ?", clientId);
    }

    // ---- tokens

    void insertToken(Connection c, String tokenHash, String clientId, String scope, Instant expiresAt)
            throws SQLException {
        update(c, "INSERT INTO app_access_tokens (token_hash, client_id, scope, expires_at) VALUES (?,?,?,?)",
                tokenHash, clientId, scope, expiresAt);
    }

    /** The (client id, owner org) of an unexpired token. */
    Optional<String[]> findToken(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.client_id, a.owner_org_id FROM app_access_tokens t "
                + "JOIN oauth_apps a ON a.client_id = t.client_id WHERE t.token_hash = ? AND t.expires_at > ?")) {
            Sql.bind(ps, tokenHash, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    // ---- App Store apps

    void insertStoreApp(Connection c, StoreApp s) throws SQLException {
        update(c, "INSERT INTO app_store_apps (" + STORE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                storeValues(s));
    }

    void saveStoreApp(Connection c, StoreApp s) throws SQLException {
        Object[] v = storeValues(s);
        Object[] args = new Object[v.length];
        System.arraycopy(v, 1, args, 0, v.length - 1);
        args[v.length - 1] = s.appStoreAppId();
        update(c, "UPDATE app_store_apps SET client_id = ?, owner_org_id = ?, name = ?, description = ?, "
                + "developed_by = ?, logo_url = ?, categories = ?, supported_countries = ?, permission_level_name = ?, "
                + "scopes = ?, store_selector_type = ?, configuration_type = ?, external_link_url = ?, "
                + "configuration_fields = ?, state = ?, submitted_at = ?, approved_at = ?, approved_by = ?, "
                + "created_at = ?, updated_at = ? WHERE app_store_app_id = ?", args);
    }

    private static Object[] storeValues(StoreApp s) {
        return new Object[] {s.appStoreAppId(), s.clientId(), s.ownerOrgId(), s.name(), s.description(),
                s.developedBy(), s.logoUrl(), join(s.categories()), join(s.supportedCountries()),
                s.permissionLevelName(), join(s.scopes()), s.storeSelectorType(), s.configurationType(),
                s.externalLinkUrl(), writeFields(s.configurationFields()), s.state(), s.submittedAt(),
                s.approvedAt(), s.approvedBy(), s.createdAt(), s.updatedAt()};
    }

    Optional<StoreApp> findStoreApp(Connection c, String appStoreAppId) throws SQLException {
        return first(storeApps(c, "SELECT " + STORE_COLUMNS + " FROM app_store_apps WHERE app_store_app_id = ?",
                appStoreAppId));
    }

    Optional<StoreApp> findStoreAppOfClient(Connection c, String clientId) throws SQLException {
        return first(storeApps(c, "SELECT " + STORE_COLUMNS + " FROM app_store_apps WHERE client_id = ?", clientId));
    }

    List<StoreApp> listStoreApps(Connection c, String ownerOrgId) throws SQLException {
        return storeApps(c, "SELECT " + STORE_COLUMNS + " FROM app_store_apps WHERE owner_org_id = ? "
                + "ORDER BY created_at, app_store_app_id", ownerOrgId);
    }

    List<StoreApp> listStoreAppsInState(Connection c, String state) throws SQLException {
        return storeApps(c, "SELECT " + STORE_COLUMNS + " FROM app_store_apps WHERE state = ? "
                + "ORDER BY created_at, app_store_app_id", state);
    }

    // ---- installs

    Optional<Install> findInstall(Connection c, String clientId, String orgId) throws SQLException {
        return first(installs(c, "SELECT " + INSTALL_COLUMNS + " FROM app_installs WHERE client_id = ? AND org_id = ?",
                clientId, orgId));
    }

    List<Install> listInstalls(Connection c, String orgId) throws SQLException {
        return installs(c, "SELECT " + INSTALL_COLUMNS + " FROM app_installs WHERE org_id = ? "
                + "ORDER BY installed_at, client_id", orgId);
    }

    /** Locks the install row if there is one (reinstall, reconfigure and uninstall serialise on it). */
    Optional<Install> lockInstall(Connection c, String clientId, String orgId) throws SQLException {
        return first(installs(c, "SELECT " + INSTALL_COLUMNS + " FROM app_installs WHERE client_id = ? AND org_id = ? "
                + "FOR UPDATE", clientId, orgId));
    }

    void insertInstall(Connection c, Install i) throws SQLException {
        update(c, "INSERT INTO app_installs (" + INSTALL_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)", i.clientId(),
                i.orgId(), i.appStoreAppId(), i.state(), join(i.propertyIds()), i.configurationBox(),
                i.installedBy(), i.installedAt(), i.updatedAt(), i.uninstalledAt());
    }

    void saveInstall(Connection c, Install i) throws SQLException {
        update(c, "UPDATE app_installs SET app_store_app_id = ?, state = ?, property_ids = ?, configuration_box = ?, "
                        + "installed_by = ?, installed_at = ?, updated_at = ?, uninstalled_at = ? "
                        + "WHERE client_id = ? AND org_id = ?", i.appStoreAppId(), i.state(), join(i.propertyIds()),
                i.configurationBox(), i.installedBy(), i.installedAt(), i.updatedAt(), i.uninstalledAt(), i.clientId(),
                i.orgId());
    }

    /** The install's state, stores and its listing's scopes, in one read per request. */
    Optional<Access> access(Connection c, String clientId, String orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.state, i.property_ids, s.scopes FROM app_installs i "
                + "JOIN app_store_apps s ON s.client_id = i.client_id WHERE i.client_id = ? AND i.org_id = ?")) {
            Sql.bind(ps, clientId, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Access(AppWire.INSTALLED.equals(rs.getString(1)),
                        split(rs.getString(2)), split(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    /** An install as the per-request check needs it. */
    record Access(boolean installed, List<String> propertyIds, List<String> scopes) {
    }

    List<String> installedOrgIds(Connection c, String clientId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT org_id FROM app_installs WHERE client_id = ? "
                + "AND state = ? ORDER BY installed_at, org_id")) {
            Sql.bind(ps, clientId, AppWire.INSTALLED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // ---- reviewers

    boolean isReviewer(Connection c, String orgId) throws SQLException {
        return string(c, "SELECT org_id FROM orgs WHERE org_id = ? AND app_reviewer", orgId).isPresent();
    }

    boolean setReviewer(Connection c, String orgId, boolean reviewer) throws SQLException {
        return update(c, "UPDATE orgs SET app_reviewer = ? WHERE org_id = ?", reviewer, orgId) == 1;
    }

    // ---- helpers

    private static List<OAuthApp> apps(Connection c, String sql, Object... args) throws SQLException {
        List<OAuthApp> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OAuthApp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Sql.instant(rs, "previous_secret_expires_at"), rs.getString(7),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "secret_rotated_at")));
                }
            }
        }
        return out;
    }

    private static List<StoreApp> storeApps(Connection c, String sql, Object... args) throws SQLException {
        List<StoreApp> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoreApp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), split(rs.getString(8)),
                            split(rs.getString(9)), rs.getString(10), split(rs.getString(11)), rs.getString(12),
                            rs.getString(13), rs.getString(14), readFields(rs.getString(15)), rs.getString(16),
                            Sql.instant(rs, "submitted_at"), Sql.instant(rs, "approved_at"), rs.getString(19),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")));
                }
            }
        }
        return out;
    }

    private static List<Install> installs(Connection c, String sql, Object... args) throws SQLException {
        List<Install> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Install(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            split(rs.getString(5)), rs.getString(6), rs.getString(7), Sql.instant(rs, "installed_at"),
                            Sql.instant(rs, "updated_at"), Sql.instant(rs, "uninstalled_at")));
                }
            }
        }
        return out;
    }

    private static Optional<String> string(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static String writeFields(List<ConfigField> fields) {
        try {
            return fields == null || fields.isEmpty() ? null : Json.mapper().writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ConfigField> readFields(String json) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, new TypeReference<List<ConfigField>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
