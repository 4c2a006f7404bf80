package io.perfflow.promotion;

import java.time.LocalDate;
import java.util.List;

/** Where an employee stands on their ladder as of a date, and what is missing for the next level. */
public record Career(
    String employeeId, String track, String level, String levelName, String next, String nextName, boolean eligible,
    List<CriterionResult> criteria, LocalDate asOf) {}
