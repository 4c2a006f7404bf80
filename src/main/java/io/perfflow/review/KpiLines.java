package io.perfflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review's KPI lines as the {@code kpiLines} process variable the forms' {@code table}
 * component shows (Tasklist and PerfFlow's own task page read the same shape): one entry per KPI
 * with {@code perspective} (the balanced-scorecard perspective's label, null when the KPI has
 * none), {@code kpi} (its name), {@code unit}, {@code actual}, {@code target}, {@code completion}
 * (in percent), {@code score} and {@code weight} (percent) as numbers, null where not computed yet.
 * Lines are grouped by perspective (financial, customer, internal process, learning &amp; growth,
 * then those without one), in scorecard order within a group.
 */
public final class KpiLines {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private KpiLines() {}

  public static List<Map<String, Object>> of(List<ReviewLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReviewLine l : grouped(lines)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("perspective", l.perspectiveLabel());
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

  /** The lines grouped by perspective (in the enum's order, lines without one last), stable within a group. */
  public static List<ReviewLine> grouped(List<ReviewLine> lines) {
    List<ReviewLine> sorted = new ArrayList<>(lines);
    sorted.sort(java.util.Comparator.comparingInt(KpiLines::rank));
    return sorted;
  }

  /** The sum of the lines' weights per perspective (percent), for the review page's group headings. */
  public static Map<String, BigDecimal> perspectiveWeights(List<ReviewLine> lines) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (ReviewLine l : lines) {
      if (l.perspective() != null && l.weight() != null) {
        sums.merge(l.perspective(), l.weight(), BigDecimal::add);
      }
    }
    return sums;
  }

  private static int rank(ReviewLine l) {
    if (l.perspective() == null) {
      return Integer.MAX_VALUE;
    }
    try {
      return io.perfflow.scorecard.Perspective.valueOf(l.perspective()).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
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
