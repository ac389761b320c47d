package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * One station of a store's kitchen (Grill, Pizza, Bar, …): the menu categories whose items it makes. Exactly one
 * station of a store is the {@code catchAll}: it also makes every item whose category no station names, so a
 * category added to the menu later still reaches a cook. {@code id} is kept across renames; leave it out for a
 * new station and the server makes one from the name.
 */
public record KitchenStation(String id, String name, List<String> categoryIds, boolean catchAll) {
}
