package io.perfflow.source;

import java.math.BigDecimal;
import java.util.List;

/**
 * One column of a source table as a file sends it: the field name in the file (camelCase; the
 * snake_case column name is accepted too), the database column, its type, unit, range and whether
 * it may be left out. Drives parsing, validation and {@code docs/data.md}.
 *
 * @param defaultValue the value an omitted optional field takes (as file text), or null: NULL
 * @param references the source table ({@code store}, {@code supplier}) whose id this column names, or null
 */
public record SourceColumn(
    String field,
    String column,
    SourceType type,
    boolean required,
    String defaultValue,
    String unit,
    BigDecimal min,
    BigDecimal max,
    int scale,
    int maxLength,
    List<String> values,
    String references,
    String description) {

  static SourceColumn text(String field, String column, int maxLength, String description) {
    return new SourceColumn(field, column, SourceType.TEXT, true, null, null, null, null, 0, maxLength, List.of(), null, description);
  }

  static SourceColumn ref(String field, String column, String table, String description) {
    return new SourceColumn(field, column, SourceType.TEXT, true, null, null, null, null, 0, 100, List.of(), table, description);
  }

  static SourceColumn date(String field, String column, String description) {
    return new SourceColumn(field, column, SourceType.DATE, true, null, null, null, null, 0, 0, List.of(), null, description);
  }

  static SourceColumn timestamp(String field, String column, String description) {
    return new SourceColumn(field, column, SourceType.TIMESTAMP, true, null, null, null, null, 0, 0, List.of(), null, description);
  }

  static SourceColumn bool(String field, String column, String description) {
    return new SourceColumn(field, column, SourceType.BOOLEAN, false, "false", null, null, null, 0, 0, List.of(), null, description);
  }

  static SourceColumn integer(String field, String column, String unit, Long min, Long max, String description) {
    return new SourceColumn(field, column, SourceType.INTEGER, true, null, unit,
        min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max), 0, 0, List.of(), null, description);
  }

  static SourceColumn bigint(String field, String column, String description) {
    return new SourceColumn(field, column, SourceType.BIGINT, true, null, null, BigDecimal.ONE, null, 0, 0, List.of(), null, description);
  }

  /** A decimal with {@code scale} decimals and at most {@code digits} digits in all (numeric(digits, scale)). */
  static SourceColumn decimal(String field, String column, String unit, int digits, int scale, String min, String max, String description) {
    BigDecimal limit = BigDecimal.TEN.pow(digits - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
    return new SourceColumn(field, column, SourceType.DECIMAL, true, null, unit,
        min == null ? limit.negate() : new BigDecimal(min), max == null ? limit : new BigDecimal(max), scale, 0, List.of(), null, description);
  }

  static SourceColumn oneOf(String field, String column, List<String> values, String description) {
    return new SourceColumn(field, column, SourceType.ENUM, true, null, null, null, null, 0, 0, List.copyOf(values), null, description);
  }

  static SourceColumn period(String field, String column, String description) {
    return new SourceColumn(field, column, SourceType.PERIOD, true, null, null, null, null, 0, 0, List.of(), null, description);
  }

  /** The same column, optional: left out (or empty) it is {@code defaultValue} (null: NULL). */
  SourceColumn optional(String defaultValue) {
    return new SourceColumn(field, column, type, false, defaultValue, unit, min, max, scale, maxLength, values, references, description);
  }

  SourceColumn optional() {
    return optional(null);
  }
}
