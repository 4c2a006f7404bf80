package io.perfflow;

import java.util.List;
import java.util.Locale;

/**
 * Input that breaks a rule, with each problem named by the field (or row) it is about. The API
 * turns it into a 400 problem detail listing the errors. The field stays a machine value; the
 * message is for a person: given as a {@link Msg}, it is written in the language of the request
 * being answered ({@link FieldError#message()}), in English in {@link #getMessage()}.
 */
public class InvalidInputException extends RuntimeException {
  /** A problem with one field: {@code text} (key and arguments) when given, else the plain {@code message}. */
  public record FieldError(String field, String message, Msg text) {
    public FieldError(String field, String message) {
      this(field, message, null);
    }

    public FieldError(String field, Msg text) {
      this(field, text.english(), text);
    }

    /** The message in the language of the request being answered (English outside one). */
    @Override
    public String message() {
      return text == null ? message : text.current();
    }

    public String message(Locale locale) {
      return text == null ? message : text.in(locale);
    }

    /** The English message. */
    public String english() {
      return message;
    }

    /** Equal when the field and the English message are (however the message was given). */
    @Override
    public boolean equals(Object o) {
      return o instanceof FieldError f && java.util.Objects.equals(f.field, field) && java.util.Objects.equals(f.message, message);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(field, message);
    }
  }

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(summary(errors, Locale.ENGLISH));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidInputException(String field, Msg text) {
    this(List.of(new FieldError(field, text)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** {@code field: message; field: message} in the language of the request being answered. */
  @Override
  public String getLocalizedMessage() {
    return summary(errors, Msg.currentLocale());
  }

  /** {@code field: message; field: message} in {@code locale}. */
  public String in(Locale locale) {
    return summary(errors, locale);
  }

  private static String summary(List<FieldError> errors, Locale locale) {
    return errors.stream().map(e -> e.field() + ": " + e.message(locale)).reduce((a, b) -> a + "; " + b)
        .orElse(Msg.of("errors.invalidInput").in(locale));
  }
}
