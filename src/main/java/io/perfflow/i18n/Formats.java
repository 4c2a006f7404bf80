package io.perfflow.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How dates, times, numbers and money are written in each language (the pages' {@code @fmt} and
 * the mails' {@code {{value|filter}}} use these): English {@code 2026-10-05 14:30}, Chinese
 * {@code 2026年10月5日 14:30}; numbers with the language's grouping and up to 4 decimals
 * ({@code 1,234.5}); money {@code CNY 1,234.00} / {@code ¥1,234.00}; percentages {@code 104.3 %}
 * / {@code 104.3%}.
 */
public final class Formats {
  private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter WHEN_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
  private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);

  private Formats() {}

  public static String when(Instant at, Locale locale, ZoneId zone) {
    return at == null ? "—" : (Languages.isChinese(locale) ? WHEN_ZH : WHEN_EN).format(at.atZone(zone));
  }

  public static String date(LocalDate day, Locale locale) {
    return day == null ? "—" : (Languages.isChinese(locale) ? DAY_ZH : DAY_EN).format(day);
  }

  public static String num(BigDecimal value, Locale locale) {
    if (value == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(4);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value.stripTrailingZeros());
  }

  public static String percent(BigDecimal ratio, Locale locale) {
    if (ratio == null) {
      return "—";
    }
    String n = ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    return Languages.isChinese(locale) ? n + "%" : n + " %";
  }

  public static String money(BigDecimal amount, String currency, Locale locale) {
    if (amount == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    format.setRoundingMode(RoundingMode.HALF_UP);
    String n = format.format(amount);
    String code = currency == null || currency.isBlank() ? "CNY" : currency;
    if (Languages.isChinese(locale)) {
      return code.equals("CNY") ? "¥" + n : n + " " + code;
    }
    return code + " " + n;
  }
}
