package io.perfflow.review;

import java.util.Arrays;
import java.util.Optional;

/** An approver's or HR's decision on a review (the forms' {@code decision}; approval.decision). */
public enum Decision {
  APPROVE,
  REJECT;

  /** The decision named {@code value}, if it is one. */
  public static Optional<Decision> of(String value) {
    return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst();
  }
}
