package io.perfflow;

/** A resource that does not exist; the API answers 404 naming it. */
public class NotFoundException extends LocalizedException {
  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(Msg text) {
    super(text);
  }
}
