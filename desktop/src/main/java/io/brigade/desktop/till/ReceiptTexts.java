package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Bundle;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;

/**
 * The printed receipt's words, in the store's language rather than the cashier's ({@code Texts.of(ReceiptTexts.class,
 * locale)}); keys of {@code texts.properties} in this package.
 */
@Bundle
public interface ReceiptTexts {
    String receiptBrand();

    String receiptOrder(String displayId);

    String receiptDineIn();

    String receiptDineInTable(String table);

    String receiptTakeAway();

    String receiptCollection();

    String receiptDelivery();

    String receiptSubtotal();

    String receiptTotal();

    String receiptCash();

    String receiptCard();

    String receiptChange();

    String receiptThanks();

    String receiptDiscount();

    String receiptVoucher(String code);

    String receiptLoyalty(String code);

    String receiptServiceCharge();

    String receiptDeliveryCharge();

    String receiptTip();

    String receiptCharge();

    default String dispatch(DispatchType type, String table) {
        return switch (type) {
            case DineIn -> table == null || table.isBlank() ? receiptDineIn() : receiptDineInTable(table);
            case TakeAway -> receiptTakeAway();
            case Collection -> receiptCollection();
            case Delivery -> receiptDelivery();
        };
    }

    default String discount(DiscountType type, String code) {
        return switch (type) {
            case Voucher -> receiptVoucher(code == null ? "" : code);
            case Loyalty -> receiptLoyalty(code == null ? "" : code);
            case Spot, Other -> receiptDiscount();
        };
    }

    default String charge(ChargeType type) {
        return switch (type) {
            case Service -> receiptServiceCharge();
            case Delivery -> receiptDeliveryCharge();
            case Tip -> receiptTip();
            case Other -> receiptCharge();
        };
    }
}
