package io.perfflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.client.api.worker.JobHandler;
import io.camunda.zeebe.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;
import static org.awaitility.Awaitility.await;
import io.camunda.zeebe.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.Timer;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * Checks the models in {@code processes/} and {@code forms/} against the engine and against
 * docs/modeling.md: they deploy on a real (in-memory) Zeebe 8.8 engine, the decision tables
 * return what the contract says, every element is drawn, every user task is a Camunda user task
 * with a deployed form and the lifecycle listeners, every file declares Camunda 8.8.
 */
class ProcessModelsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final ObjectMapper JSON = new ObjectMapper();

  static ZeebeTestEngine engine;
  static ZeebeClient client;
  static DeploymentEvent deployment;

  @BeforeAll
  static void deployEverything() throws IOException {
    // own free port: other builds on this machine may run an engine on the default 26500
    engine = EngineFactory.create(freePort());
    engine.start();
    client = engine.createClient();
    List<Path> resources = new ArrayList<>(files(PROCESSES, ""));
    resources.addAll(files(FORMS, ".form"));
    DeployResourceCommandStep2 command = null;
    for (Path resource : resources) {
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceFile(resource.toString())
              : command.addResourceFile(resource.toString());
    }
    // The client's default 10 s deadline is too short for a cold engine on a loaded 2-core machine.
    deployment = command.requestTimeout(Duration.ofMinutes(2)).send().join();
  }

  @AfterAll
  static void stopEngine() {
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.stop();
    }
    cancelEngineStateMonitorTimer();
  }

  // (a) -----------------------------------------------------------------------------------------

  @Test
  void everyModelDeploysToZeebe() throws IOException {
    assertThat(deployment.getProcesses())
        .extracting(p -> p.getBpmnProcessId())
        .containsExactlyInAnyOrder("review-cycle", "performance-review", "supplier-delay-scan", "supplier-delay-escalation", "promotion", "promotion-eligibility-scan",
            "team-bonus-pool",
            "weekly-plan", "campaign-notice",
            "stress-scan", "stress-intervention", "daily-feedback");
    assertThat(deployment.getDecisions())
        .extracting(d -> d.getDmnDecisionId())
        .containsExactlyInAnyOrder("review-rating", "approval-route", "stress-signals", "stress-risk", "promotion-route");
    assertThat(deployment.getForm())
        .extracting(f -> f.getFormId())
        .containsExactlyInAnyOrderElementsOf(formIds());
    assertThat(files(PROCESSES, "")).hasSize(17);
  }

  @ParameterizedTest(name = "{0} core signals, training {1} -> {2}")
  @CsvSource({
    "4, false, RED", "3, false, RED", "3, true, RED", "2, false, AMBER", "2, true, AMBER",
    "1, true, AMBER", "1, false, GREEN", "0, true, GREEN", "0, false, GREEN"})
  void stressRiskIsRedFromThreeCoreSignalsAmberFromTwoOrOnePlusTraining(int core, boolean training, String level) throws IOException {
    assertThat(evaluate("stress-risk", Map.of("coreSignals", core, "trainingSignal", training)).asText()).isEqualTo(level);
  }

  @Test
  void stressSignalsHaveOneRulePerSignalAndTrainingCanBeSwitchedOff() throws IOException {
    JsonNode on = evaluate("stress-signals", Map.of("trainingContributes", true));
    assertThat(on).extracting(r -> r.path("signal").asText()).containsExactly("hours", "leave", "decline", "pressure", "training");
    assertThat(on.get(0).path("threshold").decimalValue()).isEqualByComparingTo("50");
    assertThat(on.get(0).path("comparison").asText()).isEqualTo("above");
    assertThat(on.get(4).path("kind").asText()).isEqualTo("contributor");
    JsonNode off = evaluate("stress-signals", Map.of("trainingContributes", false));
    assertThat(off).extracting(r -> r.path("signal").asText()).containsExactly("hours", "leave", "decline", "pressure");
  }

  // (b) -----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "total {0} -> {1}")
  @CsvSource({
    "0, FAIL", "59.99, FAIL", "60, PASS", "79.99, PASS", "80, GOOD", "94.99, GOOD",
    "95, EXCELLENT", "100, EXCELLENT"
  })
  void reviewRatingBands(double total, String rating) throws IOException {
    assertThat(evaluate("review-rating", Map.of("total", total)).asText()).isEqualTo(rating);
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "operations       | GOOD      | [[\"ops-managers\"]]",
        "operations       | PASS      | [[\"ops-managers\"]]",
        "operations       | EXCELLENT | [[\"ops-managers\"],[\"hr\"]]",
        "operations       | FAIL      | [[\"ops-managers\"],[\"hr\"]]",
        "procurement      | GOOD      | [[\"procurement-managers\",\"finance-managers\"]]",
        "procurement      | PASS      | [[\"procurement-managers\",\"finance-managers\"]]",
        "procurement      | EXCELLENT | [[\"procurement-managers\",\"finance-managers\"],[\"hr\"]]",
        "procurement      | FAIL      | [[\"procurement-managers\",\"finance-managers\"],[\"hr\"]]",
        "customer-service | GOOD      | [[\"cs-leads\"]]",
        "customer-service | PASS      | [[\"cs-leads\"]]",
        "customer-service | EXCELLENT | [[\"cs-leads\"],[\"hr\"]]",
        "customer-service | FAIL      | [[\"cs-leads\"],[\"hr\"]]",
        "marketing        | GOOD      | [[\"hr\"]]",
        "marketing        | EXCELLENT | [[\"hr\"]]",
        "marketing        | FAIL      | [[\"hr\"]]",
        "logistics        | PASS      | [[\"hr\"]]"
      })
  void approvalRoutes(String role, String rating, String levels) throws IOException {
    assertThat(evaluate("approval-route", Map.of("role", role, "rating", rating)))
        .isEqualTo(JSON.readTree(levels));
  }

  @ParameterizedTest(name = "promotion {0} to {1} with {2} % -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "operations       | junior-operator | 0     | [[\"ops-managers\"],[\"hr\"]]",
        "operations       | junior-operator | 10    | [[\"ops-managers\"],[\"hr\"]]",
        "operations       | senior-operator | 10.01 | [[\"ops-managers\"],[\"hr\",\"finance-managers\"]]",
        "customer-service | team-lead       | 30    | [[\"cs-leads\"],[\"hr\",\"finance-managers\"]]",
        "customer-service | team-lead       | 5     | [[\"cs-leads\"],[\"hr\"]]",
        "procurement      | buyer-2         | 5     | [[\"hr\"]]"
      })
  void promotionRoutes(String track, String toLevel, double increase, String levels) throws IOException {
    assertThat(evaluate("promotion-route", Map.of("track", track, "toLevel", toLevel, "payIncreasePercent", increase)))
        .isEqualTo(JSON.readTree(levels));
  }

  @Test
  void approvalRouteWithoutRoleGoesToHr() throws IOException {
    Map<String, Object> vars = new HashMap<>();
    vars.put("role", null);
    vars.put("rating", "GOOD");
    assertThat(evaluate("approval-route", vars)).isEqualTo(JSON.readTree("[[\"hr\"]]"));
  }

  // (c) -----------------------------------------------------------------------------------------

  @Test
  void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge() throws IOException {
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> shapes =
          model.getModelElementsByType(BpmnShape.class).stream()
              .map(s -> s.getBpmnElement().getId())
              .collect(Collectors.toSet());
      Set<String> edges =
          model.getModelElementsByType(BpmnEdge.class).stream()
              .map(e -> ((BaseElement) e.getBpmnElement()).getId())
              .collect(Collectors.toSet());
      assertThat(ids(model.getModelElementsByType(FlowNode.class)))
          .as("flow nodes without a BPMNShape in %s", file)
          .filteredOn(id -> !shapes.contains(id))
          .isEmpty();
      assertThat(ids(model.getModelElementsByType(SequenceFlow.class)))
          .as("sequence flows without a BPMNEdge in %s", file)
          .filteredOn(id -> !edges.contains(id))
          .isEmpty();
      assertThat(model.getModelElementsByType(FlowNode.class))
          .as("flow nodes without a name in %s", file)
          .filteredOn(n -> n.getName() == null || n.getName().isBlank())
          .extracting(BaseElement::getId)
          .isEmpty();
    }
  }

  // (d) -----------------------------------------------------------------------------------------

  @Test
  void everyUserTaskIsACamundaUserTaskWithADeployedFormAndLifecycleListeners() throws IOException {
    Set<String> formIds = formIds();
    List<String> userTasks = new ArrayList<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        userTasks.add(task.getId());
        String where = file + " " + task.getId();
        assertThat(task.getSingleExtensionElement(ZeebeUserTask.class))
            .as("%s is not a Camunda user task (zeebe:userTask)", where)
            .isNotNull();
        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        assertThat(form).as("%s has no zeebe:formDefinition", where).isNotNull();
        assertThat(form.getFormId()).as("%s formId", where).isIn(formIds);
        ZeebeTaskListeners listeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
        assertThat(listeners).as("%s has no task listeners", where).isNotNull();
        assertThat(listeners.getTaskListeners())
            .as("%s task listeners", where)
            .allMatch(l -> ("perfflow.task." + l.getEventType().name()).equals(l.getType()))
            .extracting(l -> l.getEventType().name())
            .containsExactlyInAnyOrder("creating", "assigning", "completing", "canceling");
      }
    }
    assertThat(userTasks)
        .containsExactlyInAnyOrder(
            "self-assessment", "manager-review", "approve-review", "hr-decision",
            "resolve-supplier-delay", "resolve-supplier-delay-escalated",
            "hr-exception", "approve-promotion", "finalise-promotion",
            "lead-allocation", "approve-bonus-pool",
            "weekly-review", "acknowledge-saved-notice", "acknowledge-start-notice",
            "stress-interview", "stress-step-manager", "stress-step-hr");
  }

  @Test
  void serviceTasksUseTheContractsJobTypes() throws IOException {
    Map<String, String> jobTypes = new HashMap<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        jobTypes.put(task.getId(), task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType());
      }
    }
    assertThat(jobTypes)
        .containsEntry("open-scheduled-cycle", "perfflow.cycle.open-scheduled")
        .containsEntry("prepare-cycle", "perfflow.cycle.prepare")
        .containsEntry("close-cycle", "perfflow.cycle.close")
        .containsEntry("collect-metrics", "perfflow.review.collect-metrics")
        .containsEntry("compute-scores", "perfflow.review.compute-scores")
        .containsEntry("record-rating", "perfflow.review.record-rating")
        .containsEntry("record-final-rating", "perfflow.review.record-rating")
        .containsEntry("record-manager-review", "perfflow.review.record-manager-review")
        .containsEntry("record-approval", "perfflow.review.record-approval")
        .containsEntry("count-rejection", "perfflow.review.count-rejection")
        .containsEntry("record-hr-decision", "perfflow.review.record-hr-decision")
        .containsEntry("apply-results", "perfflow.review.apply-results")
        .containsEntry("mail-result", "perfflow.mail.send")
        .containsEntry("mail-cycle-summary", "perfflow.mail.send")
        .containsEntry("scan-purchase-orders", "perfflow.supplier-delay.scan")
        .containsEntry("record-case-opened", "perfflow.supplier-delay.record-opened")
        .containsEntry("record-managers-notified", "perfflow.supplier-delay.record-escalation")
        .containsEntry("record-level-two", "perfflow.supplier-delay.record-escalation")
        .containsEntry("record-resolution", "perfflow.supplier-delay.record-resolution")
        .containsEntry("record-delivered", "perfflow.supplier-delay.record-delivered")
        .containsEntry("check-new-date", "perfflow.supplier-delay.check-new-date")
        .containsEntry("mail-buyer", "perfflow.mail.send")
        .containsEntry("check-eligibility", "perfflow.promotion.check-eligibility")
        .containsEntry("record-exception", "perfflow.promotion.record-exception")
        .containsEntry("record-promotion-approval", "perfflow.promotion.record-approval")
        .containsEntry("record-rejection", "perfflow.promotion.record-rejection")
        .containsEntry("record-finalisation", "perfflow.promotion.record-finalisation")
        .containsEntry("apply-promotion", "perfflow.promotion.apply")
        .containsEntry("scan-eligibility", "perfflow.promotion.eligibility-scan")
        .containsEntry("check-pool-reviews", "perfflow.bonus-pool.check-reviews")
        .containsEntry("record-pool-lead-allocation", "perfflow.bonus-pool.record-lead-allocation")
        .containsEntry("record-pool-hr-decision", "perfflow.bonus-pool.record-hr-decision")
        .containsEntry("mail-members", "perfflow.mail.send")
        .containsEntry("open-week", "perfflow.plans.open-week")
        .containsEntry("remind-missing-plans", "perfflow.plans.remind-missing")
        .containsEntry("check-lagging", "perfflow.plans.check-lagging")
        .containsEntry("close-week", "perfflow.plans.close-week")
        .containsEntry("record-weekly-review", "perfflow.plans.record-review")
        .containsEntry("notify-saved", "perfflow.campaigns.notify-buyers")
        .containsEntry("notify-started", "perfflow.campaigns.notify-buyers")
        .containsEntry("record-saved-acknowledgement", "perfflow.campaigns.record-acknowledgement")
        .containsEntry("record-start-acknowledgement", "perfflow.campaigns.record-acknowledgement")
        .containsEntry("scan-stress-signals", "perfflow.wellbeing.scan")
        .containsEntry("record-stress-case-started", "perfflow.wellbeing.record-started")
        .containsEntry("record-stress-interview", "perfflow.wellbeing.record-interview")
        .containsEntry("record-stress-interview-overdue", "perfflow.wellbeing.record-interview-overdue")
        .containsEntry("record-stress-step-done", "perfflow.wellbeing.record-step")
        .containsEntry("evaluate-stress-follow-up", "perfflow.wellbeing.follow-up")
        .containsEntry("run-daily-feedback", "perfflow.cs.daily-feedback")
        .containsEntry("mail-agents", "perfflow.mail.send");
    // The contract: every job type a worker serves (each family's workers are in its folder).
    Set<String> contract = workerJobTypes();
    assertThat(contract).contains("perfflow.mail.send", "perfflow.review.collect-metrics", "perfflow.supplier-delay.scan");
    assertThat(jobTypes.values()).allMatch(contract::contains);
  }

  /** The job types of the {@code @JobWorker}s in {@code workers/}. */
  static Set<String> workerJobTypes() throws IOException {
    java.util.regex.Pattern type = java.util.regex.Pattern.compile("@JobWorker\\(\\s*type\\s*=\\s*\"([^\"]+)\"");
    Set<String> types = new java.util.TreeSet<>();
    try (var files = Files.walk(Path.of("workers"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        java.util.regex.Matcher m = type.matcher(Files.readString(file));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    }
    return types;
  }

  // (e) -----------------------------------------------------------------------------------------

  @Test
  void everyFileDeclaresCamunda88() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path file : files(PROCESSES, "")) {
      Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
      assertThat(root.getAttributeNS(MODELER_NS, "executionPlatform")).as("%s", file).isEqualTo("Camunda Cloud");
      assertThat(root.getAttributeNS(MODELER_NS, "executionPlatformVersion")).as("%s", file).isEqualTo("8.8.0");
    }
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("executionPlatform").asText()).as("%s", file).isEqualTo("Camunda Cloud");
      assertThat(form.path("executionPlatformVersion").asText()).as("%s", file).isEqualTo("8.8.0");
      assertThat(form.path("id").asText())
          .as("%s id", file)
          .isEqualTo(file.getFileName().toString().replace(".form", ""));
    }
  }

  // (f) -----------------------------------------------------------------------------------------

  /**
   * Runs performance-review with stub workers: defaults, due dates, reminder timer, the
   * INVALID_ADJUSTMENT loop, the decision tables inside the process, parallel approvers, three
   * rejections to the HR decision, and the end. User tasks are completed by writing the command
   * into the engine's log (the in-memory engine's gRPC gateway has no user-task RPCs).
   */
  @Test
  void performanceReviewRunsThroughTheRejectionLoopToHrAndEnds() throws Exception {
    Queue<Map<String, Object>> calls = new ConcurrentLinkedQueue<>();
    AtomicInteger managerReviews = new AtomicInteger();
    AtomicInteger rejections = new AtomicInteger();
    List<JobWorker> workers = new ArrayList<>();
    workers.add(worker("perfflow.review.collect-metrics", calls, job -> Map.of()));
    workers.add(worker("perfflow.review.compute-scores", calls, job -> Map.of("total", 85, "role", "procurement")));
    workers.add(worker("perfflow.review.record-rating", calls, job -> Map.of()));
    for (String event : List.of("creating", "assigning", "completing", "canceling")) {
      workers.add(worker("perfflow.task." + event, calls, job -> Map.of()));
    }
    workers.add(worker("perfflow.review.record-approval", calls,
        job -> "REJECT".equals(job.getVariablesAsMap().get("approvalDecision"))
            ? Map.of("rejectionComment", "too generous") : Map.of()));
    workers.add(worker("perfflow.review.count-rejection", calls,
        job -> Map.of("rejectionCount", rejections.incrementAndGet())));
    workers.add(worker("perfflow.review.record-hr-decision", calls, job -> Map.of()));
    workers.add(worker("perfflow.review.apply-results", calls, job -> Map.of("result", "APPLIED")));
    workers.add(worker("perfflow.mail.send", calls, job -> Map.of()));
    workers.add(
        client.newWorker()
            .jobType("perfflow.review.record-manager-review")
            .handler((jobClient, job) -> {
              calls.add(call(job));
              Map<String, Object> vars = job.getVariablesAsMap();
              if (managerReviews.incrementAndGet() == 1) {
                jobClient.newThrowErrorCommand(job).errorCode("INVALID_ADJUSTMENT")
                    .variables(Map.of("reviewError", "adjustment out of range")).send().join();
              } else {
                double finalTotal = ((Number) vars.get("total")).doubleValue()
                    + ((Number) vars.get("adjustment")).doubleValue();
                jobClient.newCompleteCommand(job).variables(Map.of("finalTotal", finalTotal)).send().join();
              }
            })
            .open());
    try {
      long instance = client.newCreateInstanceCommand().bpmnProcessId("performance-review").latestVersion()
          .variables(Map.of("reviewId", "review-1", "employeeId", "emp-1", "managerId", "mgr-1", "role", "x"))
          .send().join().getProcessInstanceKey();

      // self-assessment: assignee, form, due date from the default reviewTaskDue (P3D)
      UserTaskRecordValue self = awaitUserTask(instance, "self-assessment", 1).get(0);
      // 8.8 creates the task, then assigns it (own ASSIGNED record, after the assigning listener)
      assertThat(awaitUserTask(instance, "self-assessment", 1, UserTaskIntent.ASSIGNED).get(0).getAssignee())
          .isEqualTo("emp-1");
      assertThat(self.getFormKey()).isPositive();
      // the engine stores ZonedDateTime#toString, e.g. 2026-11-24T06:00:00Z[Etc/UTC]
      Instant due = ZonedDateTime.parse(self.getDueDate()).toInstant();
      assertThat(due).isBetween(Instant.now().plus(Duration.ofHours(70)), Instant.now().plus(Duration.ofHours(74)));
      assertThat(calls).anyMatch(c -> c.get("type").equals("perfflow.review.record-rating")
          && "initial".equals(c.get("stage")) && "GOOD".equals(c.get("rating")));

      // the non-interrupting reminder fires at the due date and leaves the task open
      engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
      awaitCall(calls, "perfflow.mail.send", "task-reminder", "employee");
      completeUserTask(self.getUserTaskKey(), Map.of("selfRating", 4, "selfComment", "fine"));

      // first manager review is refused by the worker (INVALID_ADJUSTMENT) -> back to the manager
      // (a task with an assignee can be completed once ASSIGNED; before, the command is rejected)
      completeUserTask(awaitUserTask(instance, "manager-review", 1, UserTaskIntent.ASSIGNED).get(0).getUserTaskKey(),
          Map.of("adjustment", 30, "managerComment", "x"));
      for (int round = 1; round <= 3; round++) {
        UserTaskRecordValue review = awaitUserTask(instance, "manager-review", round + 1).get(round);
        assertThat(awaitUserTask(instance, "manager-review", round + 1, UserTaskIntent.ASSIGNED).get(round).getAssignee())
            .isEqualTo("mgr-1");
        completeUserTask(review.getUserTaskKey(), Map.of("adjustment", 10, "managerComment", "ok"));
        // 85 + 10 = 95 -> EXCELLENT; procurement -> level 1: two groups in parallel, level 2: hr
        List<UserTaskRecordValue> approvals = awaitUserTask(instance, "approve-review", 2 * round);
        List<UserTaskRecordValue> level1 = approvals.subList(2 * round - 2, 2 * round);
        assertThat(level1).flatExtracting(UserTaskRecordValue::getCandidateGroupsList)
            .containsExactlyInAnyOrder("procurement-managers", "finance-managers");
        if (round < 3) {
          completeUserTask(level1.get(0).getUserTaskKey(), Map.of("decision", "REJECT", "comment", "no"));
        } else {
          // both groups approve: the next (sequential) level starts, there HR rejects
          completeUserTask(level1.get(0).getUserTaskKey(), Map.of("decision", "APPROVE"));
          completeUserTask(level1.get(1).getUserTaskKey(), Map.of("decision", "APPROVE"));
          UserTaskRecordValue level2 = awaitUserTask(instance, "approve-review", 7).get(6);
          assertThat(level2.getCandidateGroupsList()).containsExactly("hr");
          completeUserTask(level2.getUserTaskKey(), Map.of("decision", "REJECT", "comment", "calibrate"));
        }
        int expected = round;
        await().atMost(Duration.ofSeconds(30)).until(() -> rejections.get() == expected);
      }
      // the final rating is decided on finalTotal; the process variable total stays the computed one
      assertThat(calls).anyMatch(c -> c.get("type").equals("perfflow.review.record-rating")
          && "final".equals(c.get("stage")) && "EXCELLENT".equals(c.get("rating")));
      assertThat(calls).filteredOn(c -> c.get("type").equals("perfflow.review.record-manager-review"))
          .hasSize(4)
          .allMatch(c -> Integer.valueOf(85).equals(c.get("total")));
      assertThat(calls).filteredOn(c -> c.get("type").equals("perfflow.review.record-approval"))
          .extracting(c -> c.get("approvalLevel") + ":" + c.get("approverGroup") + ":" + c.get("approvalDecision"))
          .contains("1:procurement-managers:APPROVE", "1:finance-managers:APPROVE", "2:hr:REJECT")
          .filteredOn(c -> c.startsWith("1:") && c.endsWith(":REJECT"))
          .hasSize(2);

      // third rejection -> HR decides
      UserTaskRecordValue hr = awaitUserTask(instance, "hr-decision", 1).get(0);
      assertThat(hr.getCandidateGroupsList()).containsExactly("hr");
      // left open, HR is reminded after approvalReminderCycle (R/P2D)
      engine.increaseTime(Duration.ofDays(2).plusMinutes(1));
      awaitCall(calls, "perfflow.mail.send", "approval-reminder", "group:hr");
      completeUserTask(hr.getUserTaskKey(), Map.of("decision", "APPROVE", "comment", "calibrated"));
      awaitCall(calls, "perfflow.mail.send", "review-result", "employee");
      await().atMost(Duration.ofSeconds(30)).until(() -> completed(instance));
      assertThat(calls).anyMatch(c -> c.get("type").equals("perfflow.review.apply-results"));
    } finally {
      workers.forEach(JobWorker::close);
    }
  }

  JobWorker worker(String type, Queue<Map<String, Object>> calls, java.util.function.Function<ActivatedJob, Map<String, Object>> result) {
    return client.newWorker().jobType(type)
        .handler((jobClient, job) -> {
          calls.add(call(job));
          jobClient.newCompleteCommand(job).variables(result.apply(job)).send().join();
        })
        .open();
  }

  static Map<String, Object> call(ActivatedJob job) {
    Map<String, Object> call = new HashMap<>(job.getVariablesAsMap());
    call.putAll(job.getCustomHeaders());
    call.put("type", job.getType());
    call.put("elementId", job.getElementId());
    return call;
  }

  static void awaitCall(Queue<Map<String, Object>> calls, String type, String template, String to) {
    await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream().anyMatch(c ->
        c.get("type").equals(type) && template.equals(c.get("template")) && to.equals(c.get("to"))));
  }

  /** Waits until {@code count} user tasks of the element were created, in creation order. */
  static List<UserTaskRecordValue> awaitUserTask(long instance, String elementId, int count) {
    return awaitUserTask(instance, elementId, count, UserTaskIntent.CREATED);
  }

  static List<UserTaskRecordValue> awaitUserTask(
      long instance, String elementId, int count, UserTaskIntent intent) {
    List<UserTaskRecordValue> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      found.clear();
      for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
        if (record.getValueType() == ValueType.USER_TASK && record.getIntent() == intent
            && record.getValue() instanceof UserTaskRecordValue task
            && task.getProcessInstanceKey() == instance && task.getElementId().equals(elementId)) {
          found.add(task);
        }
      }
      return found.size() >= count;
    });
    return List.copyOf(found);
  }

  static boolean completed(long instance) {
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getValue() instanceof ProcessInstanceRecordValue pi
          && pi.getBpmnElementType() == BpmnElementType.PROCESS && pi.getProcessInstanceKey() == instance) {
        return true;
      }
    }
    return false;
  }

  /** Writes a user task COMPLETE command into the engine's log (see notes/embedded-zeebe.md). */
  static void completeUserTask(long userTaskKey, Map<String, Object> variables) throws Exception {
    Object gateway = readField(engine, "gateway");
    Object writer = readField(gateway, "writer");
    Method write = writer.getClass().getDeclaredMethod(
        "writeCommandWithKey", Long.class, UnifiedRecordValue.class, RecordMetadata.class);
    write.setAccessible(true);
    UserTaskRecord task = new UserTaskRecord().setUserTaskKey(userTaskKey);
    task.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(JSON.writeValueAsString(variables))));
    task.setAction("complete");
    write.invoke(writer, userTaskKey, task,
        new RecordMetadata().recordType(RecordType.COMMAND).valueType(ValueType.USER_TASK).intent(UserTaskIntent.COMPLETE));
  }

  static Object readField(Object target, String name) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }

  // helpers -------------------------------------------------------------------------------------

  static JsonNode evaluate(String decisionId, Map<String, Object> variables) throws IOException {
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    return JSON.readTree(output);
  }

  static List<String> ids(java.util.Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).toList();
  }

  static Set<String> formIds() throws IOException {
    return files(FORMS, ".form").stream()
        .map(p -> p.getFileName().toString().replace(".form", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> p.getFileName().toString().matches(".*\\.(bpmn|dmn|form)$"))
          .sorted()
          .toList();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The engine keeps a static non-daemon timer (see notes/embedded-zeebe.md). */
  static void cancelEngineStateMonitorTimer() {
    try {
      Class<?> monitor = Class.forName("io.camunda.zeebe.process.test.engine.EngineStateMonitor");
      Field timer = monitor.getDeclaredField("TIMER");
      timer.setAccessible(true);
      ((Timer) timer.get(null)).cancel();
    } catch (ReflectiveOperationException | RuntimeException e) {
      // best effort
    }
  }
}
