package io.perfflow.promotion;

/** A nomination that the current state refuses (cooling-off period, one already in progress): HTTP 409. */
public class PromotionConflictException extends io.perfflow.ConflictException {
  public PromotionConflictException(io.perfflow.Msg text) {
    super(text);
  }
}
