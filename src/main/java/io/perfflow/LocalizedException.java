package io.perfflow;

/**
 * An exception whose message is for a person: {@link #getMessage()} is the English text (logs,
 * tests), {@link #getLocalizedMessage()} the text in the language of the request being answered
 * (the API's problem details use it). Built from a {@link Msg}, or from a plain text that is the
 * same in every language (the older constructors).
 */
public class LocalizedException extends RuntimeException {
  private final transient Msg text;

  protected LocalizedException(Msg text) {
    super(text.english());
    this.text = text;
  }

  protected LocalizedException(String message) {
    super(message);
    this.text = null;
  }

  /** The message as key and arguments, or null when it was given as a plain text. */
  public Msg text() {
    return text;
  }

  @Override
  public String getLocalizedMessage() {
    return text == null ? getMessage() : text.current();
  }
}
