package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;

/** Where and by whom a Delivery sale is taken to the customer. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Delivery(String deliveredBy, String notes, Location location) {

    /** A delivery address. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Location(String countryCode, Map<String, String> addressFields, Coordinates coordinates) {
    }

    /** A point on the map. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Coordinates(BigDecimal latitude, BigDecimal longitude) {
    }
}
