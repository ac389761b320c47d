package io.brigade.desktop.store;

import io.brigade.desktop.i18n.Bundle;

/**
 * The store settings' and printers' words, from {@code texts.properties} beside them (English; {@code _de},
 * {@code _es}): each method is a key, its arguments fill the pattern's {@code {0}}, {@code {1}}… .
 */
@Bundle
public interface StoreTexts {
    String settingsNeverSaved();
    String settingsSaved();
    String editsKept();
    String logoTooLarge(int kib);
    String logoNotPng();
    String logoChosen();
    String logoUnreadable(String reason);
    String noLogo();
    String pngFiles();
}
