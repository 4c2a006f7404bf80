package io.perfflow.i18n;

import java.util.Locale;

/**
 * Bilingual texts of the Camunda forms ({@code forms/*.form}): Tasklist 8.8 (form-js) has no
 * translation mechanism, so a label reads {@code English / 中文} and Tasklist shows both;
 * PerfFlow's own task page shows the half of the person's language. A text component may add its
 * Chinese after a line {@code ---} (a rule between the two in Tasklist). A text without a Chinese
 * half is shown as it is in both languages. See docs/modeling.md, "Form labels in two languages".
 */
public final class Bilingual {
  private static final String SEPARATOR = " / ";
  private static final String TEXT_SEPARATOR = "\n---\n";

  private Bilingual() {}

  /** The part of a {@code English / 中文} label for {@code locale}. */
  public static String label(String text, Locale locale) {
    if (text == null) {
      return null;
    }
    int at = text.lastIndexOf(SEPARATOR);
    if (at < 0 || !hasHan(text.substring(at + SEPARATOR.length())) || hasHan(text.substring(0, at))) {
      return text;
    }
    return Languages.isChinese(locale) ? text.substring(at + SEPARATOR.length()).strip() : text.substring(0, at).strip();
  }

  /** The part of a text component ({@code English\n---\n中文}) for {@code locale}. */
  public static String text(String text, Locale locale) {
    if (text == null) {
      return null;
    }
    int at = text.lastIndexOf(TEXT_SEPARATOR);
    if (at < 0 || !hasHan(text.substring(at))) {
      return text;
    }
    return Languages.isChinese(locale) ? text.substring(at + TEXT_SEPARATOR.length()) : text.substring(0, at);
  }

  /**
   * A text in both languages, {@code English / 中文}, for a place that knows no person's language
   * but is read by people (a process variable a Tasklist form shows). The same text once when
   * both languages say the same.
   */
  public static String both(io.perfflow.Localizable text) {
    String english = text.in(Locale.ENGLISH);
    String chinese = text.in(Locale.SIMPLIFIED_CHINESE);
    return english.equals(chinese) ? english : english + SEPARATOR + chinese;
  }

  public static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
