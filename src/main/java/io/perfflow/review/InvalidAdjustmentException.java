package io.perfflow.review;

/** The manager's adjustment breaks the rules; the review goes back to the manager with this message. */
public class InvalidAdjustmentException extends RuntimeException {
  public InvalidAdjustmentException(String message) {
    super(message);
  }
}
