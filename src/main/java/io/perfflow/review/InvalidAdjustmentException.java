package io.perfflow.review;

import io.perfflow.LocalizedException;
import io.perfflow.Msg;

/**
 * The manager's adjustment breaks the rules ({@link ReviewWorkflow#checkAdjustment}): the text is a
 * {@link Msg} of the review bundle, {@link #field()} the form field it is about. PerfFlow's task
 * completion answers it as a 400 naming the field in the person's language ({@code
 * ManagerReviewCheck}); should it reach the worker anyway, the review goes back to the manager
 * with this message as the process variable {@code reviewError}.
 */
public class InvalidAdjustmentException extends LocalizedException {
  private final String field;

  public InvalidAdjustmentException(String field, Msg text) {
    super(text);
    this.field = field;
  }

  /** The form field the rule is about: {@code adjustment} or {@code managerComment}. */
  public String field() {
    return field;
  }
}
