package io.brigade.protocol.menus;

import java.math.BigDecimal;

/** A surcharge configured on the menu (bag, deposit, service). */
public record MenuCharge(String id, String type, String caption, BigDecimal amount) {
}
