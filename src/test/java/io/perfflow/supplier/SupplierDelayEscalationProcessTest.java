package io.perfflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * supplier-delay-escalation, told as the buyer lives it: a late order is detected and the buyer
 * is mailed at once; nobody acts, so after a day the procurement managers hear of it and after
 * three days the case is theirs and the heads of procurement and operations are mailed; or the
 * buyer acts (every action), or the goods arrive first; an accepted new date that passes
 * reopens the case.
 */
class SupplierDelayEscalationProcessTest extends SupplierDelayTestSupport {

  private SupplierDelayCase detect(String buyer, int daysLate) {
    String order = lateOrder(buyer, daysLate);
    assertThat(opened(scan())).contains(order);
    return caseOf(order);
  }

  @Test
  void theBuyerIsMailedAtOnceWithOrderSupplierDaysLateAndWhatIsAtStake() throws Exception {
    SupplierDelayCase c = detect("priya", 5);

    List<Mail> mails = awaitMails(c.orderId(), 1);
    assertThat(mails).hasSize(1);
    Mail alert = mails.get(0);
    assertThat(alert.to()).containsExactly(email("priya"));
    assertThat(alert.subject()).isEqualTo("Supplier delay: PO " + c.orderId() + " from Supplier of " + c.orderId() + " is 5 days late");
    assertThat(alert.body())
        .contains("Hello Priya Patel,")
        .contains("Purchase order: " + c.orderId() + " (10 x phone cases)")
        .contains("Promised for:   " + c.promisedOn() + " (5 days late)")
        .contains("At stake:       goods worth 1234.50")
        .contains("the procurement managers are told after 1 day");
    long task = openTask(c.id(), "resolve-supplier-delay");
    assertThat(inbox("assignee=priya", "priya")).anySatisfy(t -> {
      assertThat(((Number) t.get("key")).longValue()).isEqualTo(task);
      assertThat(t.get("name")).isEqualTo("Resolve supplier delay");
    });
  }

  @Test
  void unresolvedAfterADayTheManagersAreToldAndAfterThreeDaysTheCaseIsTheirs() throws Exception {
    SupplierDelayCase c = detect("pedro", 4);
    long buyerTask = openTask(c.id(), "resolve-supplier-delay");
    awaitMails(c.orderId(), 1);

    advanceClock("P1D");
    List<Mail> afterOneDay = awaitMails(c.orderId(), 2);
    Mail managers = afterOneDay.get(1);
    assertThat(managers.subject()).isEqualTo("Supplier delay unresolved: PO " + c.orderId() + " (Pedro Gomez) for 1 day");
    assertThat(managers.to()).containsExactlyInAnyOrderElementsOf(groupEmails("procurement-managers"));
    assertThat(managers.body()).contains("The task stays with Pedro Gomez for now");
    assertThat(jdbc.sql("SELECT assignee FROM user_task WHERE key = ?").param(buyerTask).query(String.class).single()).isEqualTo("pedro");
    assertThat(caseOf(c.orderId()).level()).isEqualTo(1);
    assertThat(caseOf(c.orderId()).managersNotifiedAt()).isNotNull();

    advanceClock("P2D");
    List<Mail> afterThreeDays = awaitMails(c.orderId(), 3);
    assertThat(afterThreeDays).hasSize(3);
    Mail levelTwo = afterThreeDays.get(2);
    assertThat(levelTwo.subject()).isEqualTo("ESCALATION (level 2): supplier delay of PO " + c.orderId() + " unresolved for 3 days");
    assertThat(levelTwo.to()).containsExactlyInAnyOrder(email("paul"), email("olivia"));
    long managersTask = openTask(c.id(), "resolve-supplier-delay-escalated");
    await().atMost(PATIENCE).until(() -> "CANCELED".equals(jdbc.sql("SELECT status FROM user_task WHERE key = ?").param(buyerTask).query(String.class).single()));
    assertThat(caseOf(c.orderId()).level()).isEqualTo(2);
    assertThat(inbox("candidateGroup=procurement-managers", "paul")).extracting(t -> ((Number) t.get("key")).longValue()).contains(managersTask);

    // A manager resolves it: recorded as the manager's, at level 2.
    completeOk(managersTask, "paul", Map.of("action", "SWITCH_SUPPLIER", "comment", "moved to a second source"));
    SupplierDelayCase resolved = awaitStatus(c.orderId(), "RESOLVED");
    assertThat(resolved.resolvedBy()).isEqualTo("paul");
    assertThat(resolved.resolvedAtLevel()).isEqualTo(2);
    assertThat(resolved.maxLevel()).isEqualTo(2);
    assertThat(resolved.responseHours(java.time.Instant.now())).isGreaterThanOrEqualTo(72.0);
    assertThat(timelineActions(c.id())).containsSubsequence(
        "SUPPLIER_DELAY_DETECTED", "MAIL_SENT", "TASK_CREATED", "SUPPLIER_DELAY_MANAGERS_NOTIFIED", "MAIL_SENT",
        "SUPPLIER_DELAY_ESCALATED", "MAIL_SENT", "TASK_CREATED", "TASK_COMPLETED", "SUPPLIER_DELAY_RESOLVED");
    assertThat(delays.timeline(c.id())).filteredOn(e -> e.action().equals("SUPPLIER_DELAY_RESOLVED")).singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("paul");
          assertThat(e.details()).contains("\"level\":2").contains("SWITCH_SUPPLIER");
        });
  }

  @Test
  void theGoodsArrivingCloseTheCaseDeliveredBeforeAction() {
    SupplierDelayCase c = detect("petra", 3);
    long task = openTask(c.id(), "resolve-supplier-delay");

    deliver(c.orderId());
    // The count covers every open case of the shared database whose order arrived, so only "this
    // scan told at least one" is certain here; the case closing below shows it was this one.
    assertThat(((Number) scan().get("deliveriesNotified")).intValue()).isPositive();

    SupplierDelayCase closed = awaitStatus(c.orderId(), "DELIVERED");
    assertThat(closed.outcome()).isEqualTo("delivered before action");
    assertThat(closed.action()).isNull();
    await().atMost(PATIENCE).until(() -> "CANCELED".equals(jdbc.sql("SELECT status FROM user_task WHERE key = ?").param(task).query(String.class).single()));
    assertThat(timelineActions(c.id())).contains("SUPPLIER_DELAY_DELIVERED", "TASK_CANCELED");
  }

  @Test
  void expediteResolvesTheCase() {
    resolveAs("EXPEDITE", "supplier ships by air tomorrow");
  }

  @Test
  void switchingSupplierResolvesTheCase() {
    resolveAs("SWITCH_SUPPLIER", "second source");
  }

  @Test
  void cancellingTheOrderResolvesTheCaseAndCancelsThePurchaseOrder() {
    SupplierDelayCase c = resolveAs("CANCEL_ORDER", "no longer needed");
    assertThat(jdbc.sql("SELECT status FROM source.purchase_order WHERE id = ?").param(c.orderId()).query(String.class).single()).isEqualTo("CANCELLED");
  }

  private SupplierDelayCase resolveAs(String action, String comment) {
    SupplierDelayCase c = detect("priya", 7);
    long task = openTask(c.id(), "resolve-supplier-delay");
    awaitAssigned(task, "priya");

    completeOk(task, "priya", Map.of("action", action, "comment", comment));

    SupplierDelayCase resolved = awaitStatus(c.orderId(), "RESOLVED");
    assertThat(resolved.action()).isEqualTo(action);
    assertThat(resolved.actionComment()).isEqualTo(comment);
    assertThat(resolved.resolvedBy()).isEqualTo("priya");
    assertThat(resolved.resolvedAtLevel()).isEqualTo(1);
    assertThat(resolved.outcome()).isEqualTo("resolved: " + action);
    assertThat(resolved.closedAt()).isNotNull();
    Map<String, Object> viaApi = getCase(c.id(), "priya");
    assertThat(viaApi.get("status")).isEqualTo("RESOLVED");
    @SuppressWarnings("unchecked")
    Map<String, Object> resolution = (Map<String, Object>) viaApi.get("resolution");
    assertThat(resolution).containsEntry("action", action).containsEntry("resolvedBy", "priya");
    assertThat((List<?>) viaApi.get("timeline")).isNotEmpty();
    return resolved;
  }

  @Test
  void acceptingANewDateNeedsTheDate() {
    SupplierDelayCase c = detect("pedro", 3);
    long task = openTask(c.id(), "resolve-supplier-delay");
    awaitAssigned(task, "pedro");

    var answer = complete(task, "pedro", Map.of("action", "ACCEPT_NEW_DATE"));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("newPromisedOn");
  }

  @Test
  void anAcceptedNewDateThatPassesWithoutDeliveryReopensTheCaseAtLevelOne() throws Exception {
    SupplierDelayCase c = detect("petra", 4);
    long task = openTask(c.id(), "resolve-supplier-delay");
    awaitAssigned(task, "petra");
    LocalDate newDate = engineToday().plusDays(2);

    completeOk(task, "petra", Map.of("action", "ACCEPT_NEW_DATE", "newPromisedOn", newDate.toString(), "comment", "supplier promises"));

    SupplierDelayCase waiting = awaitStatus(c.orderId(), "WAITING_NEW_DATE");
    assertThat(waiting.newPromisedOn()).isEqualTo(newDate);
    assertThat(jdbc.sql("SELECT promised_on FROM source.purchase_order WHERE id = ?").param(c.orderId()).query(LocalDate.class).single()).isEqualTo(newDate);

    // The day after the new date begins at 00:00 in Shanghai (16:00 UTC on the new date): 5 minutes later the case reopens.
    java.time.Instant dayAfter = newDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    advanceClock(java.time.Duration.between(engineNow(), dayAfter.plusSeconds(300)).toString());

    SupplierDelayCase reopened = awaitStatus(c.orderId(), "OPEN");
    assertThat(reopened.level()).isEqualTo(1);
    assertThat(reopened.reopenCount()).isEqualTo(1);
    assertThat(reopened.promisedOn()).isEqualTo(newDate);
    long again = openTask(c.id(), "resolve-supplier-delay");
    assertThat(again).isNotEqualTo(task);
    List<Mail> mails = awaitMails(c.orderId(), 2);
    assertThat(mails.get(mails.size() - 1).body()).contains("the new delivery date you accepted has passed without delivery");
    assertThat(timelineActions(c.id())).containsSubsequence("SUPPLIER_DELAY_RESOLVED", "SUPPLIER_DELAY_REOPENED", "TASK_CREATED");
    // the first resolution still ends the response time
    assertThat(reopened.resolvedAt()).isEqualTo(waiting.resolvedAt());
  }

  @Test
  void goodsArrivingByTheAcceptedDateCloseTheCase() {
    SupplierDelayCase c = detect("priya", 3);
    long task = openTask(c.id(), "resolve-supplier-delay");
    awaitAssigned(task, "priya");
    completeOk(task, "priya", Map.of("action", "ACCEPT_NEW_DATE", "newPromisedOn", engineToday().plusDays(5).toString()));
    awaitStatus(c.orderId(), "WAITING_NEW_DATE");

    deliver(c.orderId());
    scan();

    SupplierDelayCase closed = awaitStatus(c.orderId(), "DELIVERED");
    assertThat(closed.outcome()).isEqualTo("delivered after ACCEPT_NEW_DATE");
  }

  private List<String> groupEmails(String group) {
    return jdbc.sql("SELECT e.email FROM employee e JOIN group_member m ON m.employee_id = e.id WHERE m.group_id = ?").param(group).query(String.class).list();
  }
}
