package io.perfflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import io.perfflow.support.ReviewScenarios;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The performance-review scenarios that must hold on every runtime: the approval path, the
 * parallel procurement approval, the rejection loop and the escalations by the clock. They speak
 * only PerfFlow's API (and the runtime's clock and mailbox), so the embedded suite
 * ({@link PerformanceReviewProcessTest}) and the Camunda Process Test suite run the same text.
 */
public abstract class PerformanceReviewScenarios {
  protected static final String PERIOD = "2026-03";

  protected ReviewScenarios s;

  /** The scenarios wired to the runtime under test. */
  protected abstract ReviewScenarios scenarios();

  @BeforeEach
  void setUpScenarios() {
    s = scenarios();
  }

  protected long reviewFor(String employee, String role, int percent) {
    s.importMetrics(employee, PERIOD, s.valuesScoring(role, "normal", percent));
    long cycle = s.startCycle(PERIOD, employee);
    return s.reviewOf(cycle, employee);
  }

  @Test
  void anOperatorsReviewGoesFromMetricsThroughSelfAssessmentManagerReviewAndApprovalToResults() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);

    // Metrics are collected and scored: 85% on every KPI gives 85.00, GOOD.
    JsonNode scored = s.awaitStatus(review, "SELF_ASSESSMENT");
    assertThat(scored.path("total").decimalValue()).isEqualByComparingTo("85.00");
    assertThat(scored.path("rating").asText()).isEqualTo("GOOD");
    assertThat(scored.path("profile").asText()).isEqualTo("normal");
    assertThat(scored.path("lines")).hasSize(5);
    assertThat(scored.path("lines").get(0).path("source").asText()).isEqualTo("import:test import");
    JsonNode selfTask = s.task(review, "self-assessment", null);
    assertThat(selfTask.path("formId").asText()).isEqualTo("self-assessment");
    assertThat(selfTask.path("due").asText()).isNotBlank();
    await().until(() -> s.task(review, "self-assessment", null).path("assignee").asText(), oliver::equals);

    s.selfAssess(oliver, review);
    s.awaitStatus(review, "MANAGER_REVIEW");
    s.managerReview("olivia", review, 3, "Handled the supplier outage well.");

    // The final total is re-rated: 88.00 stays GOOD, so one level: operations managers.
    JsonNode inApproval = s.awaitStatus(review, "APPROVAL");
    assertThat(inApproval.path("finalTotal").decimalValue()).isEqualByComparingTo("88.00");
    assertThat(inApproval.path("selfRating").asInt()).isEqualTo(4);
    assertThat(inApproval.path("managerComment").asText()).isEqualTo("Handled the supplier outage well.");
    s.approve("olivia", review, "ops-managers");

    JsonNode done = s.awaitStatus(review, "COMPLETED");
    assertThat(done.path("rating").asText()).isEqualTo("GOOD");
    assertThat(done.path("approvals")).hasSize(1);
    assertThat(done.path("approvals").get(0).path("actor").asText()).isEqualTo("olivia");
    assertThat(done.path("result").path("bonusAmount").decimalValue()).isEqualByComparingTo("0");

    JsonNode mail = s.awaitMail(oliver + "@perfflow.example", "performance review");
    assertThat(mail.path("subject").asText()).isEqualTo("Your 2026-03 performance review: GOOD");
    assertThat(mail.path("body").asText()).contains("final score 88.00", "Rating: GOOD", "/reviews/" + review);

    assertThat(s.historyActions(review))
        .containsSubsequence("REVIEW_CREATED", "METRICS_COLLECTED", "SCORES_COMPUTED", "RATING_DETERMINED",
            "TASK_CREATED", "TASK_COMPLETED", "MANAGER_REVIEW_RECORDED", "RATING_DETERMINED",
            "APPROVAL_GRANTED", "RESULTS_APPLIED", "MAIL_SENT");
  }

  @Test
  void procurementNeedsTheProcurementAndTheFinanceManagerInParallel() {
    String buyer = s.hire("procurement", "paul");
    long review = reviewFor(buyer, "procurement", 85);
    s.selfAssess(buyer, review);
    s.managerReview("paul", review, 0, null);

    // Both approval tasks are open at the same time.
    JsonNode procurement = s.task(review, "approve-review", "procurement-managers");
    JsonNode finance = s.task(review, "approve-review", "finance-managers");
    assertThat(procurement.path("key").asLong()).isNotEqualTo(finance.path("key").asLong());

    s.approve("fiona", review, "finance-managers");
    assertThat(s.review(review).path("status").asText()).as("one approval is not enough").isEqualTo("APPROVAL");
    s.approve("paul", review, "procurement-managers");

    JsonNode done = s.awaitStatus(review, "COMPLETED");
    assertThat(done.path("approvals")).extracting(a -> a.path("group").asText())
        .containsExactlyInAnyOrder("procurement-managers", "finance-managers");
  }

  @Test
  void oneParallelRejectionSendsTheReviewBackToTheManagerWithTheComment() {
    String buyer = s.hire("procurement", "paul");
    long review = reviewFor(buyer, "procurement", 85);
    s.selfAssess(buyer, review);
    s.managerReview("paul", review, 5, "Strong supplier negotiations.");
    long procurementTask = s.task(review, "approve-review", "procurement-managers").path("key").asLong();

    s.reject("fiona", review, "finance-managers", "Cost reduction figures are not audited yet.");

    // Back at manager review; the other approver's task is withdrawn.
    s.awaitStatus(review, "MANAGER_REVIEW");
    await().until(() -> s.hr().get("/api/tasks/" + procurementTask).expect(200).body().path("status").asText(), "CANCELED"::equals);
    JsonNode again = s.review(review);
    assertThat(again.path("rejectionCount").asInt()).isEqualTo(1);
    assertThat(again.path("approvals").get(0).path("comment").asText()).isEqualTo("Cost reduction figures are not audited yet.");
    assertThat(s.historyActions(review)).containsSubsequence("APPROVAL_REJECTED", "TASK_CANCELED", "REVIEW_SENT_BACK");

    // The second round needs both approvals again.
    s.managerReview("paul", review, 0, null);
    s.approve("paul", review, "procurement-managers");
    s.approve("fiona", review, "finance-managers");
    s.awaitStatus(review, "COMPLETED");
  }

  @Test
  void afterThreeRejectionsHrDecides() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    s.selfAssess(oliver, review);
    for (int round = 1; round <= 3; round++) {
      s.managerReview("olivia", review, 0, null);
      s.reject("olivia", review, "ops-managers", "Round " + round + ": not convinced.");
    }
    s.awaitStatus(review, "HR_DECISION");
    JsonNode hrTask = s.task(review, "hr-decision", "hr");
    assertThat(hrTask.path("formId").asText()).isEqualTo("approval");
    assertThat(s.openTasks(review, "manager-review", null)).isEmpty();
    s.complete("hana", review, "hr-decision", "hr", Map.of("decision", "APPROVE", "comment", "Score stands."));

    JsonNode done = s.awaitStatus(review, "COMPLETED");
    assertThat(done.path("rejectionCount").asInt()).isEqualTo(3);
    assertThat(done.path("approvals")).extracting(a -> a.path("decision").asText())
        .containsExactly("REJECT", "REJECT", "REJECT", "APPROVE");
    assertThat(s.historyActions(review)).contains("HR_DECISION");
  }

  @Test
  void overdueTasksSendRemindersAndStalledApprovalsEscalateWithoutInterruptingTheTask() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    String name = s.review(review).path("employeeName").asText();
    long selfTask = s.task(review, "self-assessment", null).path("key").asLong();

    // Self-assessment is due in 3 days: at the due date the employee is reminded, the task stays.
    s.advanceClock("P3D");
    JsonNode reminder = s.awaitMail(oliver + "@perfflow.example", "Reminder");
    assertThat(reminder.path("subject").asText()).contains("Self-assessment", name, PERIOD);
    assertThat(s.task(review, "self-assessment", null).path("key").asLong()).isEqualTo(selfTask);

    s.selfAssess(oliver, review);
    s.managerReview("olivia", review, 0, null);
    long approval = s.task(review, "approve-review", "ops-managers").path("key").asLong();

    // Approvers are reminded after 2 days, then every 2 days; after 5 days it escalates.
    s.advanceClock("P2D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> approvalReminders(name), n -> n == 1);
    s.advanceClock("P2D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> approvalReminders(name), n -> n == 2);
    assertThat(escalations(name, "olivia@perfflow.example")).isZero();
    s.advanceClock("P1D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> escalations(name, "olivia@perfflow.example"), n -> n == 1);
    // The head of the approver group (olivia) and every member of hr get the escalation.
    assertThat(escalations(name, "hana@perfflow.example")).isEqualTo(1);
    assertThat(escalations(name, "admin@perfflow.example")).isEqualTo(1);
    JsonNode escalation = s.mailTo("hana@perfflow.example").stream()
        .filter(m -> m.path("subject").asText().startsWith("ESCALATION") && m.path("subject").asText().contains(name)).findFirst().orElseThrow();
    assertThat(escalation.path("body").asText()).contains("Operations managers", "/reviews/" + review);

    assertThat(s.task(review, "approve-review", "ops-managers").path("key").asLong()).as("still the same task").isEqualTo(approval);
    s.approve("olivia", review, "ops-managers");
    s.awaitStatus(review, "COMPLETED");
    // The self-assessment reminder, two approval reminders, the escalation and the result. The
    // result mail follows the COMPLETED status, so wait for it; then exactly five.
    await().atMost(ReviewScenarios.PATIENCE).until(() -> s.historyActions(review).stream().filter("MAIL_SENT"::equals).count() >= 5);
    assertThat(s.historyActions(review).stream().filter("MAIL_SENT"::equals).count()).isEqualTo(5);
  }

  @Test
  void anApproverWaitingOnTheirOwnReviewIsNotRemindedOfIt() {
    // An operator who also sits in ops-managers, the approver group of operations reviews.
    String approver = s.hire("operations", "olivia", java.util.List.of("ops-managers"));
    long review = reviewFor(approver, "operations", 85);
    String name = s.review(review).path("employeeName").asText();
    s.selfAssess(approver, review);
    s.managerReview("olivia", review, 0, null);
    s.task(review, "approve-review", "ops-managers");

    s.advanceClock("P2D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> approvalReminders(name), n -> n == 1);
    assertThat(s.mailTo(approver + "@perfflow.example"))
        .as("the reminder to approve their own review does not reach them")
        .noneMatch(m -> m.path("subject").asText().startsWith("Approval waiting"));
    s.approve("olivia", review, "ops-managers");
    s.awaitStatus(review, "COMPLETED");
  }

  @Test
  void anOverdueManagerReviewRemindsTheManagerWithoutInterruptingTheTask() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    String name = s.review(review).path("employeeName").asText();
    s.selfAssess(oliver, review);
    long managerTask = s.task(review, "manager-review", null).path("key").asLong();
    String subject = "Reminder: \"Manager review\" for " + name + " (" + PERIOD + ") is due";
    assertThat(mailsWithSubject("olivia@perfflow.example", subject)).isZero();

    // Manager review is due in 3 days: then the manager is reminded, and the task stays hers.
    s.advanceClock("P3D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> mailsWithSubject("olivia@perfflow.example", subject), n -> n == 1);
    assertThat(s.task(review, "manager-review", null).path("key").asLong()).isEqualTo(managerTask);
    assertThat(mailsWithSubject(oliver + "@perfflow.example", subject)).as("only the manager").isZero();

    s.managerReview("olivia", review, 0, null);
    s.approve("olivia", review, "ops-managers");
    s.awaitStatus(review, "COMPLETED");
  }

  @Test
  void anHrDecisionLeftOpenRemindsHrEveryTwoDaysAndEscalatesAfterFive() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    String name = s.review(review).path("employeeName").asText();
    s.selfAssess(oliver, review);
    for (int round = 1; round <= 3; round++) {
      s.managerReview("olivia", review, 0, null);
      s.reject("olivia", review, "ops-managers", "Round " + round + ".");
    }
    long hrTask = s.task(review, "hr-decision", "hr").path("key").asLong();
    String reminder = "Approval waiting: " + PERIOD + " review of " + name;

    // Every member of hr is reminded after 2 days and again after 4; after 5 days it escalates.
    s.advanceClock("P2D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> mailsWithSubject("hana@perfflow.example", reminder), n -> n == 1);
    assertThat(mailsWithSubject("admin@perfflow.example", reminder)).isEqualTo(1);
    assertThat(s.mailTo("hana@perfflow.example").stream().filter(m -> m.path("subject").asText().equals(reminder)).findFirst().orElseThrow()
        .path("body").asText()).contains("/reviews/" + review);
    s.advanceClock("P2D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> mailsWithSubject("hana@perfflow.example", reminder), n -> n == 2);
    assertThat(escalations(name, "hana@perfflow.example")).isZero();
    s.advanceClock("P1D");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> escalations(name, "hana@perfflow.example"), n -> n == 1);
    assertThat(escalations(name, "admin@perfflow.example")).isEqualTo(1);
    // The approvers who rejected are not part of HR's decision.
    assertThat(mailsWithSubject("olivia@perfflow.example", reminder)).as("ops-managers were reminded during the rounds only").isZero();

    assertThat(s.task(review, "hr-decision", "hr").path("key").asLong()).as("still the same task").isEqualTo(hrTask);
    s.complete("hana", review, "hr-decision", "hr", Map.of("decision", "APPROVE", "comment", "Score stands."));
    s.awaitStatus(review, "COMPLETED");
  }

  @Test
  void aPeakSeasonMonthIsScoredWithThePeakSeasonWeightsAndTargets() {
    // 2026-11 is in the seeded peak-season calendar (Double 11). Operations peak weights:
    // order volume 40 % (target 1800, not 1200), conversion 25, AOV 15, after-sales 15, retention 5.
    String peak = "2026-11";
    String operator = s.hire("operations", "olivia");
    s.importMetrics(operator, peak, Map.of(
        "orders.count", new BigDecimal("1800"), "orders.conversion-rate", new BigDecimal("3"),
        "orders.average-value", new BigDecimal("25"), "orders.after-sales-rate", new BigDecimal("5"),
        "customers.retention-rate", new BigDecimal("10")));
    long review = s.reviewOf(s.startCycle(peak, operator), operator);

    JsonNode scored = s.awaitStatus(review, "SELF_ASSESSMENT");
    assertThat(scored.path("profile").asText()).isEqualTo("peak-season");
    // 40×100 + 25×100 + 15×100 + 15×100 + 5×50 = 97.50 (the normal weights would give 101.00).
    assertThat(scored.path("total").decimalValue()).isEqualByComparingTo("97.50");
    assertThat(scored.path("rating").asText()).isEqualTo("EXCELLENT");
    JsonNode volume = null;
    for (JsonNode l : scored.path("lines")) if (l.path("kpi").asText().equals("order-volume")) volume = l;
    assertThat(volume).as("the order-volume line").isNotNull();
    assertThat(volume.path("target").decimalValue()).isEqualByComparingTo("1800");
    assertThat(volume.path("weight").decimalValue()).isEqualByComparingTo("40");
    assertThat(volume.path("completion").decimalValue()).isEqualByComparingTo("1");
  }

  private long mailsWithSubject(String to, String subject) {
    return s.mailTo(to).stream().filter(m -> m.path("subject").asText().equals(subject)).count();
  }

  private long approvalReminders(String employeeName) {
    return s.mailTo("olivia@perfflow.example").stream()
        .filter(m -> m.path("subject").asText().equals("Approval waiting: " + PERIOD + " review of " + employeeName))
        .count();
  }

  private long escalations(String employeeName, String to) {
    return s.mailTo(to).stream()
        .filter(m -> m.path("subject").asText().startsWith("ESCALATION") && m.path("subject").asText().contains(employeeName))
        .count();
  }
}
