package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Bundle;

/** The back office's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface BackOfficeTexts {
    // shared
    String keep();

    String copy();

    String copied();

    String copiedIt();

    String showOnceWarning(String what);

    String never();

    String active();

    // API keys
    String keyCreated(String name);

    String keyRevoked(String name);

    String revokedAt(String time);

    String apiKeyTitle(String name);

    String apiKeyWhat();

    String revokeQuestion(String name);

    String revokeDetail(String masked);

    String revokeAction();

    // jobs
    String noMenuYet();

    String priceFileRefused(String why);

    String exportStarted();

    String exportStartsIn(int minutes);

    String priceUpdateStarted();

    String nutritionImportStarted();

    String couldNotRead(String file, String why);

    String jobCancelled();

    String savedBytes(String file, long bytes);

    String jobExport();

    String jobPrices();

    String jobNutrition();

    String jobRunsAt(String time);

    String jobFiles(int files, int rows);

    String choosePriceCsv();

    String chooseNutritionCsv();

    String csvFiles();

    String saveResultOf(String job);

    // the price CSV
    String csvHeaderNeeds();

    String csvItemEmpty(long line);

    String csvPriceNotANumber(long line, String price);

    String csvAvailableTrueOrFalse(long line);

    String csvSetPriceOrAvailable(long line);

    String csvNotReadable(String why);

    String csvMoreErrors(int more);

    String csvNoRows();

    // staff
    String memberAdded(String name);

    String memberRemoved(String name);

    String removeQuestion(String name);

    String removeDetail(String name);

    String removeAction();

    // webhooks
    String subscriptionCreated(String url);

    String subscriptionSaved();

    String subscriptionEnabled();

    String testEventsQueued(int count);

    String subscriptionDeleted();

    String disabled();

    String disabledBecause(String reason);

    String noAnswer();

    String create();

    String saveChanges();

    String deliveryLog();

    String deliveryLogOf(String url);

    String signingSecretFor(String url);

    String signingSecretWhat();

    String deleteQuestion(String url);

    String deleteDetail();

    String deleteAction();

    String milliseconds(long ms);

    // devices of the store
    String devices();

    String kitchenStations();

    String serveStore();

    String devicesIntro();

    String addDevice();

    String noDevices();

    String deviceName();

    String deviceRole();

    String ticketPrefix();

    String lastContact();

    String deviceState();

    String renameDevice();

    String removeFromStore();

    String notYet();

    String deviceActive();

    String deviceRevokedAt(String time);

    String deviceTill();

    String deviceKitchenScreen();

    String deviceOffice();

    String renameDeviceTitle();

    String renameDeviceHeader(String name);

    String removeDeviceTitle(String name);

    String removeDeviceText(String name);

    String removeDevice();

    String servingOpening();

    String servingFailed(String why);

    String servingOffAtNextStart();

    String servingCannotStop(String why);

    String servedElsewhere();

    String servingOff();

    String servingOn(String addresses);

    String chooseDeviceRole();

    String deviceNameNeeded();

    String deviceRenamed(String was, String now);

    String deviceRemoved(String name);

    String addDeviceTitle();

    String addDeviceHeader();

    String newDeviceNamePrompt();

    String makePairingCode();

    String newDeviceRole();

    String newDeviceName();

    String pairingSteps();

    String pairingCode();

    String storeFingerprint();

    String pairingExpiry(String time);

    String pairingAddresses(String addresses);
    String groupStore();
    String groupMoney();
    String groupIntegrations();
}
