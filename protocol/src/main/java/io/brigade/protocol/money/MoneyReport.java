package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An X report (what a store, a device or a shift has taken so far; it changes nothing) or a Z report (a store's
 * business day, closed, numbered consecutively per store and stored unchanged). Sales are the store's sales of the
 * business date that were not cancelled. {@code grossSales} is their items (with modifiers) at the prices rung;
 * {@code netSales} = gross - discounts - refunds; charges are apart (service charges, tips, others). VAT is by rate,
 * from the menu revision each sale was rung against ({@code vatInclusive}: the prices held it). Cash is per shift.
 * {@code unsynced} names the devices that still hold sales the store server has not stored. {@code voidCount} and
 * {@code voidAmount} are the sales cancelled; {@code lineVoids} are the voids of lines the kitchen already had (a
 * check's sent lines), by reason: how many voids and what they took off the bills (empty in reports taken before
 * they were counted).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MoneyReport(String type, Long zNumber, String orgId, String propertyId, String propertyName,
                          LocalDate businessDate, String timeZone, String currency, String deviceId, String shiftId,
                          Boolean vatInclusive, Instant takenAt, String takenBy,
                          BigDecimal grossSales, BigDecimal discounts, BigDecimal refunds, BigDecimal netSales,
                          BigDecimal serviceCharges, BigDecimal tips, BigDecimal otherCharges, BigDecimal vatTotal,
                          int checks, int covers, BigDecimal averageCheck, int refundCount, int voidCount,
                          BigDecimal voidAmount, List<Line> paymentMethods, List<VatLine> vatRates,
                          List<Line> discountTypes, List<Line> categories, List<Line> hours, List<Cash> cash,
                          List<Line> devices, List<Unsynced> unsynced, List<Line> lineVoids) {

    /** A report without voids of sent lines (as reports were before they were counted). */
    public MoneyReport(String type, Long zNumber, String orgId, String propertyId, String propertyName,
                       LocalDate businessDate, String timeZone, String currency, String deviceId, String shiftId,
                       Boolean vatInclusive, Instant takenAt, String takenBy,
                       BigDecimal grossSales, BigDecimal discounts, BigDecimal refunds, BigDecimal netSales,
                       BigDecimal serviceCharges, BigDecimal tips, BigDecimal otherCharges, BigDecimal vatTotal,
                       int checks, int covers, BigDecimal averageCheck, int refundCount, int voidCount,
                       BigDecimal voidAmount, List<Line> paymentMethods, List<VatLine> vatRates,
                       List<Line> discountTypes, List<Line> categories, List<Line> hours, List<Cash> cash,
                       List<Line> devices, List<Unsynced> unsynced) {
        this(type, zNumber, orgId, propertyId, propertyName, businessDate, timeZone, currency, deviceId, shiftId,
                vatInclusive, takenAt, takenBy, grossSales, discounts, refunds, netSales, serviceCharges, tips,
                otherCharges, vatTotal, checks, covers, averageCheck, refundCount, voidCount, voidAmount,
                paymentMethods, vatRates, discountTypes, categories, hours, cash, devices, unsynced, List.of());
    }

    /** A named figure: how many and how much (a payment method's net takings, a category's sales, an hour's). */
    public record Line(String name, int count, BigDecimal amount) {
    }

    /** One VAT rate: the sales at that rate without VAT, the VAT, and both together. */
    public record VatLine(BigDecimal rate, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    /** A shift's drawer: what it should hold and, once counted, what it held. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cash(String shiftId, String deviceId, String deviceName, String drawer, Instant openedAt,
                       Instant closedAt, BigDecimal openingFloat, BigDecimal cashSales, BigDecimal cashRefunds,
                       BigDecimal payIns, BigDecimal payOuts, int noSales, BigDecimal expected, BigDecimal counted,
                       BigDecimal overShort) {
    }

    /** A device that last said it holds sales the store server has not stored. */
    public record Unsynced(String deviceId, String deviceName, int pendingSales, Instant oldestAt,
                           Instant reportedAt) {
    }
}
