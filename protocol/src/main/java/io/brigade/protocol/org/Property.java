package io.brigade.protocol.org;

/** A physical location; {@code timeZone} decides its business dates. */
public record Property(String propertyId, String orgId, String name, String address, String countryCode,
                       String timeZone, String currency, Vat vat) {
}
