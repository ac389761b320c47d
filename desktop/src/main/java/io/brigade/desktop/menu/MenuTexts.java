package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Bundle;

/** The menu editor's and snoozes' words: keys of {@code texts.properties} in this package. */
@Bundle
public interface MenuTexts {
    // columns
    String category();

    String item();

    String price();

    String cost();

    String margin();

    String listed();

    String yes();

    String off();

    String problem();

    String option();

    String status();

    // the editor
    String menuWithCurrency(String name, String currency);

    String draftInfo(long revision, int revisions, int channels);

    String publishInfo(long revision);

    String publish();

    String publishRevision(long revision);

    String noMenus();

    String noRevision(String menu);

    String sellsThisRevision(long revision);

    String sellsAnotherMenu();

    String sellsNothing();

    String editingDraft(long revision);

    String notSavedRows(int rows, String problems);

    String nothingChanged(long revision);

    String savedRevision(long revision);

    String saveFirst(long revision);

    String tickAChannel();

    String nowOnSale(long revision, String channels);

    String serverRefusedDraft(String problems);

    String fieldPrice();

    String fieldCaption();

    String fieldIngredientCost();

    String fieldModifierGroups();

    String fieldOptions();

    String fieldMin();

    String fieldMax();

    String noCaption();

    String managersOnly(String why);

    String serverUnreachable(String why);

    String notAWholeNumber(String field, String typed);

    String enterAnAmount(String field);

    String notAnAmount(String field, String typed);

    // snoozes
    String sellsNoMenu(String channel);

    String untilHelp();

    String snoozedUntilUnsnoozed(String what);

    String snoozedUntil(String what, String time);

    String backOnSale(String what);

    String snoozed();

    String snoozedUntilTime(String time);

    String onSale();

    String channelSnoozed();

    String channelSnoozedUntil(String time);

    String channelTakingOrders();

    String tomorrow(String time);

    String snoozeDidNotChange(String why);
}
