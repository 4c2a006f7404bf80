package io.perfflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review's KPI lines as the {@code kpiLines} process variable the forms' {@code table}
 * component shows (Tasklist and PerfFlow's own task page read the same shape): one entry per KPI
 * with {@code kpi} (its name), {@code unit}, {@code actual}, {@code target}, {@code completion}
 * (in percent), {@code score} and {@code weight} (percent) as numbers, null where not computed yet.
 */
public final class KpiLines {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private KpiLines() {}

  public static List<Map<String, Object>> of(List<ReviewLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReviewLine l : lines) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kpi", l.name());
      row.put("unit", l.unit());
      row.put("actual", number(l.actual()));
      row.put("target", number(l.target()));
      row.put("completion", l.completion() == null ? null : number(l.completion().multiply(HUNDRED)));
      row.put("score", number(l.score()));
      row.put("weight", number(l.weight()));
      out.add(row);
    }
    return out;
  }

  /**
   * A plain number for the variable: an integral value as a Long, else a Double (what the engine
   * stores for a JSON number anyway), so form-js shows {@code 30}, not {@code 30.00} or {@code 3E+1}.
   */
  static Number number(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? plain.longValueExact() : plain.doubleValue();
  }
}
