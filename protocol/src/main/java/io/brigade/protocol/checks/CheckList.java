package io.brigade.protocol.checks;

import java.util.List;

/** A store's open checks ({@code GET .../checks?propertyId=}), and the stream cursor they are consistent with. */
public record CheckList(String propertyId, long cursor, List<Check> checks) {
}
