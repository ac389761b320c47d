package io.brigade.desktop.client;

import io.brigade.desktop.i18n.Bundle;

/**
 * The words of the server clients that reach the screen (joining a store, a failed call): keys of
 * {@code texts.properties} in this package.
 */
@Bundle
public interface ClientTexts {
    String unreachable(String why);

    String failed(String what);

    String typeAddress();

    String httpsOnly();

    String notAnAddress(String typed);

    String notAStoreServer(String address, int status);

    String noCertificate(String address);

    String notHttps(String address, String why);

    String noAnswer(String address, String why);

    String typeCode();

    String otherCertificate();

    String pairingNoAnswer(String address, String why);

    String storeRefused(int status);
}
