package io.brigade.desktop.join;

import io.brigade.desktop.i18n.Bundle;

/** The first-start screen's words: keys of {@code texts.properties} in this package. */
@Bundle
public interface JoinTexts {
    String storeServerAt(String name, String url);

    String connectFirst();

    String joined(String store, String role, String name);

    String asTill();

    String asKitchenScreen();

    String asOffice();
}
