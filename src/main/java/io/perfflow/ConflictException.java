package io.perfflow;

/**
 * A write that contradicts what exists (a second plan for the same week, ...); the API answers
 * 409 with the message. Generic: any family may throw it.
 */
public class ConflictException extends LocalizedException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(Msg text) {
    super(text);
  }
}
