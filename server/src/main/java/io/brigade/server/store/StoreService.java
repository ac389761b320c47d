package io.brigade.server.store;

import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.kitchen.KitchenStationRepository;
import io.brigade.server.org.OrgRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A store's own settings and its printers, kept on the store server so that every device of the store reads the
 * same: the name, address and tax number its receipts print, the currency and locale its devices write money and
 * dates in, and how each of its printers is reached.
 */
public final class StoreService {
    private static final Map<String, String> LANGUAGE_OF_COUNTRY = Map.ofEntries(Map.entry("DE", "de"),
            Map.entry("AT", "de"), Map.entry("CH", "de"), Map.entry("LI", "de"), Map.entry("ES", "es"),
            Map.entry("MX", "es"), Map.entry("AR", "es"), Map.entry("CO", "es"), Map.entry("CL", "es"),
            Map.entry("PE", "es"), Map.entry("UY", "es"));
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Database database;
    private final StoreRepository store;
    private final OrgRepository orgs;
    private final KitchenStationRepository stations;
    private final Clock clock;

    public StoreService(Database database, StoreRepository store, OrgRepository orgs,
                        KitchenStationRepository stations, Clock clock) {
        this.database = database;
        this.store = store;
        this.orgs = orgs;
        this.stations = stations;
        this.clock = clock;
    }

    /** The store's settings, or (never saved) defaults from its property. */
    public StoreSettings settings(String orgId, String propertyId) {
        return database.read(c -> {
            Property property = property(c, orgId, propertyId);
            return store.settings(c, orgId, propertyId).orElseGet(() -> defaults(property));
        });
    }

    private static StoreSettings defaults(Property p) {
        String country = p.countryCode() == null ? "" : p.countryCode().toUpperCase(Locale.ROOT);
        String language = LANGUAGE_OF_COUNTRY.getOrDefault(country, "en");
        String locale = country.matches("[A-Z]{2}") ? language + "-" + country : language;
        String currency = p.currency() == null || p.currency().isBlank() ? "EUR" : p.currency();
        return new StoreSettings(p.propertyId(), p.name(), p.address(), null, null, currency, locale, null, null, null,
                null);
    }

    /** Replaces the store's settings after checking every field; devices read them at their next sync. */
    public StoreSettings saveSettings(String orgId, String propertyId, StoreSettings body) {
        requireProperty(propertyId);
        StoreSettings checked = check(propertyId, body);
        return database.inTransaction(c -> {
            property(c, orgId, propertyId);
            store.saveSettings(c, orgId, checked);
            return checked;
        });
    }

    private StoreSettings check(String propertyId, StoreSettings s) {
        Validation v = new Validation();
        if (s.propertyId() != null && !s.propertyId().equals(propertyId)) {
            v.error("propertyId", "must be the store of the request (" + propertyId + ") or left out");
        }
        if (v.require(s.restaurantName(), "restaurantName")) {
            v.text(s.restaurantName().strip(), 80, "restaurantName");
        }
        v.text(s.address(), 300, "address");
        v.text(s.taxNumber(), 40, "taxNumber");
        v.text(s.phone(), 40, "phone");
        v.text(s.receiptHeader(), 500, "receiptHeader");
        v.text(s.receiptFooter(), 500, "receiptFooter");
        if (v.require(s.currency(), "currency")) {
            try {
                Currency.getInstance(s.currency());
            } catch (IllegalArgumentException e) {
                v.error("currency", "must be an ISO 4217 code such as EUR, GBP or CHF");
            }
        }
        String locale = null;
        if (v.require(s.locale(), "locale")) {
            try {
                Locale parsed = new Locale.Builder().setLanguageTag(s.locale().strip()).build();
                if (parsed.getLanguage().isEmpty()) {
                    v.error("locale", "must name a language, as in en-IE, de-DE or es-ES");
                } else {
                    locale = parsed.toLanguageTag();
                }
            } catch (IllformedLocaleException e) {
                v.error("locale", "must be a language tag such as en-IE, de-DE or es-ES");
            }
        }
        if (s.logoPng() != null && !s.logoPng().isEmpty()) {
            try {
                byte[] png = Base64.getDecoder().decode(s.logoPng());
                if (png.length > StoreSettings.MAX_LOGO_BYTES) {
                    v.error("logoPng", "must be at most " + StoreSettings.MAX_LOGO_BYTES / 1024 + " KiB");
                } else if (png.length < PNG_SIGNATURE.length
                        || !java.util.Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
                        PNG_SIGNATURE.length)) {
                    v.error("logoPng", "must be a PNG image");
                }
            } catch (IllegalArgumentException e) {
                v.error("logoPng", "must be a PNG image in base64");
            }
        }
        v.throwIfMalformed();
        return new StoreSettings(propertyId, s.restaurantName().strip(), blankToNull(s.address()),
                blankToNull(s.taxNumber()), blankToNull(s.phone()), s.currency().strip(), locale,
                blankToNull(s.receiptHeader()), blankToNull(s.receiptFooter()), blankToNull(s.logoPng()),
                clock.instant());
    }

    /** The store's printers. */
    public StorePrinters printers(String orgId, String propertyId) {
        return database.read(c -> {
            property(c, orgId, propertyId);
            return new StorePrinters(propertyId, store.printers(c, orgId, propertyId));
        });
    }

    /** Replaces the store's printers; a printer keeps its id, a new one is given one. */
    public StorePrinters savePrinters(String orgId, String propertyId, StorePrinters body) {
        requireProperty(propertyId);
        return database.inTransaction(c -> {
            property(c, orgId, propertyId);
            List<StorePrinter> checked = check(propertyId, body, stationIds(c, orgId, propertyId));
            store.replacePrinters(c, orgId, propertyId, checked);
            return new StorePrinters(propertyId, checked);
        });
    }

    private Set<String> stationIds(Connection c, String orgId, String propertyId) throws SQLException {
        List<KitchenStation> list = stations.stations(c, orgId, propertyId);
        Set<String> ids = new HashSet<>();
        if (list.isEmpty()) {
            ids.add(KitchenStations.DEFAULT_ID);
        }
        list.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static List<StorePrinter> check(String propertyId, StorePrinters body, Set<String> stationIds) {
        Validation v = new Validation();
        if (body.propertyId() != null && !body.propertyId().equals(propertyId)) {
            v.error("propertyId", "must be the store of the request (" + propertyId + ") or left out");
        }
        if (body.printers() == null) {
            v.error("printers", "is required (an empty list removes every printer)");
            v.throwIfMalformed();
        }
        if (body.printers().size() > 50) {
            v.error("printers", "must hold at most 50 printers");
            v.throwIfMalformed();
        }
        List<StorePrinter> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < body.printers().size(); i++) {
            StorePrinter p = body.printers().get(i);
            String at = "printers[" + i + "].";
            if (p == null) {
                v.error("printers[" + i + "]", "must be a printer");
                continue;
            }
            String id = p.printerId() == null || p.printerId().isBlank() ? "prn" + Secrets.crockford(10)
                    : p.printerId().strip();
            if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
                v.error(at + "printerId", "must be 1 to 40 letters, digits, '-' or '_'");
            } else if (!ids.add(id)) {
                v.error(at + "printerId", "is used by another printer of the list");
            }
            if (v.require(p.name(), at + "name") && v.text(p.name().strip(), 40, at + "name")
                    && !names.add(p.name().strip().toLowerCase(Locale.ROOT))) {
                v.error(at + "name", "is the name of another printer of the store");
            }
            if (v.require(p.connection(), at + "connection") && !StorePrinter.CONNECTIONS.contains(p.connection())) {
                v.error(at + "connection", "must be one of NETWORK, DEVICE, QUEUE");
            }
            if (v.require(p.address(), at + "address") && v.text(p.address().strip(), 200, at + "address")
                    && StorePrinter.NETWORK.equals(p.connection()) && !networkAddress(p.address().strip())) {
                v.error(at + "address", "must be a host name or IP address, with :port when it is not 9100");
            }
            if (p.paperWidth() == null || (p.paperWidth() != 58 && p.paperWidth() != 80)) {
                v.error(at + "paperWidth", "must be 58 or 80 (mm)");
            }
            if (v.require(p.codePage(), at + "codePage") && !StorePrinter.CODE_PAGES.contains(p.codePage())) {
                v.error(at + "codePage", "must be one of " + StorePrinter.CODE_PAGES);
            }
            List<String> stations = p.stationIds() == null ? List.of() : p.stationIds();
            for (int s = 0; s < stations.size(); s++) {
                if (stations.get(s) == null || !stationIds.contains(stations.get(s))) {
                    v.error(at + "stationIds[" + s + "]", "must be a kitchen station of this store");
                }
            }
            StorePrinter.CashDrawer d = p.drawer();
            if (d != null) {
                if (d.pin() == null || (d.pin() != 2 && d.pin() != 5)) {
                    v.error(at + "drawer.pin", "must be 2 or 5");
                }
                if (d.onMs() == null || d.onMs() < 2 || d.onMs() > 510) {
                    v.error(at + "drawer.onMs", "must be 2 to 510 (ms)");
                }
                if (d.offMs() == null || d.offMs() < 2 || d.offMs() > 510) {
                    v.error(at + "drawer.offMs", "must be 2 to 510 (ms)");
                }
            }
            if (v.isEmpty()) {
                out.add(new StorePrinter(id, p.name().strip(), p.connection(), p.address().strip(), p.paperWidth(),
                        p.codePage(), List.copyOf(new java.util.LinkedHashSet<>(stations)), d));
            }
        }
        v.throwIfMalformed();
        return out;
    }

    /** host, host:port, [v6]:port: what a socket can be opened to, without looking the name up now. */
    static boolean networkAddress(String address) {
        String host = address;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0) {
                return false;
            }
            host = address.substring(1, end);
            String rest = address.substring(end + 1);
            return !host.isEmpty() && (rest.isEmpty() || port(rest.substring(1)) && rest.startsWith(":"));
        }
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
            if (!port(address.substring(colon + 1))) {
                return false;
            }
            host = address.substring(0, colon);
        }
        return host.matches("[A-Za-z0-9.-]{1,190}");
    }

    private static boolean port(String text) {
        if (!text.matches("\\d{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }

    private static void requireProperty(String propertyId) {
        if (propertyId == null || propertyId.isBlank()) {
            throw InvalidInputException.malformed("propertyId", "is required: settings belong to one store");
        }
    }

    private Property property(Connection c, String orgId, String propertyId) throws SQLException {
        requireProperty(propertyId);
        return orgs.findProperty(c, orgId, propertyId).orElseThrow(() -> new NotFoundException("property "
                + propertyId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
