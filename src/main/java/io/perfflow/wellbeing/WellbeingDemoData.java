package io.perfflow.wellbeing;

import io.perfflow.engine.EngineClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wellbeing story of the demo company, written once (after the demo seeder, relative to the
 * engine clock's today, so that it shows on the first start whatever the date): otto is RED
 * (61-hour weeks, 4 leave days in the last 30, pulse pressure 5) and opal AMBER (53-hour weeks,
 * pulse pressure 4). The generated attendance of those days is replaced; nothing else reads it.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "perfflow.demo.enabled", havingValue = "true", matchIfMissing = true)
public class WellbeingDemoData implements ApplicationRunner {
  static final String RED_OPERATOR = "otto";
  static final String AMBER_OPERATOR = "opal";
  private static final Logger LOG = LoggerFactory.getLogger(WellbeingDemoData.class);

  private final JdbcClient jdbc;
  private final EngineClock clock;
  private final boolean companySystems;
  private final io.perfflow.CompanyTime companyTime;

  public WellbeingDemoData(JdbcClient jdbc, EngineClock clock, @Value("${perfflow.demo.company-systems:true}") boolean companySystems,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.clock = clock;
    this.companySystems = companySystems;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean present = jdbc.sql("SELECT count(*) FROM employee WHERE id IN (?, ?)").params(RED_OPERATOR, AMBER_OPERATOR).query(Long.class).single() == 2;
    boolean written = jdbc.sql("SELECT count(*) FROM pulse_answer WHERE employee_id = ?").param(RED_OPERATOR).query(Long.class).single() > 0;
    if (!companySystems || !present || written) {
      return;
    }
    Instant now = clock.now();
    LocalDate today = companyTime.today(now);
    // From the first of the 4 complete weeks before this week up to today.
    LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(4);
    for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
      DayOfWeek dow = day.getDayOfWeek();
      if (dow.getValue() <= 5) {
        attendance(RED_OPERATOR, day, "11.0", false);
        attendance(AMBER_OPERATOR, day, "10.6", false);
      } else if (dow == DayOfWeek.SATURDAY) {
        attendance(RED_OPERATOR, day, "6.0", false);
      }
    }
    // Four leave days in the last 30 (on weekdays of the last three weeks).
    int leave = 0;
    for (LocalDate day = today.minusDays(3); leave < 4; day = day.minusDays(5)) {
      if (day.getDayOfWeek().getValue() <= 5) {
        attendance(RED_OPERATOR, day, "0", true);
        leave++;
      }
    }
    pulse(RED_OPERATOR, today, 5, "I can't balance work and life", now);
    pulse(AMBER_OPERATOR, today, 4, null, now);
    LOG.info("Wrote the demo wellbeing story as of {}: {} RED, {} AMBER", today, RED_OPERATOR, AMBER_OPERATOR);
  }

  private void attendance(String employee, LocalDate day, String hours, boolean onLeave) {
    jdbc.sql("""
            INSERT INTO source.attendance (employee_id, day, hours, leave_day, leave_days) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (employee_id, day) DO UPDATE SET hours = EXCLUDED.hours, leave_day = EXCLUDED.leave_day, leave_days = EXCLUDED.leave_days""")
        .params(employee, Date.valueOf(day), new BigDecimal(hours), onLeave, onLeave ? BigDecimal.ONE : BigDecimal.ZERO)
        .update();
  }

  private void pulse(String employee, LocalDate day, int pressure, String comment, Instant at) {
    jdbc.sql("INSERT INTO pulse_answer (employee_id, answered_on, pressure, comment, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(employee, Date.valueOf(day), pressure, comment, Timestamp.from(at))
        .update();
  }
}
