package io.brigade.desktop.kitchen;

import io.brigade.desktop.i18n.Bundle;

/** The kitchen screen's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface KitchenTexts {
    String viewLabel();
    String expo();
    String live();
    String offline();
    String never();
    String notLive(String lastUpdate);
    String notLiveBecause(String lastUpdate, String reason);
    String soundOn();
    String muted();
    String bump();
    String serve();
    String columnNew();
    String columnPreparing();
    String columnBumped();
    String columnInProgress();
    String columnReady();
    String columnHeader(String title, int count);
    String prepTimesHeader();
    String prepTime(String station, String average, String p90, int bumped);
    String noPrepTime(String station);
    String dineIn();
    String takeaway();
    String collection();
    String delivery();
    String table(String table);
    String guests(int guests);
    String round(int round);
    String course(int course);
    String seat(int seat);
    String line(int quantity, String name);
    String lineDoneMark(String line);
    String voidedLine(int quantity, String reason);
    String voidTicketAtStation();
    String voidTicketAtExpo();
    String stationBumped(String station, String time);
    String stationCooking(String station);
    String stationWaiting(String station);
    String stationVoid(String station);
    String bumped(String ticket, String station);
    String started(String ticket);
    String recalled(String ticket);
    String served(String ticket);
    String cleared(String ticket);
    String noTicket(int key);
    String nothingSelected();
    String startNeedsNew();
    String notReady(String ticket, String stations);
    String lineDone(String name);
    String lineNotDone(String name);
    String catchAllName(String station);
    String toCatchAll(String station);
    String stationNameNeeded();
    String stationAdded(String station);
    String stationRemoved(String station);
    String stationsSaved();
    String stationsTab();
    String signedOut();
}
