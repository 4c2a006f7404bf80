package io.perfflow.promotion;

import io.perfflow.engine.EngineClock;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * The career story of the demo company, written once after the demo seeder (relative to the
 * engine clock's today): operators are on the {@code operations} track and customer-service
 * people on {@code customer-service}; otto (operations assistant) is one criterion short of
 * junior operator (advanced course 85 % of 90 %); carl (agent) meets every criterion of team lead.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "perfflow.demo.enabled", havingValue = "true", matchIfMissing = true)
public class PromotionDemoData implements ApplicationRunner {
  static final String SHORT_OPERATOR = "otto";
  static final String ELIGIBLE_AGENT = "carl";
  private static final Logger LOG = LoggerFactory.getLogger(PromotionDemoData.class);

  private final JdbcClient jdbc;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;
  private final boolean companySystems;

  public PromotionDemoData(JdbcClient jdbc, EngineClock clock, @Value("${perfflow.demo.company-systems:true}") boolean companySystems,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.clock = clock;
    this.companySystems = companySystems;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean first = jdbc.sql("SELECT count(*) FROM employee WHERE id = ? AND track IS NULL").param(SHORT_OPERATOR).query(Long.class).single() > 0;
    if (!first) {
      return;
    }
    int placed = jdbc.sql("""
            UPDATE employee e SET track = CASE WHEN e.role = 'operations' THEN 'operations' ELSE 'customer-service' END
            WHERE e.track IS NULL AND e.role IN ('operations', 'customer-service', 'customer-service-lead')
              AND EXISTS (SELECT 1 FROM career_level l WHERE l.code = e.level
                AND l.track = CASE WHEN e.role = 'operations' THEN 'operations' ELSE 'customer-service' END)""")
        .update();
    if (companySystems) {
      YearMonth last = companyTime.period(clock.now()).minusMonths(1);
      for (int i = 0; i < 3; i++) {
        LocalDate end = last.minusMonths(i).atEndOfMonth();
        upsertCourse(SHORT_OPERATOR, "operations-advanced", 85, end);
        upsertCourse(ELIGIBLE_AGENT, "cs-conversion", 95, end);
      }
      jdbc.sql("INSERT INTO source.skill_assessment (employee_id, skill, score, assessed_on) VALUES (?, 'product-selection', 78, ?) ON CONFLICT DO NOTHING")
          .params(SHORT_OPERATOR, last.atDay(15))
          .update();
    }
    LOG.info("Placed {} demo employees on career ladders", placed);
  }

  private void upsertCourse(String employee, String course, int percent, LocalDate on) {
    jdbc.sql("""
            INSERT INTO source.training_progress (employee_id, course, percent, updated_on) VALUES (?, ?, ?, ?)
            ON CONFLICT (employee_id, course, updated_on) DO UPDATE SET percent = excluded.percent""")
        .params(employee, course, percent, on)
        .update();
  }
}
