package io.perfflow.promotion;

/** A nomination that the current state refuses (cooling-off period, one already in progress): HTTP 409. */
public class PromotionConflictException extends RuntimeException {
  public PromotionConflictException(String message) {
    super(message);
  }
}
