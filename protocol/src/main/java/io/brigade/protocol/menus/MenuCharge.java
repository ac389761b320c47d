package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A surcharge configured on the menu (bag, deposit, service). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MenuCharge(String id, String type, String caption, BigDecimal amount) {
}
