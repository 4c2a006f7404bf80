package io.perfflow.metrics;

import io.perfflow.Periods;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The days a metric is read over: {@code start} inclusive, {@code end} exclusive (the metric
 * queries' {@code :periodStart} / {@code :periodEnd}). A window that is exactly a calendar month or
 * an ISO week also has an import period ({@code YYYY-MM} / {@code YYYY-Www}); imported values
 * apply only to such windows, since an import states one value for the whole period.
 */
public record MetricWindow(LocalDate start, LocalDate end) {
  public MetricWindow {
    if (start == null || end == null || !end.isAfter(start)) {
      throw new IllegalArgumentException("A metric window needs start < end, got " + start + " .. " + end);
    }
  }

  public static MetricWindow month(YearMonth month) {
    return new MetricWindow(month.atDay(1), month.plusMonths(1).atDay(1));
  }

  /** The ISO week {@code YYYY-Www}, Monday to Sunday. */
  public static MetricWindow week(String week) {
    LocalDate monday = Periods.mondayOf(week);
    return new MetricWindow(monday, monday.plusDays(7));
  }

  /** The period imports are stored under for exactly this window, if it is a month or a week. */
  public Optional<String> importPeriod() {
    if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1))) {
      return Optional.of(YearMonth.from(start).toString());
    }
    if (start.getDayOfWeek() == DayOfWeek.MONDAY && end.equals(start.plusDays(7))) {
      return Optional.of(Periods.weekOf(start));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return importPeriod().orElse(start + ".." + end.minusDays(1));
  }
}
