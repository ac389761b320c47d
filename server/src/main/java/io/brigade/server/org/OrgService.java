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
        Validation v = new Validation();
        v.require(request.name(), "name");
        String country = request.countryCode() == null ? "IE" : request.countryCode().toUpperCase(Locale.ROOT);
        if (!Set.of(Locale.getISOCountries()).contains(country)) {
            v.error("countryCode", "must be an ISO 3166 two-letter country code");
        }
        String zone = request.timeZone() == null ? "Europe/Dublin" : request.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            v.error("timeZone", "must be an IANA time zone such as Europe/Dublin");
        }
        String currency = request.currency() == null ? "EUR" : request.currency().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            v.error("currency", "must be an ISO 4217 currency code");
        }
        Vat vat = request.vat() == null ? new Vat(false, true, BigDecimal.ZERO, List.of()) : request.vat();
        BigDecimal pct = vat.vatPercentage() == null ? BigDecimal.ZERO : vat.vatPercentage();
        if (pct.signum() < 0 || pct.compareTo(new BigDecimal("100")) > 0) {
            v.error("vat.vatPercentage", "must be between 0 and 100");
        }
        v.throwIfMalformed();
        Validation fits = new Validation();
        fits.text(request.name().strip(), NAME, "name");
        fits.text(request.address(), ADDRESS, "address");
        fits.text(zone, TIME_ZONE, "timeZone");
        fits.throwIfUnprocessable();
        Vat stored = new Vat(Boolean.TRUE.equals(vat.isVatApplicable()), !Boolean.FALSE.equals(vat.isVatInclusive()),
                pct, vat.operativeVatBands() == null ? List.of() : vat.operativeVatBands());
        Property property = new Property(Ids.property(), orgId, request.name().strip(), request.address(), country,
                zone, currency, stored);
        database.inTransaction(c -> {
            repository.insertProperty(c, property, clock.instant());
            return null;
        });
        return property;
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
