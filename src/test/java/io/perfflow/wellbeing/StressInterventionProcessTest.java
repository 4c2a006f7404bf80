package io.perfflow.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.ReviewScenarios;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * stress-intervention, told with the engine clock moved: the scan finds a RED operator and opens
 * a case; HR interviews them (reminded at the due date, the HR head told after 5 days) and
 * chooses interventions, each a task (the manager's shows only the target); 14 days after the
 * interview the signals are evaluated again: no longer RED resolves the case, still RED leads to
 * a second interview and follow-up, and still RED then escalates to the HR head.
 */
class StressInterventionProcessTest extends WellbeingTestSupport {
  @org.springframework.beans.factory.annotation.Autowired List<io.perfflow.web.EmployeeFlag> flags;

  /** Open tasks of a case (as HR sees them), by element id. */
  List<JsonNode> openTasks(long caseId, String elementId) {
    List<JsonNode> tasks = new ArrayList<>();
    as("admin").get("/api/tasks?wellbeingCaseId=" + caseId).expect(200).body().forEach(t -> {
      if (t.path("elementId").asText().equals(elementId)) {
        tasks.add(t);
      }
    });
    return tasks;
  }

  JsonNode awaitTask(long caseId, String elementId) {
    return await().atMost(ReviewScenarios.PATIENCE).until(() -> openTasks(caseId, elementId), l -> !l.isEmpty()).get(0);
  }

  void complete(String user, JsonNode task, Map<String, Object> variables) {
    as(user).post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", variables)).expect(204);
  }

  String status(long caseId) {
    return jdbc.sql("SELECT status FROM wellbeing_case WHERE id = ?").param(caseId).query(String.class).single();
  }

  String awaitStatus(long caseId, String expected) {
    return await().atMost(ReviewScenarios.PATIENCE).until(() -> status(caseId), expected::equals);
  }

  long openedCase(String employee) {
    scan(engineToday());
    long caseId = openCaseId(employee);
    await().atMost(ReviewScenarios.PATIENCE).until(
        () -> jdbc.sql("SELECT process_instance_key FROM wellbeing_case WHERE id = ?").param(caseId).query(Long.class).optional().orElse(null) != null);
    return caseId;
  }

  static Map<String, Object> interview(String notes, List<String> interventions, Object... more) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("notes", notes);
    v.put("interventions", interventions);
    for (int i = 0; i + 1 < more.length; i += 2) {
      v.put((String) more[i], more[i + 1]);
    }
    return v;
  }

  @Test
  void theCaseIsResolvedAtTheFirstFollowUpWithBeforeAndAfter() {
    String red = redOperator();
    long caseId = openedCase(red);

    JsonNode interviewTask = awaitTask(caseId, "stress-interview");
    assertThat(interviewTask.path("candidateGroups").toString()).isEqualTo("[\"hr\"]");
    assertThat(interviewTask.path("wellbeingCaseId").asLong()).isEqualTo(caseId);
    // The manager is not offered the interview; a rebalance without target hours is refused (400 naming the field).
    as("olivia").post("/api/tasks/" + interviewTask.path("key").asLong() + "/complete",
        Map.of("variables", interview("x", List.of("COUNSELLING")))).expect(403);
    JsonNode bad = as("hana").post("/api/tasks/" + interviewTask.path("key").asLong() + "/complete",
        Map.of("variables", interview("Talked for an hour.", List.of("REBALANCE_WORKLOAD")))).expect(400).body();
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("targetHours");
    complete("hana", interviewTask, interview("Works every Saturday; the Amazon store doubled.",
        List.of("REBALANCE_WORKLOAD", "COUNSELLING"), "targetHours", 40));

    JsonNode managerStep = awaitTask(caseId, "stress-step-manager");
    JsonNode hrStep = awaitTask(caseId, "stress-step-hr");
    assertThat(managerStep.path("assignee").asText()).isEqualTo("olivia");
    assertThat(hrStep.path("candidateGroups").toString()).isEqualTo("[\"hr\"]");
    // The manager's task page shows the target, not the notes or the signals.
    String page = http.withBasicAuth("olivia", "demo").getForObject("/tasks/" + managerStep.path("key").asLong(), String.class);
    assertThat(page).contains("Target: 40 hours a week").doesNotContain("Saturday", "Amazon store", "pressure", "leave days");
    complete("olivia", managerStep, Map.of("stepOutcome", "Moved the Amazon store to oscar.", "newExpectedHours", 40));
    complete("hana", hrStep, Map.of("stepOutcome", "Counselling booked for Thursday."));
    await().atMost(ReviewScenarios.PATIENCE).until(
        () -> jdbc.sql("SELECT count(*) FROM wellbeing_step WHERE case_id = ? AND done_at IS NOT NULL").param(caseId).query(Long.class).single() == 2);
    assertThat(jdbc.sql("SELECT done_by FROM wellbeing_step WHERE case_id = ? AND kind = 'REBALANCE_WORKLOAD'").param(caseId).query(String.class).single())
        .isEqualTo("olivia");
    assertThat(status(caseId)).isEqualTo("OPEN");
    // While the case is open, HR sees a flag on the employee's review (no reason); the manager does not.
    assertThat(io.perfflow.web.EmployeeFlag.all(flags, red, "hana")).containsExactly("wellbeing case open");
    assertThat(io.perfflow.web.EmployeeFlag.all(flags, red, "olivia")).isEmpty();

    // 14 days after the interview the long weeks are half out of the window: AMBER, resolved.
    scenarios().advanceClock("P14D");
    awaitStatus(caseId, "RESOLVED");
    Map<String, Object> c = jdbc.sql("SELECT level_at_opening, level_at_close, signals_at_close::text AS s, outcome FROM wellbeing_case WHERE id = ?")
        .param(caseId).query().singleRow();
    assertThat(c.get("level_at_opening")).isEqualTo("RED");
    assertThat(c.get("level_at_close")).isEqualTo("AMBER");
    assertThat((String) c.get("s")).contains("\"hours\"");
    assertThat((String) c.get("outcome")).contains("follow-up 1");
    assertThat(io.perfflow.web.EmployeeFlag.all(flags, red, "hana")).as("no flag once resolved").isEmpty();
    assertThat(jdbc.sql("SELECT notes FROM wellbeing_interview WHERE case_id = ?").param(caseId).query(String.class).single()).contains("Saturday");
    List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'wellbeing-case' AND subject_id = ? ORDER BY id")
        .param(caseId).query(String.class).list();
    assertThat(actions).containsSubsequence("WELLBEING_CASE_OPENED", "WELLBEING_CASE_STARTED", "WELLBEING_INTERVIEW_RECORDED",
        "WELLBEING_STEP_DONE", "WELLBEING_FOLLOW_UP", "WELLBEING_CASE_RESOLVED");
    assertThat(actions).contains("TASK_CREATED", "TASK_COMPLETED");
  }

  /** 11-hour weekdays from 5 weeks back to 6 weeks ahead and leave on every weekend day: RED on every day of that span. */
  private String staysRed() {
    String e = newOperator();
    LocalDate today = engineToday();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LocalDate d = today.minusWeeks(5); d.isBefore(today.plusWeeks(6)); d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      rows.add(row(e, d, weekend ? "0" : "11", weekend ? "1" : "0"));
    }
    as("admin").post("/api/source/attendance", rows).expect(200);
    pulse(e, 5);
    return e;
  }

  @Test
  void stillRedLeadsToASecondInterviewAndThenToTheHrHead() {
    String red = staysRed();
    String name = nameOf(red);
    long caseId = openedCase(red);
    JsonNode first = awaitTask(caseId, "stress-interview");

    // Not done by the due date: hr is reminded; after 5 days the head of hr (hana) is told.
    scenarios().advanceClock("P3D");
    scenarios().awaitMail("hana@perfflow.example", "Reminder: wellbeing interview with " + name);
    scenarios().advanceClock("P2D");
    scenarios().awaitMail("hana@perfflow.example", "Escalation: wellbeing interview with " + name + " overdue");
    assertThat(openTasks(caseId, "stress-interview")).as("the reminders do not end the task").hasSize(1);
    complete("hana", first, interview("Agreed to try a course first.", List.of("TARGETED_TRAINING"), "course", "Time management"));
    JsonNode training = awaitTask(caseId, "stress-step-hr");
    complete("hana", training, Map.of("stepOutcome", "Enrolled for the January course."));

    scenarios().advanceClock("P14D");
    JsonNode second = awaitTask(caseId, "stress-interview");
    assertThat(status(caseId)).isEqualTo("OPEN");
    assertThat(jdbc.sql("SELECT round FROM wellbeing_case WHERE id = ?").param(caseId).query(Integer.class).single()).isEqualTo(2);
    String page = http.withBasicAuth("hana", "demo").getForObject("/tasks/" + second.path("key").asLong(), String.class);
    assertThat(page).contains("Second interview");
    complete("hana", second, interview("Together with the manager: no change yet.", List.of()));
    // The follow-up is due 14 days after the interview was recorded: wait for that before moving the clock.
    await().atMost(ReviewScenarios.PATIENCE).until(
        () -> jdbc.sql("SELECT count(*) FROM wellbeing_interview WHERE case_id = ? AND round = 2").param(caseId).query(Long.class).single() == 1);

    scenarios().advanceClock("P14D");
    awaitStatus(caseId, "ESCALATED");
    scenarios().awaitMail("hana@perfflow.example", "Wellbeing case of " + name + " escalated to you");
    assertThat(jdbc.sql("SELECT count(*) FROM wellbeing_follow_up WHERE case_id = ? AND level = 'RED'").param(caseId).query(Long.class).single())
        .isEqualTo(2);
    assertThat(jdbc.sql("SELECT count(*) FROM wellbeing_interview WHERE case_id = ?").param(caseId).query(Long.class).single()).isEqualTo(2);
    List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'wellbeing-case' AND subject_id = ? ORDER BY id")
        .param(caseId).query(String.class).list();
    assertThat(actions).containsSubsequence("WELLBEING_INTERVIEW_OVERDUE", "WELLBEING_INTERVIEW_RECORDED", "WELLBEING_FOLLOW_UP",
        "WELLBEING_SECOND_INTERVIEW", "WELLBEING_INTERVIEW_RECORDED", "WELLBEING_FOLLOW_UP", "WELLBEING_CASE_ESCALATED");
  }
}
