package io.perfflow.metrics;

import org.springframework.stereotype.Component;

/** PLACEHOLDER until the metrics branch lands. */
@Component
public class MetricImportService {
  public record ImportResult(long batchId, int rows) {}

  public ImportResult importCsv(String csv, String actor) {
    throw new UnsupportedOperationException("metrics branch not merged");
  }

  public ImportResult importJson(String json, String actor) {
    throw new UnsupportedOperationException("metrics branch not merged");
  }
}
