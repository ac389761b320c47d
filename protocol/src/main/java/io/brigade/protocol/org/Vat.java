package io.brigade.protocol.org;

import java.math.BigDecimal;
import java.util.List;

/** A property's catalogue tax context. */
public record Vat(Boolean isVatApplicable, Boolean isVatInclusive, BigDecimal vatPercentage,
                  List<VatBand> operativeVatBands) {

    /** A named VAT rate. */
    public record VatBand(String name, BigDecimal percentage) {
    }
}
