package io.brigade.protocol.menus;

import java.util.List;

/** A group of categories (for example "Food" over "Starters" and "Mains"). */
public record CategoryGroup(String id, String caption, List<String> categoryIds) {
}
