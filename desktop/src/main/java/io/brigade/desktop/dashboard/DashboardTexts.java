package io.brigade.desktop.dashboard;

import io.brigade.desktop.i18n.Bundle;

/** The dashboard's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface DashboardTexts {
    String unlocks();

    String allProperties();

    String allChannels();

    String endBeforeStart();

    String loading();

    String notADate(String typed, String example);

    String noCancellations();

    String cancelledAmount(String amount);

    String businessDates(String from, String to);

    String couldNotLoad(String why);

    String marginSummary(String revenue, String cost, String margin, String percent);

    String funnelViewed();

    String funnelCustomised();

    String funnelAddedToCart();

    String funnelOrdered();

    String mealRecipe();

    String optionOrAddOn();

    String revenue();

    String ingredientCost();

    String mealTip(String meal, String revenue, String cost, String margin);

    String hourTip(String hour, String revenue);

    String noLossLeaders();

    String lossLeaders(String meals);

    String unitsSold(String option, String units);

    String exportViewTitle();

    String csvFiles();

    String saveExportTitle();

    String zipOfCsvFiles();

    String savedView(String file);

    String couldNotSaveCsv(String why);

    String startingExport();

    String exportCouldNotStart(String why);

    String lostTrack(String why);

    String exportSaved(String file);

    String couldNotDownload(String why);

    String exportReady();

    String exportReadySales(long sales);

    String exportFailed(String why);

    String exportCancelled();

    String exporting(int percent);

    String exportWaiting(String status);
}
