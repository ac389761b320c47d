package io.brigade.desktop.tables;

import io.brigade.desktop.i18n.Bundle;

/** Table service's words on screen: keys of {@code texts.properties} in this package. */
@Bundle
public interface TablesTexts {
    String free();

    String open();

    String sent();

    String bill();

    /** A table's tile: its number, state and minutes open. */
    String tile(String table, String state, long minutes);

    String tileFree(String table);

    String guestsShort(int guests);

    String twoChecks(int count);

    /** The floor's heading for tables on no area of the plan, and tabs. */
    String otherTables();

    // the back office's floor editor
    String areaNameNeeded();

    String areaTwice(String area);

    String areaAdded(String area);

    String areaFirst();

    String tableNameNeeded();

    String tableTwice(String table);

    String seatsBetween();

    String tableAdded(String table);

    String tableRemoved(String table);

    String floorSaved();

    String seatsShort(int seats);

    String shapeRound();

    String shapeSquare();

    String shapeRectangle();

    /** The floor's button for a tab by name (a guest with no table). */
    String newTab();

    /** A tab's tile: its name, state and minutes open. */
    String tabTile(String name, String state, long minutes);

    /** A takeaway's tile (sent to the kitchen, not paid yet): its number, state and minutes open. */
    String takeawayTile(String number, String state, long minutes);

    /** An area's button on the floor with how many of its tables are taken. */
    String areaBusy(String area, long busy);

    /** A table drawn on the plan: its name, state and minutes open. */
    String planTile(String table, String state, long minutes);

    String planFree(String table, String state);

    String areaRenamed(String was, String now);

    String areaRemoved(String area, int tables);

    String chooseTable();

    String tableChanged(String table);
}
