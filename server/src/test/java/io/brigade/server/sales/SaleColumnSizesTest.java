package io.brigade.server.sales;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sizes validation holds a sale's text to are the sizes of the columns that store it. */
class SaleColumnSizesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyLimitIsItsColumnsSize(String db) {
        Map<String, Integer> limits = Map.ofEntries(
                entry("sales.sales_channel_id", SaleValidator.SALES_CHANNEL_ID),
                entry("sales.source", SaleValidator.SOURCE),
                entry("sales.external_id", SaleValidator.EXTERNAL_ID),
                entry("sales.display_id", SaleValidator.DISPLAY_ID),
                entry("sales.menu_id", SaleValidator.MENU_ID),
                entry("sales.customer_id", SaleValidator.CUSTOMER_ID),
                entry("sales.customer_name", SaleValidator.CUSTOMER_NAME),
                entry("sales.customer_phone", SaleValidator.CUSTOMER_PHONE),
                entry("sales.customer_email", SaleValidator.CUSTOMER_EMAIL),
                entry("sales.customer_external_id", SaleValidator.CUSTOMER_EXTERNAL_ID),
                entry("sales.dine_in_table", SaleValidator.TABLE_ID),
                entry("sales.delivered_by", SaleValidator.DELIVERED_BY),
                entry("sales.delivery_notes", SaleValidator.DELIVERY_NOTES),
                entry("sales.delivery_country", SaleValidator.DELIVERY_COUNTRY),
                entry("sale_items.menu_item_id", SaleValidator.ITEM_ID),
                entry("sale_items.notes", SaleValidator.ITEM_NOTES),
                entry("sale_charges.item_id", SaleValidator.ITEM_ID),
                entry("sale_discounts.code", SaleValidator.DISCOUNT_CODE),
                entry("sale_payments.description1", SaleValidator.PAYMENT_DESCRIPTION),
                // The externalId is also the key of the server's order_placed event.
                entry("analytics_events.sale_key", SaleValidator.EXTERNAL_ID),
                entry("analytics_order_keys.sale_key", SaleValidator.EXTERNAL_ID));
        limits.forEach((column, limit) ->
                assertEquals(limit, TestDatabases.columnSize(TestServer.of(db).database(), column), column));
    }
}
