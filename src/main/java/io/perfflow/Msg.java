package io.perfflow;

import io.perfflow.i18n.Bilingual;
import io.perfflow.i18n.I18nConfiguration;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A text for a person, as a message key of the bundles ({@code i18n/<feature>.properties}) and its
 * arguments, written out in a language only when shown: an error the API answers, a row error of
 * an import, a flash message, a part of a mail. Domain code builds one where it used to build an
 * English sentence ({@code Msg.of("plans.error.itemsEmpty")}); the exceptions that carry one
 * ({@link LocalizedException}, {@link InvalidInputException}'s field errors) keep the English text
 * as their {@code getMessage()} for logs and answer the person's language from
 * {@code getLocalizedMessage()}.
 *
 * <p>Arguments stay machine values: a field name, a row number, an id or a number is written as
 * {@code String.valueOf} (a {@link BigDecimal} plainly), never grouped by the language; an argument
 * that is itself a {@link Localizable} (another {@code Msg}, a form's bilingual label) is written in
 * the same language. In a text with arguments a quote is written {@code ''} (MessageFormat).
 */
public final class Msg implements Localizable {
  private final String key;
  private final Object[] args;

  private Msg(String key, Object[] args) {
    this.key = Objects.requireNonNull(key, "key");
    this.args = args == null ? new Object[0] : args.clone();
  }

  public static Msg of(String key, Object... args) {
    return new Msg(key, args);
  }

  /** A form label {@code English / 中文}: its half in the language (see {@link Bilingual}). */
  public static Localizable bilingual(String label) {
    return locale -> Bilingual.label(label, locale);
  }

  /** A text that is the same in every language (a user's own input, a technical message). */
  public static Localizable verbatim(String text) {
    return locale -> text;
  }

  public String key() {
    return key;
  }

  public List<Object> args() {
    return Arrays.asList(args.clone());
  }

  @Override
  public String in(Locale locale) {
    Object[] written = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      written[i] = write(args[i], locale);
    }
    return I18nConfiguration.bundles().getMessage(key, written.length == 0 ? null : written, key, locale);
  }

  public String english() {
    return in(Locale.ENGLISH);
  }

  /** In the language of the request (or mail) being answered, English outside one. */
  public String current() {
    return in(currentLocale());
  }

  /** The language of the request being answered ({@link LocaleContextHolder}), English outside one. */
  public static Locale currentLocale() {
    LocaleContext context = LocaleContextHolder.getLocaleContext();
    Locale locale = context == null ? null : context.getLocale();
    return locale == null ? Locale.ENGLISH : locale;
  }

  /** The text of a {@link Localizable} or of a plain value, in {@code locale}. */
  public static String write(Object value, Locale locale) {
    if (value instanceof Localizable l) {
      return l.in(locale);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return english();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Msg m && m.key.equals(key) && Arrays.equals(m.args, args);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(args);
  }
}
