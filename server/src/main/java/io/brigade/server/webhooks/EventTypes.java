package io.brigade.server.webhooks;

import java.util.List;

/** The v3 webhook event types, as the guides name them. */
public final class EventTypes {
    public static final String SALE_CREATED = "sales.created.v1";
    public static final String SALE_CANCELLED = "sales.cancelled.v1";
    public static final String SALE_POS_STATUS = "sales.pos.status.updated.v1";
    public static final String SALE_DELIVERY_STATUS = "sales.delivery.status.updated.v1";
    /** Ours, beside the guides' events: a refund given after the sale (see docs/decisions.md, money control). */
    public static final String SALE_REFUNDED = "sales.refunded.v1";
    public static final String MENU_PUBLISHED = "menu.published.v1";
    public static final String MENU_VALIDATION_FAILED = "menu.validation.failed.v1";
    public static final String ITEM_SNOOZED = "menu.item.snoozed.v1";
    public static final String ITEM_UNSNOOZED = "menu.item.unsnoozed.v1";
    public static final String CHANNEL_SNOOZED = "sales_channel.snoozed.v1";
    public static final String CHANNEL_UNSNOOZED = "sales_channel.unsnoozed.v1";

    public static final List<String> ALL = List.of(SALE_CREATED, SALE_CANCELLED, SALE_POS_STATUS,
            SALE_DELIVERY_STATUS, SALE_REFUNDED, MENU_PUBLISHED, MENU_VALIDATION_FAILED, ITEM_SNOOZED, ITEM_UNSNOOZED,
            CHANNEL_SNOOZED, CHANNEL_UNSNOOZED);

    private EventTypes() {
    }

    /** "v1" for "sales.created.v1": the X-Flipdish-Event-Version header. */
    public static String version(String eventType) {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }
}
