package io.brigade.protocol.sales;

import java.math.BigDecimal;
import java.util.Map;

/** Where and by whom a Delivery sale is taken to the customer. */
public record Delivery(String deliveredBy, String notes, Location location) {

    /** A delivery address. */
    public record Location(String countryCode, Map<String, String> addressFields, Coordinates coordinates) {
    }

    /** A point on the map. */
    public record Coordinates(BigDecimal latitude, BigDecimal longitude) {
    }
}
