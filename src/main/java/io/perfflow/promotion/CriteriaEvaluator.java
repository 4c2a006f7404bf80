package io.perfflow.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a level's criteria for one employee as of a date (pure logic over {@link EmployeeFacts}).
 *
 * <p>Metric rules look at the complete months before the date, at most {@value #LOOKBACK_MONTHS}
 * back, and start from the newest month that has a value (source data arrives after the month
 * ends): {@code LATEST} is that month's value; {@code EACH_OF_LAST_N} needs each of the N months
 * up to it to have a value that meets the bound (the worst one is shown); {@code AVERAGE_OF_LAST_N}
 * needs all N values and compares their average. Bounds are inclusive: exactly 90 meets
 * {@code atLeast 90}. A metric with no value is not met (never a zero).
 */
public final class CriteriaEvaluator {
  public static final int LOOKBACK_MONTHS = 12;

  private CriteriaEvaluator() {}

  public static List<CriterionResult> evaluate(List<Criterion> criteria, EmployeeFacts facts, LocalDate asOf) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion c : criteria) {
      results.add(switch (c.type()) {
        case METRIC -> metric(c, facts, asOf);
        case RATING -> rating(c, facts);
        case REPORTS -> reports(c, facts);
        case TIME_IN_LEVEL -> timeInLevel(c, facts, asOf);
      });
    }
    return results;
  }

  public static boolean allMet(List<CriterionResult> results) {
    return results.stream().allMatch(CriterionResult::met);
  }

  // --- METRIC ---------------------------------------------------------------------------------

  private static CriterionResult metric(Criterion c, EmployeeFacts facts, LocalDate asOf) {
    Map<YearMonth, BigDecimal> values = facts.metrics().getOrDefault(c.metric(), Map.of());
    String unit = facts.metricUnits().getOrDefault(c.metric(), "");
    String label = c.label() == null || c.label().isBlank() ? c.metric() : c.label();
    boolean atLeast = c.atLeast() != null;
    BigDecimal bound = atLeast ? c.atLeast() : c.atMost();
    String required = (atLeast ? "at least " : "at most ") + withUnit(bound, unit);
    YearMonth last = YearMonth.from(asOf).minusMonths(1);
    YearMonth first = last.minusMonths(LOOKBACK_MONTHS - 1);
    YearMonth newest = null;
    for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
      if (values.get(m) != null) {
        newest = m;
        break;
      }
    }
    int n = c.window();
    String over = switch (c.over() == null ? Criterion.Over.LATEST : c.over()) {
      case LATEST -> "";
      case EACH_OF_LAST_N -> ", each of the last " + n + " months";
      case AVERAGE_OF_LAST_N -> ", average of the last " + n + " months";
    };
    if (newest == null) {
      return new CriterionResult("METRIC", label + over + ": no value yet (" + required + " needed)", required, "no value", false);
    }
    List<BigDecimal> window = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BigDecimal v = values.get(newest.minusMonths(i));
      if (v != null) {
        window.add(v);
      }
    }
    if (window.size() < n) {
      String actual = "values for " + window.size() + " of " + n + " months";
      return new CriterionResult("METRIC", label + over + ": " + actual + " up to " + newest + " (" + required + " needed)",
          required, actual, false);
    }
    BigDecimal shown;
    boolean met;
    if (c.over() == Criterion.Over.AVERAGE_OF_LAST_N) {
      BigDecimal sum = window.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      shown = sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
      met = passes(shown, c);
    } else {
      // LATEST is a window of one; EACH_OF_LAST_N shows the worst month.
      shown = window.get(0);
      for (BigDecimal v : window) {
        if (atLeast ? v.compareTo(shown) < 0 : v.compareTo(shown) > 0) {
          shown = v;
        }
      }
      met = window.stream().allMatch(v -> passes(v, c));
    }
    String actual = withUnit(shown, unit);
    String description = atLeast
        ? label + over + ": " + actual + " of " + withUnit(bound, unit)
        : label + over + ": " + actual + ", at most " + withUnit(bound, unit);
    return new CriterionResult("METRIC", description, required, actual, met);
  }

  private static boolean passes(BigDecimal value, Criterion c) {
    boolean ok = true;
    if (c.atLeast() != null) {
      ok = value.compareTo(c.atLeast()) >= 0;
    }
    if (c.atMost() != null) {
      ok = ok && value.compareTo(c.atMost()) <= 0;
    }
    return ok;
  }

  // --- RATING, REPORTS, TIME_IN_LEVEL -----------------------------------------------------------

  private static CriterionResult rating(Criterion c, EmployeeFacts facts) {
    int k = c.lastReviews() == null ? 1 : c.lastReviews();
    String required = "at least " + c.rating() + " in each of the last " + k + (k == 1 ? " review" : " reviews");
    List<String> lastK = facts.ratings().stream().limit(k).toList();
    String what = "rating of the last " + (k == 1 ? "review" : k + " reviews");
    if (lastK.size() < k) {
      String actual = lastK.isEmpty() ? "no completed review" : "only " + lastK.size() + " completed " + (lastK.size() == 1 ? "review" : "reviews")
          + " (" + String.join(", ", lastK) + ")";
      return new CriterionResult("RATING", what + ": " + actual + " (" + required + " needed)", required, actual, false);
    }
    boolean met = lastK.stream().allMatch(r -> rank(r) >= c.rating().ordinal());
    String actual = String.join(", ", lastK);
    return new CriterionResult("RATING", what + ": " + actual + " (at least " + c.rating() + " each)", required, actual, met);
  }

  /** A rating's rank; an unknown text ranks below FAIL (never meets). */
  private static int rank(String rating) {
    try {
      return Criterion.Rating.valueOf(rating).ordinal();
    } catch (IllegalArgumentException | NullPointerException e) {
      return -1;
    }
  }

  private static CriterionResult reports(Criterion c, EmployeeFacts facts) {
    int needed = c.atLeast().intValue();
    String required = "at least " + needed + (needed == 1 ? " direct report" : " direct reports");
    String actual = String.valueOf(facts.directReports());
    return new CriterionResult("REPORTS", "direct reports (leads a team): " + actual + " of " + needed, required, actual,
        facts.directReports() >= needed);
  }

  private static CriterionResult timeInLevel(Criterion c, EmployeeFacts facts, LocalDate asOf) {
    long months = facts.levelSince() == null || facts.levelSince().isAfter(asOf)
        ? 0 : Period.between(facts.levelSince(), asOf).toTotalMonths();
    String required = "at least " + c.months() + " months";
    String actual = months + (months == 1 ? " month" : " months");
    return new CriterionResult("TIME_IN_LEVEL", "time in level: " + months + " of " + c.months() + " months", required, actual,
        months >= c.months());
  }

  // --- words ------------------------------------------------------------------------------------

  static String withUnit(BigDecimal value, String unit) {
    String number = number(value);
    return unit == null || unit.isBlank() ? number : number + " " + unit;
  }

  static String number(BigDecimal value) {
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
    f.setRoundingMode(RoundingMode.DOWN); // never show a value as reaching a bound it misses
    return f.format(value);
  }
}
