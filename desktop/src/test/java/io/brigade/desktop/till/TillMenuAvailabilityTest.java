package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.MenuItem;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which availability rules grey out an item on the till, read against one moment (a Monday at 13:00 UTC). */
class TillMenuAvailabilityTest {
    private static final ZonedDateTime MONDAY_1PM = ZonedDateTime.of(2026, 12, 7, 13, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aRuleForTodayCoveringTheTimeMakesTheItemUnavailable() {
        assertFalse(TillMenu.availableAt(item(new AvailabilityOverride("MONDAY", "12:00", "15:00", false)),
                MONDAY_1PM));
    }

    @Test
    void theDayIsReadWhateverItsCaseAndSpaces() {
        assertFalse(TillMenu.availableAt(item(new AvailabilityOverride(" monday ", "12:00", "15:00", false)),
                MONDAY_1PM));
    }

    @Test
    void anotherDaysRuleDoesNotApply() {
        assertTrue(TillMenu.availableAt(item(new AvailabilityOverride("TUESDAY", "12:00", "15:00", false)),
                MONDAY_1PM));
    }

    @Test
    void theEndTimeIsNotCovered() {
        assertTrue(TillMenu.availableAt(item(new AvailabilityOverride("MONDAY", "09:00", "13:00", false)),
                MONDAY_1PM));
    }

    @Test
    void aRuleWithoutTimesCoversTheWholeDay() {
        assertFalse(TillMenu.availableAt(item(new AvailabilityOverride("MONDAY", null, null, false)), MONDAY_1PM));
    }

    @Test
    void aRuleWhoseTimeCannotBeReadDoesNotHideTheItem() {
        assertTrue(TillMenu.availableAt(item(new AvailabilityOverride("MONDAY", "noon", "15:00", false)),
                MONDAY_1PM));
    }

    @Test
    void aRuleWhoseDayCannotBeReadDoesNotHideTheItem() {
        assertTrue(TillMenu.availableAt(item(new AvailabilityOverride("Mon", "12:00", "15:00", false)), MONDAY_1PM));
    }

    @Test
    void theFirstRuleCoveringTheMomentDecides() {
        assertTrue(TillMenu.availableAt(item(new AvailabilityOverride("MONDAY", "12:00", "14:00", true),
                new AvailabilityOverride("MONDAY", "00:00", "23:59", false)), MONDAY_1PM));
    }

    private static MenuItem item(AvailabilityOverride... rules) {
        return new MenuItem("i-stew", "i-stew", null, "Stew", null, null, false, List.of(), List.of(rules),
                List.of(), null);
    }
}
