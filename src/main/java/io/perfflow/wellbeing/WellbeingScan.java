package io.perfflow.wellbeing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
import io.perfflow.engine.ProcessLauncher;
import io.perfflow.mail.MailContext;
import io.perfflow.mail.Mailer;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stress scan: evaluates every active employee's signals as of a date (set-based: one query
 * per signal for all of them, see {@link StressSignals}), opens a case for each RED employee who
 * has no open case (a partial unique index keeps it to one open case per employee, also under
 * concurrent scans) and starts its stress-intervention, and tells the manager of each AMBER
 * employee to check in with them, at most once per employee in 30 days (no details in the mail).
 */
@Service
public class WellbeingScan {
  private static final Logger LOG = LoggerFactory.getLogger(WellbeingScan.class);
  static final String HEADS_UP_TEMPLATE = "wellbeing-heads-up";
  static final String HEADS_UP_SUBJECT = "wellbeing-heads-up";

  public record ScanResult(int evaluated, int red, int amber, List<Long> openedCaseIds, int headsUps) {}

  private final JdbcClient jdbc;
  private final StressSignals signals;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final TransactionTemplate tx;
  private final Mailer mailer;
  private final Organisation organisation;
  private final ObjectMapper json;
  private final Duration headsUpEvery;
  private final String baseUrl;

  public WellbeingScan(
      JdbcClient jdbc, StressSignals signals, AuditLog audit, ProcessLauncher launcher, TransactionTemplate tx, Mailer mailer,
      Organisation organisation, ObjectMapper json,
      @Value("${perfflow.wellbeing.heads-up-every:P30D}") Duration headsUpEvery,
      @Value("${perfflow.base-url}") String baseUrl) {
    this.jdbc = jdbc;
    this.signals = signals;
    this.audit = audit;
    this.launcher = launcher;
    this.tx = tx;
    this.mailer = mailer;
    this.organisation = organisation;
    this.json = json;
    this.headsUpEvery = headsUpEvery;
    this.baseUrl = baseUrl;
  }

  public ScanResult scan(LocalDate asOf, Instant now) {
    List<StressAssessment> all = signals.ofActiveEmployees(asOf);
    List<StressAssessment> red = all.stream().filter(a -> a.level() == StressLevel.RED).toList();
    List<StressAssessment> amber = all.stream().filter(a -> a.level() == StressLevel.AMBER).toList();
    Opened opened = tx.execute(status -> record(red, amber, asOf, now));
    startPending();
    mailPending(now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("asOf", asOf.toString());
    details.put("evaluated", all.size());
    details.put("red", red.size());
    details.put("amber", amber.size());
    details.put("opened", opened.caseIds());
    details.put("headsUps", opened.headsUps());
    audit.append(AuditLog.SYSTEM, "WELLBEING_SCAN", null, details);
    return new ScanResult(all.size(), red.size(), amber.size(), opened.caseIds(), opened.headsUps());
  }

  private record Opened(List<Long> caseIds, int headsUps) {}

  private Opened record(List<StressAssessment> red, List<StressAssessment> amber, LocalDate asOf, Instant now) {
    // Concurrent scans decide one after the other (the 30-day rule reads what the other wrote).
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('perfflow-wellbeing-scan'))").query(rs -> {});
    List<Long> caseIds = new ArrayList<>();
    if (!red.isEmpty()) {
      String[] signalsJson = red.stream().map(a -> toJson(a.signals())).toArray(String[]::new);
      jdbc.sql("""
              INSERT INTO wellbeing_case (employee_id, manager_id, team, level_at_opening, opened_as_of, opened_at, signals_at_opening)
              SELECT u.e, u.m, u.t, 'RED', ?, ?, CAST(u.s AS jsonb)
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS u(e, m, t, s)
              ON CONFLICT (employee_id) WHERE closed_at IS NULL DO NOTHING
              RETURNING id, employee_id""")
          .params(Date.valueOf(asOf), Timestamp.from(now),
              red.stream().map(StressAssessment::employeeId).toArray(String[]::new),
              red.stream().map(StressAssessment::managerId).toArray(String[]::new),
              red.stream().map(StressAssessment::team).toArray(String[]::new),
              signalsJson)
          .query(rs -> {
            long id = rs.getLong("id");
            caseIds.add(id);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caseId", id);
            d.put("employeeId", rs.getString("employee_id"));
            d.put("asOf", asOf.toString());
            audit.append(AuditLog.SYSTEM, "WELLBEING_CASE_OPENED", WellbeingProcesses.wellbeingCase(id), d, "wellbeing-case-opened:" + id);
          });
    }
    int[] headsUps = {0};
    if (!amber.isEmpty()) {
      jdbc.sql("""
              INSERT INTO wellbeing_heads_up (employee_id, manager_id, as_of, noticed_at)
              SELECT u.e, u.m, ?, ? FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS u(e, m)
              WHERE u.m IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM wellbeing_case c WHERE c.employee_id = u.e AND c.closed_at IS NULL)
                AND NOT EXISTS (SELECT 1 FROM wellbeing_heads_up h WHERE h.employee_id = u.e AND h.noticed_at > ?)
              RETURNING id, employee_id, manager_id""")
          .params(Date.valueOf(asOf), Timestamp.from(now),
              amber.stream().map(StressAssessment::employeeId).toArray(String[]::new),
              amber.stream().map(StressAssessment::managerId).toArray(String[]::new),
              Timestamp.from(now.minus(headsUpEvery)))
          .query(rs -> {
            headsUps[0]++;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("headsUpId", rs.getLong("id"));
            d.put("employeeId", rs.getString("employee_id"));
            d.put("managerId", rs.getString("manager_id"));
            audit.append(AuditLog.SYSTEM, "WELLBEING_HEADS_UP", null, d, "wellbeing-heads-up:" + rs.getLong("id"));
          });
    }
    return new Opened(List.copyOf(caseIds), headsUps[0]);
  }

  /**
   * Starts the stress-intervention of every open case that has no instance (just opened, or its
   * start was lost): message stress-case-opened, correlation key = the case, so the engine runs at
   * most one instance per case even when two scans publish.
   */
  public int startPending() {
    int started = 0;
    for (Map<String, Object> c : jdbc.sql(
            "SELECT id, employee_id, manager_id FROM wellbeing_case WHERE closed_at IS NULL AND process_instance_key IS NULL ORDER BY id")
        .query().listOfRows()) {
      long id = ((Number) c.get("id")).longValue();
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("wellbeingCaseId", id);
      variables.put("employeeId", c.get("employee_id"));
      variables.put("managerId", c.get("manager_id"));
      try {
        launcher.publish(WellbeingProcesses.OPENED_MESSAGE, "wellbeing-case-" + id, "wellbeing-case:" + id, Duration.ZERO, variables);
        started++;
      } catch (RuntimeException e) {
        LOG.warn("Could not start the stress-intervention of wellbeing case {}; the next scan retries: {}", id, e.getMessage());
      }
    }
    return started;
  }

  /** Mails the heads-ups not mailed yet (each once: the mail's dedupe key is the heads-up). */
  int mailPending(Instant now) {
    int mailed = 0;
    for (Map<String, Object> h : jdbc.sql("SELECT id, employee_id, manager_id FROM wellbeing_heads_up WHERE mailed_at IS NULL ORDER BY id")
        .query().listOfRows()) {
      long id = ((Number) h.get("id")).longValue();
      try {
        Employee employee = organisation.get((String) h.get("employee_id"));
        Employee manager = organisation.get((String) h.get("manager_id"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("employeeName", employee.name());
        values.put("managerName", manager.name());
        values.put("baseUrl", baseUrl);
        mailer.send(HEADS_UP_TEMPLATE, List.of(manager.email()),
            new MailContext(new Subject(HEADS_UP_SUBJECT, id), values, Map.of("employeeId", employee.id())), "wellbeing-heads-up:" + id);
        jdbc.sql("UPDATE wellbeing_heads_up SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL").params(Timestamp.from(now), id).update();
        mailed++;
      } catch (RuntimeException e) {
        LOG.warn("Could not mail wellbeing heads-up {}; the next scan retries: {}", id, e.getMessage());
      }
    }
    return mailed;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
