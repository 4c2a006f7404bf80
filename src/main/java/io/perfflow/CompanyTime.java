package io.perfflow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The company's time zone ({@code perfflow.company.time-zone}, default {@code Asia/Shanghai}):
 * where a period ({@code YYYY-MM}), a week, a day and a due date begin and end, and the zone
 * every time shown to a person is written in. "Today" and "this period" of an instant are its
 * date and month there: 2026-10-31T16:00Z is already 1 November (00:00) in Shanghai. The company
 * systems' data ({@code source} schema) states local times and dates of the company already.
 */
@Component
public class CompanyTime {
  public static final String DEFAULT_ZONE = "Asia/Shanghai";
  private final ZoneId zone;

  @org.springframework.beans.factory.annotation.Autowired
  public CompanyTime(@Value("${perfflow.company.time-zone:" + DEFAULT_ZONE + "}") String zone) {
    this(parse(zone));
  }

  public CompanyTime(ZoneId zone) {
    this.zone = zone;
  }

  /** The zone, or an IllegalArgumentException naming the setting. */
  public static ZoneId parse(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("perfflow.company.time-zone: not a time zone: '" + zone + "'", e);
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public ZonedDateTime at(Instant instant) {
    return instant.atZone(zone);
  }

  /** The company day {@code instant} falls on. */
  public LocalDate today(Instant instant) {
    return at(instant).toLocalDate();
  }

  /** The period (month) {@code instant} falls in, in the company zone. */
  public YearMonth period(Instant instant) {
    return YearMonth.from(at(instant));
  }

  /** The ISO week {@code YYYY-Www} of the company day {@code instant} falls on. */
  public String week(Instant instant) {
    return Periods.weekOf(today(instant));
  }

  /** When the company day begins (00:00 there; the first valid time on a day that skips it). */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** When the period begins: its first day's 00:00 in the company zone. */
  public Instant startOf(YearMonth period) {
    return startOf(period.atDay(1));
  }

  /** When the period ends (exclusive): the next month's first 00:00 in the company zone. */
  public Instant endOf(YearMonth period) {
    return startOf(period.plusMonths(1));
  }

  /** The instant of a company-local date and time. */
  public Instant instant(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  /** The company-local wall time of an instant (for {@code timestamp} columns that hold company time). */
  public LocalDateTime local(Instant instant) {
    return at(instant).toLocalDateTime();
  }
}
