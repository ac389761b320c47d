package io.brigade.protocol.checks;

import java.time.Instant;
import java.util.List;

/**
 * A store's floor plan ({@code GET|PUT .../floor?propertyId=}): its areas (dining room, terrace, bar), each with
 * the tables a manager placed on it. A table is named by {@code table} (unique in the store: what a check and a
 * kitchen ticket show), has a {@code shape} ({@link #ROUND}, {@link #SQUARE} or {@link #RECTANGLE}), a number of
 * {@code seats}, and its top-left corner at {@code x}, {@code y} on the area's grid of 1000 x 1000.
 */
public record FloorPlan(String propertyId, List<Area> areas, Instant updatedAt) {
    public static final String ROUND = "round";
    public static final String SQUARE = "square";
    public static final String RECTANGLE = "rectangle";
    /** The side of an area's grid: positions are 0 to this. */
    public static final int GRID = 1000;

    public record Area(String areaId, String name, List<Table> tables) {
    }

    public record Table(String table, String shape, Integer seats, Integer x, Integer y) {
    }
}
