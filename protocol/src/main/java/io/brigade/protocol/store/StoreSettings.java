package io.brigade.protocol.store;

import java.time.Instant;

/**
 * What a store says about itself on receipts and in its devices' formats ({@code GET}/{@code PUT
 * /backoffice/v1/orgs/{orgId}/store/settings?propertyId=}): its trading name, address (lines apart by {@code \n}),
 * VAT or tax number, phone, the currency it takes (ISO 4217), its locale (a BCP 47 tag such as {@code de-AT}: its
 * language is the one receipts print in, its country sets the conventions of numbers and dates), the receipt's
 * header and footer text, and a logo ({@code logoPng}: a PNG, base64, at most {@link #MAX_LOGO_BYTES} bytes).
 * A store that never saved its settings reads defaults made from its property, with {@code updatedAt} null.
 */
public record StoreSettings(String propertyId, String restaurantName, String address, String taxNumber, String phone,
                            String currency, String locale, String receiptHeader, String receiptFooter, String logoPng,
                            Instant updatedAt) {
    /** The largest logo, decoded: a receipt logo is a few hundred pixels wide, black and white. */
    public static final int MAX_LOGO_BYTES = 64 * 1024;

    /** These settings with another logo (null: none). */
    public StoreSettings withLogo(String png) {
        return new StoreSettings(propertyId, restaurantName, address, taxNumber, phone, currency, locale,
                receiptHeader, receiptFooter, png, updatedAt);
    }
}
