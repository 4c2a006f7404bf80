package io.perfflow;

import java.util.ArrayList;
import java.util.List;

/** The CSV the small imports read (metrics, people): one line at a time. */
public final class Csv {
  private Csv() {}

  /** One CSV line into its cells, RFC 4180 quoting ({@code "a, b"} and {@code ""} inside quotes). */
  public static List<String> splitLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
