package io.perfflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import io.perfflow.tasks.UserTaskCommands;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invariant: a review is never left in a human step with no task and no running job. When a
 * job on it fails for good, the review is BLOCKED with the incident's message, and the retry
 * endpoint retries the step.
 */
class FailedJobBlocksReviewTest extends PerfFlowIntegrationTest {
  @Autowired UserTaskCommands engine;

  /** The human step each status stands for: while a review shows it, that task is open. */
  private static final Map<String, String> TASK_OF_STATUS = Map.of(
      "SELF_ASSESSMENT", "self-assessment", "MANAGER_REVIEW", "manager-review", "APPROVAL", "approve-review",
      "HR_DECISION", "hr-decision");

  /** Waits for {@code status} and checks the invariant there: its task is open, or the review is BLOCKED or finished. */
  private void reaches(ReviewScenarios s, long review, String status) {
    s.awaitStatus(review, status);
    String element = TASK_OF_STATUS.get(status);
    if (element != null) {
      await().atMost(ReviewScenarios.PATIENCE).until(() -> !s.openTasks(review, element, null).isEmpty());
    } else {
      assertThat(status).isIn("BLOCKED", "COMPLETED", "REJECTED");
    }
  }

  @Test
  void everyStateAReviewPassesHasItsOpenTaskOrIsBlockedOrFinished() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-06", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-06", emp), emp);
    reaches(s, review, "SELF_ASSESSMENT");
    s.selfAssess(emp, review);
    reaches(s, review, "MANAGER_REVIEW");
    s.managerReview("olivia", review, 0, null);
    reaches(s, review, "APPROVAL");
    s.reject("olivia", review, "ops-managers", "Check the numbers.");
    reaches(s, review, "MANAGER_REVIEW");
    s.managerReview("olivia", review, 1, "Rechecked: one point up.");
    reaches(s, review, "APPROVAL");
    s.approve("olivia", review, "ops-managers");
    reaches(s, review, "COMPLETED");
    // The HR-decision path: three rejections hand the review to HR, who may reject it for good.
    String rejectedThrice = s.hire("operations", "olivia");
    s.importMetrics(rejectedThrice, "2026-06", s.valuesScoring("operations", "normal", 85));
    long hrReview = s.reviewOf(s.startCycle("2026-06", rejectedThrice), rejectedThrice);
    reaches(s, hrReview, "SELF_ASSESSMENT");
    s.selfAssess(rejectedThrice, hrReview);
    for (int rejection = 1; rejection <= 3; rejection++) {
      reaches(s, hrReview, "MANAGER_REVIEW");
      s.managerReview("olivia", hrReview, 0, "Round " + rejection + ".");
      reaches(s, hrReview, "APPROVAL");
      s.reject("olivia", hrReview, "ops-managers", "Still not convinced (" + rejection + ").");
    }
    reaches(s, hrReview, "HR_DECISION");
    s.complete("hana", hrReview, "hr-decision", "hr", Map.of("decision", "REJECT", "comment", "Redo next cycle."));
    reaches(s, hrReview, "REJECTED");
    // A review whose metric is missing stops BLOCKED (with its incident) and is retryable.
    String missing = s.hire("operations", "olivia");
    long blocked = s.reviewOf(s.startCycle("2026-06", missing), missing);
    reaches(s, blocked, "BLOCKED");
    assertThat(s.review(blocked).path("statusReason").asText()).isNotBlank();
    s.hr().post("/api/reviews/" + blocked + "/retry", Map.of()).expect(200);
  }

  @Test
  void aJobThatFailsForGoodBlocksTheReviewWithItsMessageAndRetryRetriesIt() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-05", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-05", emp), emp);
    s.selfAssess(emp, review);
    s.managerReview("olivia", review, 0, null);
    long approval = s.task(review, "approve-review", "ops-managers").path("key").asLong();

    // A completion from outside PerfFlow's API (as Tasklist or the cluster's REST API could send
    // it) with a value the approval step cannot take: record-approval raises an incident.
    engine.complete(approval, Map.of("decision", "MAYBE"));

    JsonNode blocked = s.awaitStatus(review, "BLOCKED");
    assertThat(blocked.path("statusReason").asText()).contains("has no valid decision", "MAYBE");
    assertThat(s.openTasks(review, "approve-review", null)).isEmpty();
    assertThat(s.historyActions(review)).contains("REVIEW_BLOCKED");

    // Retry runs the failed step again (it fails again: the value is still wrong, and says so).
    JsonNode retried = s.hr().post("/api/reviews/" + review + "/retry", Map.of()).expect(200).body();
    assertThat(retried.path("retried").asInt()).isEqualTo(1);
    await().atMost(ReviewScenarios.PATIENCE).until(() -> s.historyActions(review).stream().filter("REVIEW_BLOCKED"::equals).count() >= 2
        || s.review(review).path("status").asText().equals("BLOCKED"));
    assertThat(s.review(review).path("status").asText()).isEqualTo("BLOCKED");
  }

  @Test
  void aValueTheStepCannotEvenReadBlocksTheReviewWithAReadableMessage() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-04", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-04", emp), emp);
    s.selfAssess(emp, review);
    long managerTask = s.task(review, "manager-review", null).path("key").asLong();

    // An object where the self rating (a number) belongs, sent with the completion from outside
    // PerfFlow's API (not a field of the manager's form, so no form check stops it): the
    // record-manager-review worker cannot read its variables, before its method runs.
    engine.complete(managerTask, Map.of("adjustment", 0, "selfRating", Map.of("evil", 1)));

    JsonNode blocked = s.awaitStatus(review, "BLOCKED");
    assertThat(blocked.path("statusReason").asText())
        .contains("perfflow.review.record-manager-review", "could not be read")
        .doesNotContain("\tat ");
    assertThat(s.historyActions(review)).contains("REVIEW_BLOCKED");
    s.hr().post("/api/reviews/" + review + "/retry", Map.of()).expect(200);
  }
}
