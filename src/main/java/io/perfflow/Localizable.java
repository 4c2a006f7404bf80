package io.perfflow;

import java.util.Locale;

/** Something that has a text in each language: a {@link Msg}, a form's bilingual label, ... */
@FunctionalInterface
public interface Localizable {
  String in(Locale locale);
}
