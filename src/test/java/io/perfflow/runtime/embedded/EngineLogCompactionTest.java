package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable engine over many records: each snapshot deletes the log segments it makes
 * unnecessary, so the log stays a few segments long however much the engine writes; a restart
 * from the snapshot and the rest of the log has everything (a waiting user task with its key, an
 * open incident read from the engine state, a pending timer that fires once when the clock moves,
 * an open message subscription that correlates), although the records that created them were
 * compacted away, and work goes on.
 */
@io.perfflow.support.ApplicationTest
class EngineLogCompactionTest {
  static final long SEGMENT = 64 * 1024;
  @TempDir Path data;
  EmbeddedZeebeEngine engine;
  CamundaClient client;
  final List<JobWorker> workers = new ArrayList<>();

  void start() throws Exception {
    BareEngine bare = BareEngine.start(data.resolve("engine").toString(), SEGMENT);
    engine = bare.engine();
    client = bare.client();
    workers.add(client.newWorker().jobType("work").handler((c, job) -> c.newCompleteCommand(job).send().join()).open());
    workers.add(client.newWorker().jobType("break")
        .handler((c, job) -> c.newFailCommand(job).retries(0).errorMessage("broken on purpose " + job.getVariable("n")).send().join())
        .open());
  }

  void stop() {
    workers.forEach(JobWorker::close);
    workers.clear();
    if (client != null) {
      client.close();
      client = null;
    }
    if (engine != null) {
      engine.stop();
      engine = null;
    }
  }

  @AfterEach
  void tearDown() {
    stop();
  }

  long completedInstances() {
    long n = 0;
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType().name().equals("PROCESS")) {
        n++;
      }
    }
    return n;
  }

  @Test
  void snapshotsCompactTheLogAndARestartHasEverything() throws Exception {
    start();
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("work").startEvent().serviceTask("w", t -> t.zeebeJobType("work")).endEvent().done(), "work.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("wait").startEvent().userTask("approve", t -> t.zeebeUserTask()).endEvent().done(), "wait.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("break").startEvent().serviceTask("b", t -> t.zeebeJobType("break")).endEvent().done(), "break.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("timer").startEvent()
            .intermediateCatchEvent("later", e -> e.timerWithDuration("PT1H")).endEvent().done(), "timer.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("message").startEvent()
            .intermediateCatchEvent("answer", e -> e.message(m -> m.name("answer").zeebeCorrelationKeyExpression("id"))).endEvent().done(),
            "message.bpmn")
        .send().join();
    long waiting = client.newCreateInstanceCommand().bpmnProcessId("wait").latestVersion().send().join().getProcessInstanceKey();
    long broken = client.newCreateInstanceCommand().bpmnProcessId("break").latestVersion().variables(Map.of("n", 1)).send().join()
        .getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.openIncidents().stream().anyMatch(i -> i.processInstanceKey() == broken));
    long userTaskKey = await().atMost(Duration.ofSeconds(30)).until(() -> userTaskKeyOf(waiting), k -> k > 0);
    long timed = client.newCreateInstanceCommand().bpmnProcessId("timer").latestVersion().send().join().getProcessInstanceKey();
    long waitingForMessage = client.newCreateInstanceCommand().bpmnProcessId("message").latestVersion()
        .variables(Map.of("id", "order-7")).send().join().getProcessInstanceKey();
    long timerCreated = await().atMost(Duration.ofSeconds(30))
        .until(() -> positionOf(ValueType.TIMER, "CREATED", timed), p -> p > 0);
    long subscriptionCreated = await().atMost(Duration.ofSeconds(30))
        .until(() -> positionOf(ValueType.PROCESS_MESSAGE_SUBSCRIPTION, "CREATED", waitingForMessage), p -> p > 0);

    long maxLog = 0;
    int rounds = 12;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < 20; i++) {
        // A loaded machine may take longer than the client's 20 s default to run 20 jobs.
        client.newCreateInstanceCommand().bpmnProcessId("work").latestVersion().withResult().requestTimeout(Duration.ofMinutes(2)).send().join();
      }
      engine.takeSnapshot();
      maxLog = Math.max(maxLog, engine.logSizeInBytes());
    }
    long written = engine.snapshotPosition();
    assertThat(engine.lowestLogPosition()).as("the oldest records were deleted: %s", engine.logSummary()).isGreaterThan(written / 2);
    assertThat(maxLog).as("log bounded by a few segments while %s records were written (%s)", written, engine.logSummary())
        .isLessThanOrEqualTo(3 * SEGMENT);
    assertThat(engine.records()).as("a few segments' records only").hasSizeLessThan((int) written / 3);
    assertThat(engine.lowestLogPosition()).as("the timer's and the subscription's records were compacted away")
        .isGreaterThan(Math.max(timerCreated, subscriptionCreated));
    assertThat(engine.openIncidents()).as("the incident is read from the state, not the compacted log")
        .anyMatch(i -> i.processInstanceKey() == broken && i.message().equals("broken on purpose 1") && i.elementId().equals("b"));

    stop();
    start();
    assertThat(engine.history()).isEqualTo(EmbeddedZeebeEngine.History.RESTORED);
    assertThat(engine.openIncidents()).anyMatch(i -> i.processInstanceKey() == broken);
    // the user task is back with its key: completing it completes its process instance
    new EmbeddedUserTaskBridge(engine, new com.fasterxml.jackson.databind.ObjectMapper()).complete(userTaskKey, Map.of());
    await().atMost(Duration.ofSeconds(30)).until(() -> instanceCompleted(waiting));
    // the pending timer is back: it fires once when the clock moves past it, and not again
    assertThat(instanceCompleted(timed)).isFalse();
    engine.increaseTime(Duration.ofHours(2));
    await().atMost(Duration.ofSeconds(30)).until(() -> instanceCompleted(timed));
    engine.increaseTime(Duration.ofHours(2));
    // A loaded machine may take longer than the client's 20 s default to run 20 jobs.
    client.newCreateInstanceCommand().bpmnProcessId("work").latestVersion().withResult().requestTimeout(Duration.ofMinutes(2)).send().join();
    assertThat(count(ValueType.TIMER, "TRIGGERED", timed)).as("the timer fired exactly once").isEqualTo(1);
    // the open message subscription is back: the message correlates and the instance completes
    assertThat(instanceCompleted(waitingForMessage)).isFalse();
    client.newPublishMessageCommand().messageName("answer").correlationKey("order-7").send().join();
    await().atMost(Duration.ofSeconds(30)).until(() -> instanceCompleted(waitingForMessage));
    // and new work runs on the restored state
    // A loaded machine may take longer than the client's 20 s default to run 20 jobs.
    client.newCreateInstanceCommand().bpmnProcessId("work").latestVersion().withResult().requestTimeout(Duration.ofMinutes(2)).send().join();
    // resolving the incident removes it from the state
    var incident = engine.openIncidents().stream().filter(i -> i.processInstanceKey() == broken).findFirst().orElseThrow();
    client.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.openIncidents().stream().anyMatch(i -> i.processInstanceKey() == broken
        && i.key() != incident.key()));
    assertThat(engine.openIncidents()).noneMatch(i -> i.key() == incident.key());
  }

  /** Position of the first {@code intent} record of {@code type} for the instance, -1 if none. */
  long positionOf(ValueType type, String intent, long processInstanceKey) {
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == type && r.getIntent().name().equals(intent) && instanceOf(r) == processInstanceKey) {
        return r.getPosition();
      }
    }
    return -1;
  }

  long count(ValueType type, String intent, long processInstanceKey) {
    return engine.records().stream()
        .filter(r -> r.getValueType() == type && r.getIntent().name().equals(intent) && instanceOf(r) == processInstanceKey).count();
  }

  static long instanceOf(Record<?> r) {
    return r.getValue() instanceof io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated related
        ? related.getProcessInstanceKey() : -1;
  }

  long userTaskKeyOf(long processInstanceKey) {
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.USER_TASK && r.getIntent().name().equals("CREATED")
          && ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue()).getProcessInstanceKey() == processInstanceKey) {
        return r.getKey();
      }
    }
    return -1;
  }

  boolean instanceCompleted(long processInstanceKey) {
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getKey() == processInstanceKey) {
        return true;
      }
    }
    return false;
  }
}
