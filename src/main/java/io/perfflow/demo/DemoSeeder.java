package io.perfflow.demo;

import io.perfflow.org.Group;
import io.perfflow.org.NewEmployee;
import io.perfflow.org.Organisation;
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
 * Seeds the demo company (stores, groups, employees with their passwords) when it is missing.
 * Existing rows are left as they are, so HR's changes survive restarts.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "perfflow.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoSeeder implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  private final Organisation organisation;
  private final JdbcClient jdbc;
  private final String password;
  private final String adminPassword;
  private final DemoSourceDataGenerator companySystems;
  private final boolean generateCompanySystems;

  public DemoSeeder(
      Organisation organisation,
      JdbcClient jdbc,
      DemoSourceDataGenerator companySystems,
      @Value("${perfflow.demo.password:demo}") String password,
      @Value("${perfflow.demo.admin-password:admin}") String adminPassword,
      @Value("${perfflow.demo.company-systems:true}") boolean generateCompanySystems) {
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.password = password;
    this.adminPassword = adminPassword;
    this.companySystems = companySystems;
    this.generateCompanySystems = generateCompanySystems;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    seed();
  }

  @Transactional
  public void seed() {
    for (DemoCompany.DemoStore s : DemoCompany.STORES) {
      jdbc.sql("INSERT INTO store (id, name, marketplace, opened_on) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .params(s.id(), s.name(), s.marketplace(), s.openedOn())
          .update();
    }
    for (DemoCompany.DemoGroup g : DemoCompany.GROUPS) {
      if (organisation.group(g.id()).isEmpty()) {
        organisation.saveGroup(new Group(g.id(), g.name(), null));
      }
    }
    int added = organisation.upsertAll(DemoCompany.EMPLOYEES.stream()
        .map(e -> new NewEmployee(e.id(), e.name(), e.email(), e.role(), e.team(), e.managerId(), e.storeId(), e.hiredOn(),
            e.level(), e.basePay(), e.groups(), e.id().equals("admin") ? adminPassword : password))
        .toList());
    for (DemoCompany.DemoGroup g : DemoCompany.GROUPS) {
      jdbc.sql("UPDATE app_group SET head_id = ? WHERE id = ? AND head_id IS NULL").params(g.headId(), g.id()).update();
    }
    if (added > 0) {
      LOG.info("Seeded the demo company: {} employees", added);
    }
    if (generateCompanySystems && companySystems.generateIfEmpty()) {
      LOG.info("Generated the simulated company systems (schema source) for {} to {}",
          DemoSourceDataGenerator.FIRST_MONTH, DemoSourceDataGenerator.LAST_MONTH);
    }
    seedTeamworkSurvey();
  }

  /**
   * Teamwork has no system to query: HR imports a monthly peer-review score. The demo ships
   * those imports (deterministic, 72–94) so that stage-3 customer-service reviews can be scored.
   */
  private void seedTeamworkSurvey() {
    boolean present =
        jdbc.sql("SELECT count(*) FROM imported_metric WHERE metric = 'cs.teamwork-score'").query(Long.class).single() > 0;
    if (present) {
      return;
    }
    long batch =
        jdbc.sql("INSERT INTO metric_import_batch (imported_by, format, row_count) VALUES ('demo', 'seed', 0) RETURNING id")
            .query(Long.class)
            .single();
    int rows = 0;
    for (DemoCompany.DemoEmployee e : DemoCompany.EMPLOYEES) {
      if (!"customer-service".equals(e.role())) {
        continue;
      }
      for (var month = DemoSourceDataGenerator.FIRST_MONTH; !month.isAfter(DemoSourceDataGenerator.LAST_MONTH); month = month.plusMonths(1)) {
        int score = 72 + Math.floorMod((e.id() + month).hashCode(), 23);
        jdbc.sql("INSERT INTO imported_metric (employee_id, metric, period, value, source, batch_id) VALUES (?, 'cs.teamwork-score', ?, ?, 'peer-review survey', ?)")
            .params(e.id(), month.toString(), score, batch)
            .update();
        rows++;
      }
    }
    jdbc.sql("UPDATE metric_import_batch SET row_count = ? WHERE id = ?").params(rows, batch).update();
  }
}
