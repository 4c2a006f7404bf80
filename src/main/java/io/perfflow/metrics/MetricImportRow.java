package io.perfflow.metrics;

/** One data row of an import file as read, before validation (all fields as text, null = missing). */
record MetricImportRow(int row, String employeeId, String metric, String period, String value, String source) {}
