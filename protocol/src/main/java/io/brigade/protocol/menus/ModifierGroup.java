package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A modifier group: between {@code min} and {@code max} of its items are chosen per parent item. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModifierGroup(String id, String caption, Integer min, Integer max, List<MenuItem> items) {
}
