package io.perfflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V12 moves tasks, mails and audit events from review_id / case_id columns to a subject. Data
 * written before it keeps working: the subjects are derived, and the audit chain written with
 * the old hash still verifies (and keeps growing with the new one).
 */
class SubjectMigrationTest {
  private static EmbeddedPostgres server;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void existingTasksMailsAndAuditEventsGetTheirSubjectAndTheChainStillVerifies() {
    DataSource ds = server.getPostgresDatabase();
    // As the application's connections: PerfFlow's schema first (each new connection reads it).
    JdbcClient.create(ds).sql("ALTER DATABASE postgres SET search_path = perfflow, demo").update();
    Flyway.configure().dataSource(ds).schemas("perfflow", "demo").defaultSchema("perfflow").target("11").load().migrate();
    JdbcClient jdbc = JdbcClient.create(ds);
    jdbc.sql("""
        INSERT INTO perfflow.employee (id, name, email, role, team, hired_on, level, password_hash)
        VALUES ('e1', 'E One', 'e1@x', 'operations', 'ops', DATE '2020-01-01', 'junior', 'x')""").update();
    long cycle = jdbc.sql("INSERT INTO perfflow.review_cycle (period, status, started_by) VALUES ('2026-01', 'RUNNING', 'admin') RETURNING id")
        .query(Long.class).single();
    long review = jdbc.sql("""
        INSERT INTO perfflow.review (cycle_id, employee_id, period, role, team, profile, status)
        VALUES (?, 'e1', '2026-01', 'operations', 'ops', 'normal', 'CREATED') RETURNING id""").param(cycle).query(Long.class).single();
    long caseId = jdbc.sql("""
        INSERT INTO perfflow.supplier_delay_case (order_id, buyer_id, supplier_id, promised_on, days_late, detected_at)
        VALUES ('PO-1', 'e1', 'S', DATE '2026-01-01', 3, now()) RETURNING id""").query(Long.class).single();
    jdbc.sql("""
        INSERT INTO perfflow.user_task (key, process_instance_key, element_id, name, review_id, status)
        VALUES (1, 10, 'self-assessment', 'Self-assessment', ?, 'CREATED')""").param(review).update();
    jdbc.sql("""
        INSERT INTO perfflow.user_task (key, process_instance_key, element_id, name, case_id, status)
        VALUES (2, 20, 'resolve-supplier-delay', 'Resolve supplier delay', ?, 'CREATED')""").param(caseId).update();
    jdbc.sql("INSERT INTO perfflow.mail_log (dedupe_key, template, recipients, subject, review_id) VALUES ('m1', 't', 'e1@x', 's', ?)")
        .param(review).update();
    // Events as the old AuditLog wrote them: hashed over (review_id, cycle_id).
    String prev = "GENESIS";
    prev = oldEvent(jdbc, prev, 1, "REVIEW_CREATED", review, cycle, "{}");
    prev = oldEvent(jdbc, prev, 2, "CYCLE_PREPARED", null, cycle, "{}");
    prev = oldEvent(jdbc, prev, 3, "SUPPLIER_DELAY_DETECTED", null, null, "{\"caseId\":" + caseId + ",\"level\":1}");
    prev = oldEvent(jdbc, prev, 4, "EMPLOYEE_CREATED", null, null, "{\"id\":\"e1\"}");
    jdbc.sql("SELECT setval('perfflow.audit_event_id_seq', 4)").query().singleValue();

    Flyway.configure().dataSource(ds).schemas("perfflow", "demo").defaultSchema("perfflow").load().migrate();

    AuditLog audit = new AuditLog(jdbc, new ObjectMapper());
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 4, null));
    assertThat(audit.historyOf(new Subject("review", review))).extracting(AuditEvent::action).containsExactly("REVIEW_CREATED");
    assertThat(audit.historyOf(new Subject("cycle", cycle))).extracting(AuditEvent::action).containsExactly("CYCLE_PREPARED");
    assertThat(audit.historyOf(new Subject("supplier-delay-case", caseId))).extracting(AuditEvent::action)
        .containsExactly("SUPPLIER_DELAY_DETECTED");
    assertThat(jdbc.sql("SELECT subject_type || ':' || subject_id FROM perfflow.user_task ORDER BY key").query(String.class).list())
        .containsExactly("review:" + review, "supplier-delay-case:" + caseId);
    assertThat(jdbc.sql("SELECT subject_type || ':' || subject_id FROM perfflow.mail_log").query(String.class).single())
        .isEqualTo("review:" + review);

    // New events hash their subject; the chain goes on from the old ones.
    audit.append("admin", "REVIEW_RETRIED", new Subject("review", review), Map.of("note", "after V12"));
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 5, null));
    assertThat(audit.historyOf(new Subject("review", review))).extracting(AuditEvent::action)
        .containsExactly("REVIEW_CREATED", "REVIEW_RETRIED");

    // An edit of an old event's hashed content is still detected.
    jdbc.sql("ALTER TABLE perfflow.audit_event DISABLE TRIGGER audit_event_no_update").update();
    jdbc.sql("UPDATE perfflow.audit_event SET v1_cycle_id = v1_cycle_id + 1 WHERE id = 2").update();
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(false, 2, 2L));
  }

  private static String oldEvent(JdbcClient jdbc, String prev, long id, String action, Long reviewId, Long cycleId, String details) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String hash = AuditLog.hashV1(prev, new AuditEvent(id, at, "perfflow", action, null, details), reviewId, cycleId);
    jdbc.sql("""
        INSERT INTO perfflow.audit_event (id, at, actor, action, review_id, cycle_id, details, prev_hash, hash)
        VALUES (?, ?, 'perfflow', ?, ?, ?, ?, ?, ?)""")
        .params(id, Timestamp.from(at), action, reviewId, cycleId, details, prev, hash).update();
    jdbc.sql("UPDATE perfflow.audit_chain_head SET last_id = ?, last_hash = ?").params(id, hash).update();
    return hash;
  }
}
