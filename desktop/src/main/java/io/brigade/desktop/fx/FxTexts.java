package io.brigade.desktop.fx;

import io.brigade.desktop.i18n.Bundle;

/** Words of the shared helpers (the crash dialog): keys of {@code texts.properties} in this package. */
@Bundle
public interface FxTexts {
    String crashTitle();

    String crashHeader();
}
