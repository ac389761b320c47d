package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The per-sale check that the line roll-up equals the header totals; mismatches are listed. */
public record Reconciliation(LocalDate fromDate, LocalDate toDate, long salesChecked, List<Mismatch> mismatches) {

    /** One header total that its lines do not add up to. */
    public record Mismatch(String saleId, String salesChannelId, String field, BigDecimal header,
                           BigDecimal lines) {
    }
}
