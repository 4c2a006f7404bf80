package io.perfflow.metrics;

import java.math.BigDecimal;

/** A row written by an import; previousValue is the value it replaced (re-import), else null. */
public record ImportedRow(
    String employeeId, String metric, String period, BigDecimal value, String source, BigDecimal previousValue) {}
