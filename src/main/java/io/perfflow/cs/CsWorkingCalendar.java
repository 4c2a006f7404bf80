package io.perfflow.cs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which days the customer-service desk works (table {@code cs_calendar_day}, V122): Monday to
 * Friday, except the days a row names (a holiday on a weekday, a weekend day worked instead). The
 * daily feedback names the week's top performers on the week's last working day.
 */
@Component
public class CsWorkingCalendar {
  private final JdbcClient jdbc;

  public CsWorkingCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether {@code date} is the last working day of its week (Monday to Sunday). */
  public boolean isLastWorkingDayOfWeek(LocalDate date) {
    LocalDate monday = date.with(DayOfWeek.MONDAY);
    Map<LocalDate, Boolean> exceptions = new HashMap<>();
    jdbc.sql("SELECT day, working FROM cs_calendar_day WHERE day BETWEEN ? AND ?").params(monday, monday.plusDays(6))
        .query((rs, i) -> exceptions.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"))).list();
    return isLastWorkingDay(date, exceptions);
  }

  /** The rule: {@code date} works and no later day of its week does ({@code exceptions}: the days that differ from Monday to Friday). */
  static boolean isLastWorkingDay(LocalDate date, Map<LocalDate, Boolean> exceptions) {
    if (!works(date, exceptions)) return false;
    for (LocalDate d = date.plusDays(1); d.getDayOfWeek() != DayOfWeek.MONDAY; d = d.plusDays(1)) {
      if (works(d, exceptions)) return false;
    }
    return true;
  }

  private static boolean works(LocalDate day, Map<LocalDate, Boolean> exceptions) {
    Boolean exception = exceptions.get(day);
    if (exception != null) return exception;
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
