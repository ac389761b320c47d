package io.brigade.server.org;

import io.brigade.protocol.org.Brand;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.protocol.org.Vat;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.server.Ids;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Creates and validates the org tree: brands, properties with VAT, sales channels. */
public final class OrgService {
    /** Sales channel types named by the concept model. */
    public static final Set<String> CHANNEL_TYPES = Set.of("POS", "KIOSK", "FlipdishWebApp", "FlipdishMobileApp",
            "UberEats", "JustEats", "Deliveroo", "ExternalApp");

    private final Database database;
    private final OrgRepository repository;
    private final Clock clock;

    /**
     * Sizes of the org tables' text columns (V1__org_tree.sql; OrgColumnSizesTest compares them with the
     * database): longer text is refused here, naming the field, not by the database.
     */
    static final int NAME = 200;
    static final int ADDRESS = 500;
    static final int TIME_ZONE = 60;
    static final int VAT_BAND_NAME = 100;
    static final int MAX_VAT_BANDS = 20;

    public OrgService(Database database, OrgRepository repository, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.clock = clock;
    }

    public Brand createBrand(String orgId, Brand request) {
        Validation v = new Validation();
        v.require(request.name(), "name");
        v.throwIfMalformed();
        Validation fits = new Validation();
        fits.text(request.name().strip(), NAME, "name");
        fits.throwIfUnprocessable();
        Brand brand = new Brand(Ids.brand(), orgId, request.name().strip());
        database.inTransaction(c -> {
            repository.insertBrand(c, brand, clock.instant());
            return null;
        });
        return brand;
    }

    public Property createProperty(String orgId, Property request) {
        Property property = validated(new Property(Ids.property(), orgId, request.name(), request.address(),
                request.countryCode() == null ? "IE" : request.countryCode(),
                request.timeZone() == null ? "Europe/Dublin" : request.timeZone(),
                request.currency() == null ? "EUR" : request.currency(),
                request.vat() == null ? new Vat(false, true, BigDecimal.ZERO, List.of()) : withDefaults(request.vat())));
        database.inTransaction(c -> {
            repository.insertProperty(c, property, clock.instant());
            return null;
        });
        return property;
    }

    /** How a property update treats the fields it leaves out. */
    public enum Update {
        /** PUT: every field is given (an address may be null); one left out is refused. */
        REPLACE,
        /** PATCH: a field left out (or null) keeps its value. */
        MERGE
    }

    /**
     * Changes a property's name, address, country, time zone, currency and VAT. Sales rung after the change use
     * it (their business date in the new zone); sales stored before keep what they were given.
     */
    public Property updateProperty(String orgId, String propertyId, Property request, Update how) {
        // Checked once the property is found: another org's property id answers 404 whatever the body.
        Runnable complete = () -> {
            Validation v = new Validation();
            v.require(request.name(), "name");
            v.require(request.countryCode(), "countryCode");
            v.require(request.timeZone(), "timeZone");
            v.require(request.currency(), "currency");
            if (v.require(request.vat(), "vat")) {
                requireVat(request.vat(), "vat.", v);
            }
            v.throwIfMalformed();
        };
        return update(orgId, propertyId, how == Update.REPLACE ? complete : () -> { }, current -> how == Update.REPLACE
                ? new Property(propertyId, orgId, request.name(), request.address(), request.countryCode(),
                        request.timeZone(), request.currency(), request.vat())
                : new Property(propertyId, orgId, or(request.name(), current.name()),
                        or(request.address(), current.address()), or(request.countryCode(), current.countryCode()),
                        or(request.timeZone(), current.timeZone()), or(request.currency(), current.currency()),
                        request.vat() == null ? current.vat() : mergeVat(request.vat(), current.vat())));
    }

    /** Changes a property's VAT settings only ({@code .../vat}). */
    public Vat updateVat(String orgId, String propertyId, Vat request, Update how) {
        Runnable complete = () -> {
            Validation v = new Validation();
            requireVat(request, "", v);
            v.throwIfMalformed();
        };
        return update(orgId, propertyId, how == Update.REPLACE ? complete : () -> { }, current -> new Property(propertyId, orgId, current.name(), current.address(),
                current.countryCode(), current.timeZone(), current.currency(),
                how == Update.REPLACE ? request : mergeVat(request, current.vat()))).vat();
    }

    private Property update(String orgId, String propertyId, Runnable checkRequest,
                            java.util.function.UnaryOperator<Property> change) {
        return database.inTransaction(c -> {
            Property current = repository.lockProperty(c, orgId, propertyId)
                    .orElseThrow(() -> new NotFoundException("property " + propertyId));
            checkRequest.run();
            Property changed = validated(change.apply(current));
            repository.updateProperty(c, changed);
            return changed;
        });
    }

    private static void requireVat(Vat vat, String prefix, Validation v) {
        v.require(vat.isVatApplicable(), prefix + "isVatApplicable");
        v.require(vat.isVatInclusive(), prefix + "isVatInclusive");
        v.require(vat.vatPercentage(), prefix + "vatPercentage");
    }

    private static Vat mergeVat(Vat change, Vat current) {
        return new Vat(or(change.isVatApplicable(), current.isVatApplicable()),
                or(change.isVatInclusive(), current.isVatInclusive()),
                or(change.vatPercentage(), current.vatPercentage()),
                or(change.operativeVatBands(), current.operativeVatBands()));
    }

    private static Vat withDefaults(Vat vat) {
        return new Vat(Boolean.TRUE.equals(vat.isVatApplicable()), !Boolean.FALSE.equals(vat.isVatInclusive()),
                vat.vatPercentage() == null ? BigDecimal.ZERO : vat.vatPercentage(), vat.operativeVatBands());
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    /**
     * The property as stored (codes upper case, name stripped, no null VAT bands), or 400/422 naming every field
     * that cannot be stored: 400 for values of the wrong kind, 422 for text longer than its column.
     */
    private static Property validated(Property p) {
        Validation v = new Validation();
        v.require(p.name() == null || p.name().isBlank() ? null : p.name(), "name");
        String country = p.countryCode() == null ? null : p.countryCode().toUpperCase(Locale.ROOT);
        if (country == null || !Set.of(Locale.getISOCountries()).contains(country)) {
            v.error("countryCode", "must be an ISO 3166 two-letter country code");
        }
        try {
            ZoneId.of(p.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            v.error("timeZone", "must be an IANA time zone such as Europe/Dublin");
        }
        String currency = p.currency() == null ? null : p.currency().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            v.error("currency", "must be an ISO 4217 currency code");
        }
        Vat vat = p.vat();
        percentage(vat.vatPercentage(), "vat.vatPercentage", v);
        List<Vat.VatBand> bands = vat.operativeVatBands() == null ? List.of() : vat.operativeVatBands();
        if (bands.size() > MAX_VAT_BANDS) {
            v.error("vat.operativeVatBands", "may hold at most " + MAX_VAT_BANDS + " bands");
        }
        for (int i = 0; i < bands.size() && i < MAX_VAT_BANDS; i++) {
            Vat.VatBand band = bands.get(i);
            String path = "vat.operativeVatBands[" + i + "]";
            if (band == null) {
                v.error(path, "must not be null");
                continue;
            }
            v.require(band.name() == null || band.name().isBlank() ? null : band.name(), path + ".name");
            percentage(band.percentage(), path + ".percentage", v);
        }
        v.throwIfMalformed();
        Validation fits = new Validation();
        fits.text(p.name().strip(), NAME, "name");
        fits.text(p.address(), ADDRESS, "address");
        fits.text(p.timeZone(), TIME_ZONE, "timeZone");
        for (int i = 0; i < bands.size(); i++) {
            fits.text(bands.get(i).name(), VAT_BAND_NAME, "vat.operativeVatBands[" + i + "].name");
        }
        fits.throwIfUnprocessable();
        return new Property(p.propertyId(), p.orgId(), p.name().strip(), p.address(), country, p.timeZone(), currency,
                new Vat(vat.isVatApplicable(), vat.isVatInclusive(), vat.vatPercentage(), List.copyOf(bands)));
    }

    // NUMERIC(7, 4) in the database: 0 to 100 with at most 4 decimals.
    private static void percentage(BigDecimal pct, String field, Validation v) {
        if (pct == null || pct.signum() < 0 || pct.compareTo(new BigDecimal("100")) > 0 || pct.scale() > 4) {
            v.error(field, "must be between 0 and 100, with at most 4 decimals");
        }
    }

    public SalesChannel createChannel(String orgId, String propertyId, SalesChannel request) {
        Validation v = new Validation();
        v.require(request.name(), "name");
        if (v.require(request.salesChannelType(), "salesChannelType")
                && !CHANNEL_TYPES.contains(request.salesChannelType())) {
            v.error("salesChannelType", "must be one of " + CHANNEL_TYPES);
        }
        List<String> dispatchTypes = request.dispatchTypes() == null || request.dispatchTypes().isEmpty()
                ? List.of("DineIn", "TakeAway") : request.dispatchTypes();
        for (int i = 0; i < dispatchTypes.size(); i++) {
            String d = dispatchTypes.get(i);
            if (d == null || java.util.Arrays.stream(DispatchType.values()).noneMatch(t -> t.name().equals(d))) {
                v.error("dispatchTypes[" + i + "]", "must be one of DineIn, TakeAway, Collection, Delivery");
            }
        }
        v.throwIfMalformed();
        Validation fits = new Validation();
        fits.text(request.name().strip(), NAME, "name");
        fits.throwIfUnprocessable();
        // Stored joined in one column: each type once.
        List<String> distinctTypes = List.copyOf(new java.util.LinkedHashSet<>(dispatchTypes));
        return database.inTransaction(c -> {
            repository.findProperty(c, orgId, propertyId)
                    .orElseThrow(() -> new NotFoundException("property " + propertyId));
            String brandId = request.brandId();
            if (brandId == null) {
                List<Brand> brands = repository.brands(c, orgId);
                if (brands.size() != 1) {
                    throw InvalidInputException.unprocessable("brandId",
                            "is required when the org has " + brands.size() + " brands");
                }
                brandId = brands.get(0).brandId();
            } else if (repository.findBrand(c, orgId, brandId).isEmpty()) {
                throw InvalidInputException.unprocessable("brandId",
                        "no brand " + brandId + " in this org");
            }
            SalesChannel channel = new SalesChannel(Ids.salesChannel(), propertyId, brandId, request.name().strip(),
                    request.salesChannelType(), distinctTypes);
            repository.insertChannel(c, orgId, channel, clock.instant());
            return channel;
        });
    }
}
