package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The per-sale check that the line roll-up equals the header totals; mismatches are listed. Sales accepted with
 * payments that differ from their total are listed apart, with the difference ({@code paymentMismatches}).
 */
public record Reconciliation(LocalDate fromDate, LocalDate toDate, long salesChecked, List<Mismatch> mismatches,
                             List<PaymentMismatch> paymentMismatches) {

    /** One header total that its lines do not add up to. */
    public record Mismatch(String saleId, String salesChannelId, String field, BigDecimal header,
                           BigDecimal lines) {
    }

    /** A sale whose payments, net of refunds, differ from its total by {@code amount} (positive: paid more). */
    public record PaymentMismatch(String saleId, String salesChannelId, BigDecimal totalSaleAmount,
                                  BigDecimal totalPaidAmount, BigDecimal totalRefunds, BigDecimal amount) {
    }
}
