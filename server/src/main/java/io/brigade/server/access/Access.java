package io.brigade.server.access;

import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.staff.StaffRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call one route, declared on the line that registers it ({@code router.post(path, Access.manager(),
 * this::add)}) and enforced by the access filter before the route runs. A rule names the credential the filter
 * reads and which {@link Caller}s it admits; the filter itself also checks that the caller reaches the org in the
 * path and, for a caller limited to some stores, that the request names only those stores.
 *
 * <p>A store's paired devices ({@link Caller.Device}) are admitted by the roles the route's rule names with
 * {@link #orDevices} ({@code Access.kitchen().orDevices(KITCHEN_SCREEN)}): a rule without device roles refuses
 * every device. The vocabulary grows by factories here (and records in {@link Caller}): an operator credential
 * would be a caller that reaches every org and a rule {@code operator()} that admits only it.
 */
public final class Access {

    /** Where the filter finds the credential. */
    public enum Credential {
        /** None: anyone may call (the token endpoint, PIN sign-in, the OpenAPI document). */
        NONE,
        /** {@code Authorization: Bearer}, or an API key in {@code FD-Authorization} / bare {@code Authorization}. */
        BEARER,
        /** {@code X-API-Key} (the public /api/v1 API). */
        API_KEY
    }

    /** Why {@code caller} may not call the route on {@code orgId} (null for routes without an org), or null. */
    @FunctionalInterface
    private interface Check {
        String refusal(Caller caller, String orgId);
    }

    private static final String CHOOSE_PIN = "you signed in with a one-time PIN: choose your own PIN first "
            + "(PUT /backoffice/v1/sessions/current/pin)";
    private static final String APP_OUTSIDE_V3 = "an app's token may call only the v3 API; this route is for the "
            + "org's own staff and credentials";

    private final String name;
    private final Credential credential;
    private final String scope;
    private final Check check;
    private final List<String> channelFields;
    private final List<String> storeFields;
    private final boolean wholeOrg;
    private final Set<DeviceRole> devices;
    private final List<String> handInFields;

    private Access(String name, Credential credential, String scope, Check check, List<String> channelFields,
                   List<String> storeFields, boolean wholeOrg, Set<DeviceRole> devices, List<String> handInFields) {
        this.name = name;
        this.credential = credential;
        this.scope = scope;
        this.check = check;
        this.channelFields = channelFields;
        this.storeFields = storeFields;
        this.wholeOrg = wholeOrg;
        this.devices = devices;
        this.handInFields = handInFields;
    }

    private Access(String name, Credential credential, String scope, Check check) {
        this(name, credential, scope, check, List.of(), List.of(), false, Set.of(), List.of());
    }

    private Access(String name, Credential credential, Check check) {
        this(name, credential, null, check);
    }

    /** Anyone, without a credential. */
    public static Access open() {
        return new Access("open", Credential.NONE, (caller, orgId) -> null);
    }

    /** The public /api/v1 API: an API key in {@code X-API-Key}, acting for its own org. */
    public static Access apiKey() {
        return new Access("apiKey", Credential.API_KEY,
                (caller, orgId) -> caller instanceof Caller.ApiKey ? null : "send an API key in X-API-Key");
    }

    /**
     * A v3 route needing {@code scope}: the org's own OAuth client and its API keys hold every scope; an installed
     * app needs the scope in its install's permission level; staff sessions are for the back office only.
     */
    public static Access scope(String scope) {
        Objects.requireNonNull(scope, "scope == null");
        if (!Scopes.ALL.contains(scope)) {
            throw new IllegalArgumentException("unknown scope " + scope);
        }
        return new Access("scope " + scope, Credential.BEARER, scope, (caller, orgId) -> {
            if (caller instanceof Caller.OrgClient || caller instanceof Caller.ApiKey) {
                return null;
            }
            if (caller instanceof Caller.App app) {
                return appRefusal(app.grant(), orgId, scope);
            }
            return "a staff session opens the back office only; integrations use the org's OAuth client or an "
                    + "API key";
        });
    }

    /**
     * Managing the org in the back office (API keys, webhooks, jobs, staff, menus, stock, analytics views): the
     * org's own OAuth client or a manager's session; never an API key, so a leaked integration key cannot mint
     * more keys, and never an installed app.
     */
    public static Access manager() {
        return staffOf("manager", "this needs a manager", "back-office routes need a manager's session or a bearer "
                + "token of the org's own OAuth client; an API key cannot manage the org", StaffRole.MANAGER);
    }

    /**
     * A v3 route that changes the org's own settings (a property, its VAT): it needs {@code scope} like its face.
     * The org's owner (its own OAuth client) and managers' sessions hold it, and an app the owner installed with
     * that scope; an API key, which holds every scope for the integrations it is given to, does not.
     */
    public static Access ownerOrManager(String scope) {
        Objects.requireNonNull(scope, "scope == null");
        if (!Scopes.ALL.contains(scope)) {
            throw new IllegalArgumentException("unknown scope " + scope);
        }
        return new Access("ownerOrManager " + scope, Credential.BEARER, scope, (caller, orgId) -> {
            if (caller instanceof Caller.OrgClient) {
                return null;
            }
            if (caller instanceof Caller.Staff staff) {
                return staff.role() == StaffRole.MANAGER ? null
                        : "this needs a manager; you are signed in as " + roleName(staff);
            }
            if (caller instanceof Caller.StaffChoosingPin) {
                return CHOOSE_PIN;
            }
            if (caller instanceof Caller.App app) {
                return appRefusal(app.grant(), orgId, scope);
            }
            return "the org's settings are changed by its owner, a manager or an app installed with " + scope
                    + ", not with an API key";
        });
    }

    /** The kitchen display: kitchen staff, managers and the org's own OAuth client. */
    public static Access kitchen() {
        return staffOf("kitchen", "the kitchen display needs kitchen staff or a manager",
                "the kitchen display needs a staff session or the org's own OAuth client", StaffRole.KITCHEN,
                StaffRole.MANAGER);
    }

    /**
     * A till sending rounds to the kitchen and voiding sent lines: the org's own OAuth client (a terminal's
     * credentials), a cashier or a manager.
     */
    public static Access till() {
        return staffOf("till", "sending to the kitchen needs a cashier or a manager",
                "sending to the kitchen needs a staff session or the org's own OAuth client", StaffRole.CASHIER,
                StaffRole.MANAGER);
    }

    /**
     * The org's own OAuth client, or the session of a staff member in one of {@code roles}; {@code need} says in a
     * refusal who the route is for, {@code othersRefused} answers an API key or a device without the role.
     */
    private static Access staffOf(String name, String need, String othersRefused, StaffRole... roles) {
        Set<StaffRole> admitted = EnumSet.copyOf(Arrays.asList(roles));
        return new Access(name, Credential.BEARER, (caller, orgId) -> {
            if (caller instanceof Caller.OrgClient) {
                return null;
            }
            if (caller instanceof Caller.Staff staff) {
                return admitted.contains(staff.role()) ? null : need + "; you are signed in as " + roleName(staff);
            }
            if (caller instanceof Caller.StaffChoosingPin) {
                return CHOOSE_PIN;
            }
            if (caller instanceof Caller.App) {
                return APP_OUTSIDE_V3;
            }
            return othersRefused;
        });
    }

    /** Only the org's own OAuth client (a terminal's credentials), never a person's session, a key or an app. */
    public static Access ownClient() {
        return new Access("ownClient", Credential.BEARER, (caller, orgId) -> {
            if (caller instanceof Caller.OrgClient) {
                return null;
            }
            return caller instanceof Caller.App ? APP_OUTSIDE_V3
                    : "only the org's own OAuth client (a terminal's credentials) may do this";
        });
    }

    /**
     * What every screen of a store reads (its settings, its printers): the org's own OAuth client and any signed-in
     * member of staff, whatever the role; never an API key or an app.
     */
    public static Access anyStaff() {
        return staffOf("anyStaff", "a member of staff", "the store's settings are read by its staff, its devices "
                + "and the org's own OAuth client", StaffRole.values());
    }

    /** A paired device of any role, on what concerns the device itself; nobody else. */
    public static Access device() {
        return new Access("device", Credential.BEARER, (caller, orgId) ->
                "only a paired device of the store can do this").orDevices(DeviceRole.values());
    }

    /** A signed-in staff member of any role, also one still to choose their PIN (their own session, their PIN). */
    public static Access staffSession() {
        return new Access("staffSession", Credential.BEARER, (caller, orgId) ->
                caller instanceof Caller.Staff || caller instanceof Caller.StaffChoosingPin ? null
                        : "only a staff member's own session can do this");
    }

    /**
     * This rule, for a route whose body names sales channels at {@code paths} (a field, {@code a.b} for a nested
     * one, {@code list[].field} for one in each element of a list; its value a string or an array of strings): a
     * caller limited to some stores may name only channels of those stores.
     */
    public Access channelsInBody(String... paths) {
        return new Access(name, credential, scope, check, List.of(paths), storeFields, wholeOrg, devices,
                handInFields);
    }

    /**
     * This rule, for a route whose body names stores (property ids) at {@code paths} (as in {@link
     * #channelsInBody}): a caller limited to some stores must name one of its stores at each of them.
     */
    public Access storesInBody(String... paths) {
        return new Access(name, credential, scope, check, channelFields, List.of(paths), wholeOrg, devices,
                handInFields);
    }

    /** This rule, for a route whose body names stores freely: callers limited to some stores may not call it. */
    public Access wholeOrgOnly() {
        return new Access(name, credential, scope, check, channelFields, storeFields, true, devices, handInFields);
    }

    /** This rule, also admitting the store's paired devices of {@code roles} (each limited to its own store). */
    public Access orDevices(DeviceRole... roles) {
        Set<DeviceRole> admitted = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(roles)));
        return new Access(name, credential, scope, check, channelFields, storeFields, wholeOrg, admitted,
                handInFields);
    }

    /**
     * This rule, also for a caller whose credential was revoked, when the earliest instant in the body at
     * {@code timeFields} (paths as in {@link #channelsInBody}) is before the revocation: a till revoked while
     * offline hands in the sales it rang before, so nothing sold is lost; it is refused everything else.
     */
    public Access handInBeforeRevocation(String... timeFields) {
        if (timeFields.length == 0) {
            throw new IllegalArgumentException("name at least one time field");
        }
        return new Access(name, credential, scope, check, channelFields, storeFields, wholeOrg, devices,
                List.of(timeFields));
    }

    /** Why {@code caller} may not call the route on {@code orgId} (null when the route names no org), or null. */
    public String refusal(Caller caller, String orgId) {
        if (caller instanceof Caller.Device device) {
            return devices.contains(device.role()) ? null : "a " + roleName(device.role()) + " may not do this; "
                    + "sign in as a member of staff where people manage the store";
        }
        return check.refusal(caller, orgId);
    }

    public Credential credential() {
        return credential;
    }

    /** The scope a v3 rule needs; empty for the other rules. */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /** The body paths naming sales channels that must lie in a store-limited caller's stores. */
    public List<String> channelFields() {
        return channelFields;
    }

    /** The body paths naming stores that must be a store-limited caller's. */
    public List<String> storeFields() {
        return storeFields;
    }

    /** The device roles this rule admits (none: no device may call the route). */
    public Set<DeviceRole> devices() {
        return devices;
    }

    /** The body fields with instants before which a revoked caller may still hand work in; empty: never. */
    public List<String> handInFields() {
        return handInFields;
    }

    /** True when callers limited to some stores are refused. */
    public boolean wholeOrg() {
        return wholeOrg;
    }

    /** The rule's name without its device roles ({@code manager}, {@code scope sales:write}, ...). */
    public String name() {
        return name;
    }

    /** The rule's name and the device roles it admits ({@code kitchen or kitchen screen}), for listings and tests. */
    @Override
    public String toString() {
        return devices.isEmpty() ? name : name + " or " + devices.stream().sorted().map(Access::roleName)
                .collect(Collectors.joining(", "));
    }

    private static String appRefusal(AppGrant grant, String orgId, String scope) {
        if (orgId == null) {
            return null; // a route without an org (the org list) shows an app only what it reaches
        }
        Optional<AppGrant.OrgAccess> access = grant.access(orgId);
        if (access.isEmpty()) {
            return "the app " + grant.clientId() + " is not installed on org " + orgId;
        }
        if (!access.get().installed()) {
            return "the app " + grant.clientId() + " was uninstalled from org " + orgId
                    + "; it has no access there any more";
        }
        if (!access.get().scopes().contains(scope)) {
            return "this route needs the scope '" + scope + "'; the app's permission level grants "
                    + access.get().scopes().stream().sorted().toList();
        }
        return null;
    }

    private static String roleName(DeviceRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String roleName(Caller.Staff staff) {
        return staff.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
