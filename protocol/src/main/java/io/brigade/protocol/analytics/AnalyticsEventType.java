package io.brigade.protocol.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The six client analytics event types, spelled on the wire as in the FoodFlex document. */
public enum AnalyticsEventType {
    @JsonProperty("meal_viewed") MEAL_VIEWED,
    @JsonProperty("meal_customized") MEAL_CUSTOMIZED,
    @JsonProperty("option_selected") OPTION_SELECTED,
    @JsonProperty("addon_selected") ADDON_SELECTED,
    @JsonProperty("meal_added_to_cart") MEAL_ADDED_TO_CART,
    @JsonProperty("order_placed") ORDER_PLACED
}
