package io.brigade.protocol.menus;

/** The answer to creating a menu or a revision. */
public record MenuCreated(String menuId, Long revisionId) {
}
