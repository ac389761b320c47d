package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Modifier, add-on and option popularity, most sold first. */
public record OptionPopularity(LocalDate fromDate, LocalDate toDate, List<Option> options) {

    /**
     * One option: {@code selections} counts option_selected and addon_selected events, {@code quantity} the
     * units sold (times the parent line's quantity), {@code orders} the sales with it, {@code revenue} its
     * own price times the units.
     */
    public record Option(String modifierItemId, String name, String group, long selections, long quantity,
                         long orders, BigDecimal revenue) {
    }
}
