package io.perfflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of periods. A review period is exactly {@code YYYY-MM} (four digits, month
 * 01–12), as the database's CHECK constraints say. {@code YearMonth.parse} alone accepts
 * {@code +12026-01} and {@code -0001-01}, which the database then refuses with a 500; everything
 * that takes a period from outside goes through here and gets a 400 naming the field instead.
 *
 * <p>A week is an ISO-8601 week {@code YYYY-Www}: four-digit week-based year, week 01–52, or 53
 * only in a year that has one (2026 has 53). A week runs Monday to Sunday; it belongs to the month
 * of its Thursday (the ISO rule that also decides its year), see {@link #monthOfWeek}.
 */
public final class Periods {
  private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(0[1-9]|[1-4]\\d|5[0-3])");

  private Periods() {}

  public static boolean isValid(String text) {
    return text != null && PERIOD.matcher(text).matches();
  }

  /** The period, or a 400 naming {@code field}. */
  public static YearMonth parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, Msg.of("errors.period.required"));
    }
    if (!isValid(text)) {
      throw new InvalidInputException(field, Msg.of("errors.period.invalid", Texts.excerpt(text)));
    }
    return YearMonth.parse(text);
  }

  // --- ISO weeks ------------------------------------------------------------------------------

  /** {@code YYYY-Www} with a week that exists in that week-based year (53 only when it has 53). */
  public static boolean isValidWeek(String text) {
    if (text == null) {
      return false;
    }
    Matcher m = WEEK.matcher(text);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    return year >= 1 && week <= weeksIn(year);
  }

  /** A month {@code YYYY-MM} or a week {@code YYYY-Www}: what a metric import accepts. */
  public static boolean isValidMonthOrWeek(String text) {
    return isValid(text) || isValidWeek(text);
  }

  /** The week's Monday, or a 400 naming {@code field}. */
  public static LocalDate parseWeek(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, Msg.of("errors.week.required"));
    }
    if (!isValidWeek(text)) {
      throw new InvalidInputException(field, Msg.of("errors.week.invalid", Texts.excerpt(text)));
    }
    return mondayOf(text);
  }

  /** The Monday of a valid week {@code YYYY-Www}; an IllegalArgumentException otherwise. */
  public static LocalDate mondayOf(String week) {
    if (!isValidWeek(week)) {
      throw new IllegalArgumentException("Not an ISO week: '" + Texts.excerpt(week) + "'");
    }
    int year = Integer.parseInt(week.substring(0, 4));
    int number = Integer.parseInt(week.substring(6));
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
        .with(DayOfWeek.MONDAY);
  }

  /** The ISO week {@code YYYY-Www} a day falls in (31 Dec 2024 is in 2025-W01). */
  public static String weekOf(LocalDate day) {
    int year = day.get(IsoFields.WEEK_BASED_YEAR);
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return String.format("%04d-W%02d", year, week);
  }

  /** The month a week belongs to: the month of its Thursday. */
  public static YearMonth monthOfWeek(String week) {
    return YearMonth.from(mondayOf(week).plusDays(3));
  }

  private static int weeksIn(int year) {
    return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
  }
}
