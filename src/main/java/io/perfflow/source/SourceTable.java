package io.perfflow.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table of schema {@code source} as {@code POST /api/source/{name}} receives it: its columns (in
 * file order), its key (the row's own id or natural key: a row with a key already held replaces
 * that row) and the checks across columns of one row.
 */
public record SourceTable(String name, String table, String description, List<SourceColumn> columns, List<String> key, List<RowRule> rules) {

  /** A check across the cells of one parsed row (values by field); answers the field and why, or empty. */
  public record RowRule(String text, Function<Map<String, Object>, Optional<RowProblem>> check) {}

  public record RowProblem(String field, String message) {}

  public SourceColumn column(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
  }

  /** The key's database columns. */
  public List<String> keyColumns() {
    return key.stream().map(f -> column(f).column()).toList();
  }
}
