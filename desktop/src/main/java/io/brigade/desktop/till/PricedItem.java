package io.brigade.desktop.till;

import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import java.math.BigDecimal;
import java.util.List;

/** A menu item as the till offers it: its price for the current dispatch type and whether it sells now. */
public record PricedItem(MenuItem item, BigDecimal price, boolean available, List<ModifierGroup> groups) {
    public String id() {
        return item.id();
    }

    public String caption() {
        return item.caption();
    }

    public boolean hasModifiers() {
        return !groups.isEmpty();
    }
}
