package io.perfflow.wellbeing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditEvent;
import io.perfflow.audit.AuditLog;
import io.perfflow.org.Organisation;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wellbeing cases: the steps of a case's stress-intervention (each called by a job worker:
 * idempotent, audited about the case) and reading them. Only HR reads a case (the controller
 * and the page check it and audit every read of details).
 */
@Service
public class WellbeingCases {
  static final String SYSTEM = AuditLog.SYSTEM;
  static final String INTERVIEW_TASK = "stress-interview";

  public record Step(
      long id, long caseId, int round, int position, InterventionKind kind, String title, String target, Integer targetHours,
      String course, String otherText, String assignee, Long taskKey, String outcome, Integer newExpectedHours, String doneBy,
      Instant doneAt) {
    /** What the step's task shows its assignee (no notes, no signals). */
    public Map<String, Object> forTask() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stepId", id);
      m.put("kind", kind.name());
      m.put("title", title);
      m.put("target", target);
      m.put("assignee", assignee);
      return m;
    }
  }

  public record Interview(int round, String notes, List<String> interventions, String interviewedBy, Instant interviewedAt) {}

  public record FollowUp(int round, LocalDate asOf, StressLevel level, String signals, Instant evaluatedAt) {}

  /** The outcome of a follow-up: RESOLVED, SECOND_INTERVIEW or ESCALATED, with the level and the new round. */
  public record FollowUpOutcome(String outcome, StressLevel level, int round) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final StressSignals signals;
  private final Organisation organisation;
  private final TaskInbox tasks;
  private final ObjectMapper json;

  /** The inbox is lazy: the access rules (TaskRules, which the inbox uses) ask this family's SubjectOwner, which reads cases. */
  public WellbeingCases(
      JdbcClient jdbc, AuditLog audit, StressSignals signals, Organisation organisation,
      @org.springframework.context.annotation.Lazy TaskInbox tasks, ObjectMapper json) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.signals = signals;
    this.organisation = organisation;
    this.tasks = tasks;
    this.json = json;
  }

  // --- the steps ------------------------------------------------------------------------------

  /** The case's stress-intervention started: remember the instance (one per case). Returns the case's round. */
  @Transactional
  public int recordStarted(long caseId, long processInstanceKey, String dedupeKey) {
    int updated = jdbc.sql("""
            UPDATE wellbeing_case SET process_instance_key = ?
            WHERE id = ? AND (process_instance_key IS NULL OR process_instance_key = ?)""")
        .params(processInstanceKey, caseId, processInstanceKey).update();
    WellbeingCase c = get(caseId);
    if (updated == 0) {
      throw new IllegalStateException("Wellbeing case " + caseId + " already runs in process instance " + c.processInstanceKey()
          + ", not " + processInstanceKey);
    }
    audit.append(SYSTEM, "WELLBEING_CASE_STARTED", WellbeingProcesses.wellbeingCase(caseId),
        details(caseId, "round", c.round(), "processInstanceKey", processInstanceKey), dedupeKey);
    return c.round();
  }

  /**
   * HR's interview of a round: the notes (confidential) and the interventions, each becoming a
   * step. A repeated call for the same round returns the steps recorded the first time.
   */
  @Transactional
  public List<Step> recordInterview(
      long caseId, int round, String notes, List<String> interventions, Integer targetHours, String course, String otherText,
      Instant at, String dedupeKey) {
    WellbeingCase c = get(caseId);
    List<InterventionKind> kinds = new ArrayList<>();
    for (String k : interventions == null ? List.<String>of() : interventions) {
      try {
        InterventionKind kind = InterventionKind.valueOf(k);
        if (!kinds.contains(kind)) {
          kinds.add(kind);
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("interventions", io.perfflow.Msg.of("wellbeing.error.intervention", k));
      }
    }
    if (kinds.contains(InterventionKind.REBALANCE_WORKLOAD) && (targetHours == null || targetHours < 10 || targetHours > 60)) {
      throw new InvalidInputException("targetHours", io.perfflow.Msg.of("wellbeing.error.targetHours", targetHours));
    }
    if (kinds.contains(InterventionKind.TARGETED_TRAINING) && (course == null || course.isBlank())) {
      throw new InvalidInputException("course", io.perfflow.Msg.of("wellbeing.error.course"));
    }
    if (kinds.contains(InterventionKind.OTHER) && (otherText == null || otherText.isBlank())) {
      throw new InvalidInputException("otherText", io.perfflow.Msg.of("wellbeing.error.otherText"));
    }
    String by = lastCompletedBy(caseId, INTERVIEW_TASK).orElse(SYSTEM);
    int inserted = jdbc.sql("""
            INSERT INTO wellbeing_interview (case_id, round, notes, interventions, interviewed_by, interviewed_at)
            VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING""")
        .params(caseId, round, notes, toJson(kinds.stream().map(Enum::name).toList()), by, Timestamp.from(at)).update();
    if (inserted > 0) {
      String name = organisation.find(c.employeeId()).map(e -> e.name()).orElse(c.employeeId());
      int position = 0;
      for (InterventionKind kind : kinds) {
        String assignee = kind.byManager() && c.managerId() != null ? c.managerId() : null;
        String title = switch (kind) {
          case REBALANCE_WORKLOAD -> "Rebalance the workload of " + name;
          case FLEXIBLE_HOURS -> "Agree flexible working hours with " + name;
          case TARGETED_TRAINING -> "Enrol " + name + " in " + course.strip();
          case COUNSELLING -> "Book counselling for " + name;
          case OTHER -> "Wellbeing step for " + name;
        };
        String target = switch (kind) {
          case REBALANCE_WORKLOAD -> "Target: " + targetHours + " hours a week. Move work so that " + name + " can keep to it.";
          case FLEXIBLE_HOURS -> "Agree with " + name + " when they work.";
          case TARGETED_TRAINING -> "Course: " + course.strip();
          case COUNSELLING -> "Book a counselling session and tell " + name + " when it is.";
          case OTHER -> otherText.strip();
        };
        jdbc.sql("""
                INSERT INTO wellbeing_step (case_id, round, position, kind, title, target, target_hours, course, other_text, assignee)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(caseId, round, position++, kind.name(), title, target,
                kind == InterventionKind.REBALANCE_WORKLOAD ? targetHours : null,
                kind == InterventionKind.TARGETED_TRAINING ? course.strip() : null,
                kind == InterventionKind.OTHER ? otherText.strip() : null, assignee)
            .update();
      }
      // The notes stay out of the audit details (the case's reads are audited instead).
      audit.append(by, "WELLBEING_INTERVIEW_RECORDED", WellbeingProcesses.wellbeingCase(caseId),
          details(caseId, "round", round, "interventions", kinds.stream().map(Enum::name).toList(), "at", at.toString()), dedupeKey);
    }
    return steps(caseId).stream().filter(s -> s.round() == round).toList();
  }

  /** The interview was not done within interviewEscalateAfter: the HR head is told (audited). */
  public void recordInterviewOverdue(long caseId, int round, Instant at, String dedupeKey) {
    get(caseId);
    audit.append(SYSTEM, "WELLBEING_INTERVIEW_OVERDUE", WellbeingProcesses.wellbeingCase(caseId),
        details(caseId, "round", round, "at", at.toString(), "escalatedTo", "head of hr"), dedupeKey);
  }

  /** A step's task was created: link it to the step (so its page shows that step's target only). */
  public void linkTask(long stepId, long taskKey) {
    jdbc.sql("UPDATE wellbeing_step SET task_key = ? WHERE id = ?").params(taskKey, stepId).update();
  }

  /** A step was done: what was done (and the new expected hours of a rebalance). */
  @Transactional
  public void recordStepDone(long caseId, long stepId, String outcome, Integer newExpectedHours, Instant at, String dedupeKey) {
    Step step = step(stepId).filter(s -> s.caseId() == caseId)
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("wellbeing.error.noStep", caseId, stepId)));
    String by = step.taskKey() == null ? SYSTEM : tasks.find(step.taskKey()).map(UserTask::completedBy).orElse(SYSTEM);
    int updated = jdbc.sql("""
            UPDATE wellbeing_step SET outcome = ?, new_expected_hours = ?, done_by = ?, done_at = ? WHERE id = ? AND done_at IS NULL""")
        .params(outcome, newExpectedHours, by, Timestamp.from(at), stepId).update();
    if (updated > 0) {
      Map<String, Object> d = details(caseId, "stepId", stepId, "kind", step.kind().name(), "round", step.round(), "at", at.toString());
      if (newExpectedHours != null) {
        d.put("newExpectedHours", newExpectedHours);
      }
      audit.append(by, "WELLBEING_STEP_DONE", WellbeingProcesses.wellbeingCase(caseId), d, dedupeKey);
    }
  }

  /**
   * The follow-up of a round: the signals as of {@code asOf}. GREEN or AMBER close the case
   * RESOLVED (the signals at opening stay beside those at closing); RED in round 1 starts round 2;
   * RED in round 2 closes it ESCALATED. Evaluated once per round (a retried job gets the same).
   */
  @Transactional
  public FollowUpOutcome followUp(long caseId, int round, LocalDate asOf, Instant at, String dedupeKey) {
    WellbeingCase c = get(caseId);
    Optional<FollowUp> earlier = followUps(caseId).stream().filter(f -> f.round() == round).findFirst();
    FollowUp f;
    if (earlier.isPresent()) {
      f = earlier.get();
    } else {
      StressAssessment a = signals.of(c.employeeId(), asOf);
      jdbc.sql("""
              INSERT INTO wellbeing_follow_up (case_id, round, as_of, level, signals, evaluated_at)
              VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT DO NOTHING""")
          .params(caseId, round, Date.valueOf(asOf), a.level().name(), toJson(a.signals()), Timestamp.from(at)).update();
      f = followUps(caseId).stream().filter(x -> x.round() == round).findFirst().orElseThrow();
      audit.append(SYSTEM, "WELLBEING_FOLLOW_UP", WellbeingProcesses.wellbeingCase(caseId),
          details(caseId, "round", round, "asOf", asOf.toString(), "level", f.level().name()), dedupeKey);
    }
    if (!c.isOpen()) {
      return new FollowUpOutcome(c.status() == WellbeingCaseStatus.ESCALATED ? "ESCALATED" : "RESOLVED", f.level(), c.round());
    }
    if (f.level() != StressLevel.RED) {
      close(c, WellbeingCaseStatus.RESOLVED, f, "resolved at follow-up " + round + ": RED -> " + f.level(), at);
      return new FollowUpOutcome("RESOLVED", f.level(), round);
    }
    if (round < 2) {
      jdbc.sql("UPDATE wellbeing_case SET round = 2 WHERE id = ? AND round = 1").param(caseId).update();
      audit.append(SYSTEM, "WELLBEING_SECOND_INTERVIEW", WellbeingProcesses.wellbeingCase(caseId),
          details(caseId, "round", 2, "at", at.toString()), dedupeKey == null ? null : dedupeKey + ":second");
      return new FollowUpOutcome("SECOND_INTERVIEW", f.level(), 2);
    }
    close(c, WellbeingCaseStatus.ESCALATED, f, "still RED after the second follow-up: escalated to the head of hr", at);
    return new FollowUpOutcome("ESCALATED", f.level(), round);
  }

  private void close(WellbeingCase c, WellbeingCaseStatus status, FollowUp f, String outcome, Instant at) {
    jdbc.sql("""
            UPDATE wellbeing_case SET status = ?, level_at_close = ?, signals_at_close = CAST(? AS jsonb), outcome = ?, closed_at = ?
            WHERE id = ? AND closed_at IS NULL""")
        .params(status.name(), f.level().name(), f.signals(), outcome, Timestamp.from(at), c.id()).update();
    audit.append(SYSTEM, status == WellbeingCaseStatus.RESOLVED ? "WELLBEING_CASE_RESOLVED" : "WELLBEING_CASE_ESCALATED",
        WellbeingProcesses.wellbeingCase(c.id()),
        details(c.id(), "levelBefore", c.levelAtOpening().name(), "levelAfter", f.level().name(), "round", f.round(), "at", at.toString()),
        "wellbeing-case-closed:" + c.id());
  }

  /**
   * After the embedded engine lost its instances: forget them, so that the next scan starts
   * each open case's stress-intervention again (at the interview of its current round).
   */
  @Transactional
  public int detachFromLostInstances(String reason) {
    List<Long> ids = jdbc.sql("SELECT id FROM wellbeing_case WHERE closed_at IS NULL AND process_instance_key IS NOT NULL ORDER BY id")
        .query(Long.class).list();
    for (long id : ids) {
      jdbc.sql("UPDATE wellbeing_case SET process_instance_key = NULL WHERE id = ?").param(id).update();
      audit.append(SYSTEM, "WELLBEING_CASE_INTERRUPTED", WellbeingProcesses.wellbeingCase(id), details(id, "reason", reason));
    }
    return ids.size();
  }

  // --- reading --------------------------------------------------------------------------------

  public Optional<WellbeingCase> find(long id) {
    return jdbc.sql("SELECT * FROM wellbeing_case WHERE id = ?").param(id).query(WellbeingCases::row).optional();
  }

  public WellbeingCase get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("wellbeing.error.noCase", id)));
  }

  /** The employee's open case, if any. */
  public Optional<WellbeingCase> openCaseOf(String employeeId) {
    return jdbc.sql("SELECT * FROM wellbeing_case WHERE employee_id = ? AND closed_at IS NULL").param(employeeId)
        .query(WellbeingCases::row).optional();
  }

  /** Cases, newest first; {@code status}: a case status, or null/blank for all. */
  public List<WellbeingCase> list(String status) {
    if (status == null || status.isBlank()) {
      return jdbc.sql("SELECT * FROM wellbeing_case ORDER BY id DESC").query(WellbeingCases::row).list();
    }
    WellbeingCaseStatus s;
    try {
      s = WellbeingCaseStatus.valueOf(status.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", io.perfflow.Msg.of("wellbeing.error.status", java.util.Arrays.toString(WellbeingCaseStatus.values()), io.perfflow.Texts.excerpt(status)));
    }
    return jdbc.sql("SELECT * FROM wellbeing_case WHERE status = ? ORDER BY id DESC").param(s.name()).query(WellbeingCases::row).list();
  }

  public List<Interview> interviews(long caseId) {
    return jdbc.sql("SELECT * FROM wellbeing_interview WHERE case_id = ? ORDER BY round").param(caseId)
        .query((rs, n) -> new Interview(rs.getInt("round"), rs.getString("notes"), jsonList(rs.getString("interventions")),
            rs.getString("interviewed_by"), instant(rs, "interviewed_at")))
        .list();
  }

  public List<FollowUp> followUps(long caseId) {
    return jdbc.sql("SELECT * FROM wellbeing_follow_up WHERE case_id = ? ORDER BY round").param(caseId)
        .query((rs, n) -> new FollowUp(rs.getInt("round"), rs.getObject("as_of", LocalDate.class), StressLevel.valueOf(rs.getString("level")),
            rs.getString("signals"), instant(rs, "evaluated_at")))
        .list();
  }

  public List<Step> steps(long caseId) {
    return jdbc.sql("SELECT * FROM wellbeing_step WHERE case_id = ? ORDER BY round, position").param(caseId).query(WellbeingCases::stepRow).list();
  }

  public Optional<Step> step(long stepId) {
    return jdbc.sql("SELECT * FROM wellbeing_step WHERE id = ?").param(stepId).query(WellbeingCases::stepRow).optional();
  }

  public Optional<Step> stepOfTask(long taskKey) {
    return jdbc.sql("SELECT * FROM wellbeing_step WHERE task_key = ? ORDER BY id DESC LIMIT 1").param(taskKey).query(WellbeingCases::stepRow).optional();
  }

  public List<AuditEvent> timeline(long caseId) {
    return audit.historyOf(WellbeingProcesses.wellbeingCase(caseId));
  }

  /** Open cases per team now, and those open on {@code at}. */
  public Map<String, Long> openPerTeam(Instant at) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT coalesce(team, '') AS team, count(*) AS n FROM wellbeing_case
            WHERE opened_at <= ? AND (closed_at IS NULL OR closed_at > ?) GROUP BY 1 ORDER BY 1""")
        .params(Timestamp.from(at), Timestamp.from(at))
        .query(rs -> {
          counts.put(rs.getString("team"), rs.getLong("n"));
        });
    return counts;
  }

  private Optional<String> lastCompletedBy(long caseId, String elementId) {
    return tasks.completedOf(WellbeingProcesses.wellbeingCase(caseId)).stream()
        .filter(t -> elementId.equals(t.elementId()) && t.completedBy() != null)
        .max(java.util.Comparator.comparing(t -> t.completedAt() == null ? Instant.EPOCH : t.completedAt()))
        .map(UserTask::completedBy);
  }

  private List<String> jsonList(String text) {
    try {
      return List.of(json.readValue(text, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> details(long caseId, Object... pairs) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("caseId", caseId);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      d.put((String) pairs[i], pairs[i + 1]);
    }
    return d;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static WellbeingCase row(ResultSet rs, int n) throws SQLException {
    String close = rs.getString("level_at_close");
    return new WellbeingCase(
        rs.getLong("id"), rs.getString("employee_id"), rs.getString("manager_id"), rs.getString("team"),
        WellbeingCaseStatus.valueOf(rs.getString("status")), StressLevel.valueOf(rs.getString("level_at_opening")),
        rs.getObject("opened_as_of", LocalDate.class), instant(rs, "opened_at"), rs.getString("signals_at_opening"),
        (Long) rs.getObject("process_instance_key"), rs.getInt("round"), close == null ? null : StressLevel.valueOf(close),
        rs.getString("signals_at_close"), rs.getString("outcome"), instant(rs, "closed_at"));
  }

  static Step stepRow(ResultSet rs, int n) throws SQLException {
    return new Step(
        rs.getLong("id"), rs.getLong("case_id"), rs.getInt("round"), rs.getInt("position"), InterventionKind.valueOf(rs.getString("kind")),
        rs.getString("title"), rs.getString("target"), (Integer) rs.getObject("target_hours"), rs.getString("course"),
        rs.getString("other_text"), rs.getString("assignee"), (Long) rs.getObject("task_key"), rs.getString("outcome"),
        (Integer) rs.getObject("new_expected_hours"), rs.getString("done_by"), instant(rs, "done_at"));
  }

}
