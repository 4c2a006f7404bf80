package io.perfflow.metrics;

import io.perfflow.Msg;
import java.util.Locale;

/**
 * A rejected import row: row is 1-based over the data rows (0 = the file as a whole, e.g. its
 * header). Row and field are machine values; the message is {@code text} (key and arguments, in
 * the language of the request being answered) when given, else the plain {@code message}.
 */
public record RowError(int row, String field, String message, Msg text) {
  public RowError(int row, String field, String message) {
    this(row, field, message, null);
  }

  public RowError(int row, String field, Msg text) {
    this(row, field, text.english(), text);
  }

  @Override
  public String message() {
    return text == null ? message : text.current();
  }

  public String message(Locale locale) {
    return text == null ? message : text.in(locale);
  }

  /** Equal when row, field and the English message are (however the message was given). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RowError r && r.row == row && java.util.Objects.equals(r.field, field) && java.util.Objects.equals(r.message, message);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(row, field, message);
  }

  @Override
  public String toString() {
    return (row == 0 ? "file" : "row " + row) + " " + field + ": " + message;
  }
}
