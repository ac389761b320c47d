package io.brigade.desktop.staff;

import io.brigade.desktop.i18n.Bundle;

/** The PIN pad's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface StaffTexts {
    String enterPin();

    String pinTooShort();

    String unknownPin();

    String cannotCheckPin(String why);

    String chooseTitle(String name);

    String pinLength();

    String pinsDiffer();

    String cannotReachStore(String why);

    String storeRefused();
}
