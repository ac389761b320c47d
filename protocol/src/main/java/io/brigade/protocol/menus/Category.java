package io.brigade.protocol.menus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A menu category and its items. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Category(String id, String caption, String description, List<MenuItem> items) {
}
