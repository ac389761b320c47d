package io.brigade.protocol.v1;

import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the public /api/v1 API (documented in docs/api-v1.md). */
public final class V1Shapes {
    private V1Shapes() {
    }

    /** Prices of a meal or option per dispatch type, from its menu's pricing profile. */
    public record Prices(BigDecimal dineIn, BigDecimal takeAway, BigDecimal collection, BigDecimal delivery) {
    }

    /** A choosable option of a meal (a modifier). */
    public record Option(String id, String name, Prices prices) {
    }

    /** A group of options with how many may be chosen. */
    public record OptionGroup(String id, String name, Integer min, Integer max, List<Option> options) {
    }

    /**
     * A menu item of a menu published to the org's channels. {@code stock} is null when the item is not
     * tracked; {@code available} turns false when a tracked item reaches zero.
     */
    public record Meal(String id, String name, String description, String categoryId, String categoryName,
                       String menuId, long menuRevisionId, Prices prices, List<String> allergens, Boolean alcohol,
                       List<OptionGroup> optionGroups, boolean available, Integer stock) {
    }

    /** A category of a published menu. */
    public record CategoryView(String id, String name, String description, String menuId, int mealCount) {
    }

    /** A published menu without its meals. */
    public record MenuSummary(String id, String name, String currency, long revisionId,
                              List<String> salesChannelIds, Instant updatedAt) {
    }

    /** A category of a menu with its meals. */
    public record MenuCategory(String id, String name, String description, List<Meal> meals) {
    }

    /** A published menu with its categories and meals. */
    public record MenuDetail(String id, String name, String currency, long revisionId,
                             List<String> salesChannelIds, Instant updatedAt, List<MenuCategory> categories) {
    }

    /** An option chosen on an order line. */
    public record OrderOptionRequest(String optionId, Integer quantity) {
    }

    /** A line of an order to create. */
    public record OrderLineRequest(String mealId, Integer quantity, String notes, List<OrderOptionRequest> options) {
    }

    /** Who the order is for. */
    public record CustomerRequest(String name, String phoneNumber, String emailAddress) {
    }

    /** POST /api/v1/orders: the server prices every line; clients send no prices. */
    public record OrderRequest(String menuId, String salesChannelId, DispatchType dispatchType, String externalId,
                               Instant requestedFulfillmentTime, CustomerRequest customer,
                               PaymentMethod paymentMethod, List<OrderLineRequest> items) {
    }

    /** An option on a stored order line. */
    public record OrderOption(String optionId, int quantity, BigDecimal unitPrice) {
    }

    /** A stored order line, priced by the server. */
    public record OrderLine(String mealId, int quantity, BigDecimal unitPrice, String notes,
                            List<OrderOption> options) {
    }

    /** A pricing rule that took money off the order. */
    public record AppliedRule(String ruleId, String name, BigDecimal percentOff, BigDecimal amount) {
    }

    /** Money totals of an order. */
    public record Totals(BigDecimal items, BigDecimal discounts, BigDecimal total, BigDecimal paid) {
    }

    /** An order as GET /api/v1/orders/{id} and POST /api/v1/orders answer it. */
    public record Order(String id, String displayId, String status, String salesChannelId, String menuId,
                        String menuRevisionId, DispatchType dispatchType, String source, String externalId,
                        Instant createdAt, Instant requestedFulfillmentTime, String customerName,
                        List<OrderLine> items, List<AppliedRule> pricingRules, Totals totals) {
    }

    /** A row of GET /api/v1/orders. */
    public record OrderSummary(String id, String displayId, String status, String salesChannelId,
                               DispatchType dispatchType, String source, String externalId, Instant createdAt,
                               LocalDate businessDate, BigDecimal total, BigDecimal paid) {
    }

    /** A page of orders; {@code hasMore} says whether page + 1 has rows. */
    public record OrderPage(List<OrderSummary> data, int page, int pageSize, boolean hasMore) {
    }

    /** PATCH /api/v1/orders/{id}/status. */
    public record StatusChange(String status, String cancellationReason) {
    }
}
