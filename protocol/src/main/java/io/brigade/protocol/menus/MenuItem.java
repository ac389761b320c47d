package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A sellable item or modifier option. {@code id} is what sales reference as {@code menuItemId};
 * {@code productId} stays the same across revisions. {@code ingredientCost} feeds profitability.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MenuItem(String id, String productId, String externalId, String caption, String description,
                       List<String> allergens, Boolean alcohol, List<PricingProfile> pricingProfiles,
                       List<AvailabilityOverride> availabilityOverrides, List<String> modifierIds,
                       BigDecimal ingredientCost) {
}
