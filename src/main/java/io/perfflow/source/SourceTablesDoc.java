package io.perfflow.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The tables' reference as Markdown: the generated part of {@code docs/data.md} (kept equal by SourceTablesDocTest). */
public final class SourceTablesDoc {
  public static final String BEGIN = "<!-- BEGIN GENERATED: source tables (SourceTablesDoc) -->";
  public static final String END = "<!-- END GENERATED: source tables -->";

  private SourceTablesDoc() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder(BEGIN).append("\n");
    for (SourceTable t : SourceTables.ALL) {
      out.append("\n### `").append(t.name()).append("` → `source.").append(t.table()).append("`\n\n");
      out.append("`POST /api/source/").append(t.name()).append("`. ").append(t.description()).append("\n\n");
      out.append("Key: ").append(String.join(" + ", t.key().stream().map(k -> "`" + k + "`").toList()))
          .append(" (a row with a key already held replaces that row).\n\n");
      out.append("| field | column | type | unit | required | range / values | meaning |\n");
      out.append("|---|---|---|---|---|---|---|\n");
      for (SourceColumn c : t.columns()) {
        out.append("| `").append(c.field()).append("` | `").append(c.column()).append("` | ").append(c.type().form())
            .append(" | ").append(c.unit() == null ? "" : c.unit())
            .append(" | ").append(c.required() ? "yes" : c.defaultValue() == null ? "no (empty: none)" : "no (default " + c.defaultValue() + ")")
            .append(" | ").append(range(c))
            .append(" | ").append(c.description()).append(" |\n");
      }
      if (!t.rules().isEmpty()) {
        out.append("\nAlso: ").append(String.join("; ", t.rules().stream().map(SourceTable.RowRule::text).toList())).append(".\n");
      }
    }
    return out.append("\n").append(END).append("\n").toString();
  }

  private static String range(SourceColumn c) {
    List<String> parts = new ArrayList<>();
    switch (c.type()) {
      case TEXT -> parts.add("at most " + c.maxLength() + " characters");
      case INTEGER, BIGINT, DECIMAL -> {
        if (c.min() != null || c.max() != null) {
          parts.add(io.perfflow.Numbers.range(plain(c.min()), plain(c.max())).english());
        }
        if (c.type() == SourceType.DECIMAL) {
          parts.add("at most " + c.scale() + " decimals");
        }
      }
      case ENUM -> parts.add(String.join(", ", c.values().stream().map(v -> "`" + v + "`").toList()));
      case DATE, TIMESTAMP -> parts.add("years 2000–2100");
      default -> { }
    }
    if (c.references() != null) {
      parts.add("an id of `source." + c.references() + "`");
    }
    return String.join("; ", parts);
  }

  private static BigDecimal plain(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }
}
