package io.brigade.desktop.i18n;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are the keys of its package's bundle ({@code texts.properties} and its
 * translations beside it): a method's name is the key, its parameters fill the {@code {0}}, {@code {1}}… of the
 * text. {@link Texts#of} answers such interfaces, and a test checks every method against every bundle.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Bundle {
}
