package io.perfflow.metrics;

import java.util.List;

/** An accepted import: its batch (perfflow.metric_import_batch) and the rows written. */
public record ImportResult(long batchId, int rowCount, List<ImportedRow> rows) {}
