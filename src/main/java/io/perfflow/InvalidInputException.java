package io.perfflow;

import java.util.List;

/**
 * Input that breaks a rule, with each problem named by the field (or row) it is about. The API
 * turns it into a 400 problem detail listing the errors.
 */
public class InvalidInputException extends RuntimeException {
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
