package io.perfflow.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads import files (CSV with a header row, or a JSON array of objects) into rows of text. */
final class MetricImportFiles {
  static final List<String> FIELDS = List.of("employeeId", "metric", "period", "value", "source");

  private MetricImportFiles() {}

  static List<MetricImportRow> readCsv(String csv) {
    List<String> lines = csv == null ? List.of() : csv.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw fileError("header", io.perfflow.Msg.of("metrics.error.empty", String.join(",", FIELDS)));
    }
    Map<String, Integer> column = headerColumns(io.perfflow.Csv.splitLine(lines.get(0)));
    List<MetricImportRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = io.perfflow.Csv.splitLine(lines.get(i));
      rows.add(new MetricImportRow(i,
          cell(cells, column.get("employeeId")), cell(cells, column.get("metric")), cell(cells, column.get("period")),
          cell(cells, column.get("value")), cell(cells, column.get("source"))));
    }
    return rows;
  }

  static List<MetricImportRow> readJson(String json, ObjectMapper mapper) {
    JsonNode root;
    try {
      // Decimals as BigDecimal: a value must not pass through a double on its way in.
      root = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw fileError("json", io.perfflow.Msg.of("metrics.error.json", e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      throw fileError("json", io.perfflow.Msg.of("metrics.error.jsonArray", String.join(", ", FIELDS)));
    }
    List<MetricImportRow> rows = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode item = root.get(i);
      if (!item.isObject()) {
        throw new MetricImportException(List.of(new RowError(i + 1, "row", io.perfflow.Msg.of("metrics.error.object", item.toString()))));
      }
      rows.add(new MetricImportRow(i + 1,
          text(item.get("employeeId")), text(item.get("metric")), text(item.get("period")),
          text(item.get("value")), text(item.get("source"))));
    }
    return rows;
  }

  private static Map<String, Integer> headerColumns(List<String> header) {
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      int index = i;
      FIELDS.stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(name)).findFirst()
          .ifPresent(f -> column.putIfAbsent(f, index));
    }
    List<String> missing = FIELDS.stream().filter(f -> !column.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      throw fileError("header", io.perfflow.Msg.of("metrics.error.header", String.join(",", header), String.join(", ", missing), String.join(",", FIELDS)));
    }
    return column;
  }

  private static String cell(List<String> cells, Integer index) {
    return index == null || index >= cells.size() ? null : cells.get(index).strip();
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBigDecimal()) {
      // toString, not toPlainString: 1e2147483647 written out plainly would exhaust the memory.
      BigDecimal d = node.decimalValue();
      return Math.abs((long) d.scale()) <= 20 ? d.toPlainString() : d.toString();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }


  static MetricImportException fileError(String field, String message) {
    return new MetricImportException(List.of(new RowError(0, field, message)));
  }

  static MetricImportException fileError(String field, io.perfflow.Msg message) {
    return new MetricImportException(List.of(new RowError(0, field, message)));
  }
}
