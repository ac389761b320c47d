package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A group of categories (for example "Food" over "Starters" and "Mains"). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CategoryGroup(String id, String caption, List<String> categoryIds) {
}
