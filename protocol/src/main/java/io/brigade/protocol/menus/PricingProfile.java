package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Prices and tax rates per dispatch type for one price band. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PricingProfile(String priceBandId, BigDecimal collectionPrice, BigDecimal deliveryPrice,
                             BigDecimal dineInPrice, BigDecimal takeawayPrice, BigDecimal collectionTax,
                             BigDecimal deliveryTax, BigDecimal dineInTax, BigDecimal takeawayTax,
                             BigDecimal taxablePrice, Boolean taxable) {
}
