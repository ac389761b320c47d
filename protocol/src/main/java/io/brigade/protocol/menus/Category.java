package io.brigade.protocol.menus;

import java.util.List;

/** A menu category and its items. */
public record Category(String id, String caption, String description, List<MenuItem> items) {
}
