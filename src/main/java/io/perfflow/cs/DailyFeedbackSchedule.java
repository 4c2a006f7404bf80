package io.perfflow.cs;

import io.perfflow.engine.ModelSetting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the daily feedback runs: every day at {@code perfflow.cs.daily-feedback.time} (18:00) in
 * the company's time zone ({@code perfflow.company.time-zone}, Asia/Shanghai). A timer start
 * event cannot read variables, so the time cycle is contributed as a {@link ModelSetting}: a
 * repeating interval {@code R/<next run with its UTC offset>/P1D}. (A zone with daylight saving
 * keeps the offset of the first run until the next deployment.)
 */
@Configuration(proxyBeanMethods = false)
public class DailyFeedbackSchedule {
  public static final String FILE = "daily-feedback.bpmn";
  static final String TIMER_DEFINITION = "daily-feedback-timer-definition";

  private final ZoneId zone;
  private final LocalTime time;

  public DailyFeedbackSchedule(
      @Value("${perfflow.company.time-zone:Asia/Shanghai}") String zone, @Value("${perfflow.cs.daily-feedback.time:18:00}") String time) {
    this.zone = io.perfflow.CompanyTime.parse(zone);
    try {
      this.time = LocalTime.parse(time);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("perfflow.cs.daily-feedback.time: not a time HH:mm: '" + time + "'", e);
    }
  }

  @Bean
  ModelSetting dailyFeedbackTime() {
    return new ModelSetting(FILE, TIMER_DEFINITION, timeCycle(Instant.now()));
  }

  /** {@code R/<the next run after now, with its offset>/P1D}. */
  String timeCycle(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime next = local.toLocalDate().atTime(time).atZone(zone);
    if (!next.isAfter(local)) {
      next = next.plusDays(1);
    }
    return "R/" + next.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }

  /** The company day a run at {@code at} reports on: today once the run time has passed, else yesterday. */
  public LocalDate dayOfRun(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    return local.toLocalTime().isBefore(time) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime time() {
    return time;
  }
}
