package io.perfflow.org;

import io.perfflow.InvalidInputException.FieldError;
import java.util.List;

/**
 * A process family's part of a new employee (the promotion family: the career track and level),
 * contributed as a bean: checked together with the rest of {@code POST /api/employees} (nothing is
 * written when anything is wrong) and written in the same transaction as the employee.
 */
public interface NewEmployeePart {
  /** What is wrong with the family's part of {@code employee}; empty when fine or absent. */
  List<FieldError> problems(NewEmployee employee);

  /** Writes the family's part once the employee row exists. */
  void write(NewEmployee employee);
}
