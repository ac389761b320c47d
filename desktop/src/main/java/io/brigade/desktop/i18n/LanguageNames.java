package io.brigade.desktop.i18n;

/** Each language's name in itself (the same in every bundle), so that anyone finds their own in a list. */
@Bundle
public interface LanguageNames {
    String english();

    String german();

    String spanish();
}
