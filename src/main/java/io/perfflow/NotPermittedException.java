package io.perfflow;

/**
 * The caller may not read or do this (403). It names the rule that refused, so the person (and
 * the next engineer) sees why, e.g. "nobody decides their own review".
 */
public class NotPermittedException extends LocalizedException {
  public NotPermittedException(String message) {
    super(message);
  }

  public NotPermittedException(Msg text) {
    super(text);
  }
}
