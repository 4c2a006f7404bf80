package io.perfflow;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The one parser of review periods: exactly {@code YYYY-MM} (four digits, month 01–12), as the
 * database's CHECK constraints say. {@code YearMonth.parse} alone accepts {@code +12026-01} and
 * {@code -0001-01}, which the database then refuses with a 500; everything that takes a period
 * from outside goes through here and gets a 400 naming the field instead.
 */
public final class Periods {
  private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private Periods() {}

  public static boolean isValid(String text) {
    return text != null && PERIOD.matcher(text).matches();
  }

  /** The period, or a 400 naming {@code field}. */
  public static YearMonth parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required (YYYY-MM)");
    }
    if (!isValid(text)) {
      throw new InvalidInputException(field, "'" + Texts.excerpt(text) + "' is not a period YYYY-MM (four-digit year, month 01-12)");
    }
    return YearMonth.parse(text);
  }
}
