package io.brigade.desktop.i18n.sample;

import io.brigade.desktop.i18n.Bundle;

/** Keys of the sample bundle beside it, for the tests of {@code Texts}. */
@Bundle
public interface SampleTexts {
    String greeting();

    String itemsWaiting(int count);

    String notAvailable(String item);

    default String shout(String item) {
        return notAvailable(item).toUpperCase(java.util.Locale.ROOT);
    }
}
