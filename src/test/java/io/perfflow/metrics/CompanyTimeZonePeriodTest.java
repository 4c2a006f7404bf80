package io.perfflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.CompanyTime;
import io.perfflow.i18n.Formats;
import io.perfflow.i18n.Languages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A period begins and ends at midnight in the company time zone ({@code perfflow.company.time-zone},
 * Asia/Shanghai = UTC+8): 2026-10-31T15:59:59Z is still October there, 16:00Z is November. The
 * emergency-response metric (cases detected in the period, a timestamptz) counts a case detected
 * one second before that midnight in October and one at midnight in November; with the zone set
 * to UTC both are October.
 */
class CompanyTimeZonePeriodTest {
  static final Instant LAST_SECOND_OF_OCTOBER = Instant.parse("2026-10-31T15:59:59Z");
  static final Instant MIDNIGHT = Instant.parse("2026-10-31T16:00:00Z");
  private static TestDatabase db;

  @BeforeAll
  static void twoCasesAroundMidnight() {
    db = TestDatabase.withDemoEmployees();
    db.jdbc.sql("""
        INSERT INTO perfflow.supplier_delay_case (id, order_id, buyer_id, supplier_id, promised_on, days_late, detected_at,
            status, level, max_level, action, resolved_by, resolved_at, resolved_at_level, closed_at, outcome) VALUES
          (911, 'PX1', 'priya', 'SUP-1', '2026-10-20', 3, ?, 'RESOLVED', 1, 1, 'EXPEDITE', 'priya', ?, 1, ?, 'resolved: EXPEDITE'),
          (912, 'PX2', 'priya', 'SUP-1', '2026-10-20', 3, ?, 'RESOLVED', 1, 1, 'EXPEDITE', 'priya', ?, 1, ?, 'resolved: EXPEDITE')""")
        .params(ts(LAST_SECOND_OF_OCTOBER), ts(LAST_SECOND_OF_OCTOBER.plus(Duration.ofHours(2))), ts(LAST_SECOND_OF_OCTOBER.plus(Duration.ofHours(2))),
            ts(MIDNIGHT), ts(MIDNIGHT.plus(Duration.ofHours(10))), ts(MIDNIGHT.plus(Duration.ofHours(10))))
        .update();
  }

  static java.sql.Timestamp ts(Instant at) {
    return java.sql.Timestamp.from(at);
  }

  @Test
  void thePeriodOfAnInstantIsItsMonthInTheCompanyZone() {
    CompanyTime shanghai = new CompanyTime("Asia/Shanghai");
    assertThat(shanghai.period(LAST_SECOND_OF_OCTOBER)).isEqualTo(YearMonth.of(2026, 10));
    assertThat(shanghai.period(MIDNIGHT)).isEqualTo(YearMonth.of(2026, 11));
    assertThat(shanghai.today(MIDNIGHT)).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(shanghai.startOf(YearMonth.of(2026, 11))).isEqualTo(MIDNIGHT);
    assertThat(shanghai.endOf(YearMonth.of(2026, 10))).isEqualTo(MIDNIGHT);
    assertThat(shanghai.week(MIDNIGHT)).isEqualTo("2026-W44"); // Sunday 1 November
    assertThat(new CompanyTime("UTC").period(MIDNIGHT)).isEqualTo(YearMonth.of(2026, 10));
    // a due date at that instant is shown as the company's midnight
    assertThat(Formats.when(MIDNIGHT, Languages.ENGLISH, shanghai.zone())).isEqualTo("2026-11-01 00:00");
    assertThat(Formats.when(MIDNIGHT, Languages.CHINESE, shanghai.zone())).isEqualTo("2026年11月1日 00:00");
    assertThat(Formats.when(LAST_SECOND_OF_OCTOBER, Languages.ENGLISH, shanghai.zone())).isEqualTo("2026-10-31 23:59");
  }

  @Test
  void aMetricCountsACaseInThePeriodItsDetectionFallsInThere() {
    assertThat(hours("Asia/Shanghai", YearMonth.of(2026, 10))).isEqualByComparingTo("2");
    assertThat(hours("Asia/Shanghai", YearMonth.of(2026, 11))).isEqualByComparingTo("10");
    assertThat(hours("UTC", YearMonth.of(2026, 10))).isEqualByComparingTo("6"); // (2 + 10) / 2
    assertThat(hours("UTC", YearMonth.of(2026, 11))).isEqualByComparingTo("0");
  }

  private static BigDecimal hours(String zone, YearMonth period) {
    MetricQueries queries = new MetricQueries(db.dataSource, new ExternalDataSources(new org.springframework.core.env.StandardEnvironment()),
        Duration.ofSeconds(60), Duration.ofSeconds(5), new CompanyTime(ZoneId.of(zone)));
    List<MetricValue> values = new SqlMetricSource(db.jdbc, queries).read(List.of("priya"), MetricWindow.month(period), List.of("procurement.emergency-response-hours"));
    assertThat(values).hasSize(1);
    return values.get(0).value();
  }
}
