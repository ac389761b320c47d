package io.brigade.server.sales;

import io.brigade.server.domain.NotFoundException;

/** No sale with this id in the org (or on the named sales channel). */
public final class SaleNotFoundException extends NotFoundException {

    SaleNotFoundException(String saleId) {
        super("sale " + saleId);
    }

    SaleNotFoundException(String saleId, String salesChannelId) {
        super("sale " + saleId + " on sales channel " + salesChannelId);
    }
}
