package io.perfflow.org;

import io.perfflow.InvalidInputException.FieldError;
import java.util.Optional;

/**
 * One field of an employee's preferences ({@code PUT /api/employees/{id}/preferences}),
 * contributed as a bean by whoever owns it: the language ({@code i18n}), the daily feedback mail
 * ({@code cs}). Every field of a request is checked before any is written; all are written in one
 * transaction.
 */
public interface PreferencePart {
  /** The JSON field, e.g. {@code language}. */
  String field();

  /** What the field takes, for the error of an empty request ("true or false"). */
  String expected();

  /** What is wrong with the value sent (JSON as parsed: text, boolean, number, null, map, list). */
  Optional<FieldError> problem(Object value);

  /** Stores a value {@link #problem} accepted (and audits it). */
  void write(String employeeId, Object value, String actor);

  /** The employee's current value (the default when none was chosen). */
  Object read(String employeeId);
}
