package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge that completes and assigns Camunda user tasks on the in-memory engine (whose
 * gateway has no user-task RPCs), checked on the engine alone: a tiny process with one user task.
 */
@io.perfflow.support.ApplicationTest
class EmbeddedUserTaskBridgeTest {
  EmbeddedZeebeEngine engine;
  CamundaClient client;
  EmbeddedUserTaskBridge bridge;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    engine = EmbeddedZeebeEngine.start(port);
    client = CamundaClient.newClientBuilder().grpcAddress(java.net.URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(false).build();
    bridge = new EmbeddedUserTaskBridge(engine, new com.fasterxml.jackson.databind.ObjectMapper());
    var model = Bpmn.createExecutableProcess("bridge-check").startEvent().userTask("approve", t -> t.zeebeUserTask())
        .endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, "bridge-check.bpmn").send().join();
  }

  @AfterEach
  void stop() {
    client.close();
    engine.stop();
  }

  List<Record<UserTaskRecordValue>> userTaskRecords() {
    List<Record<UserTaskRecordValue>> records = new ArrayList<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.USER_TASK) {
        @SuppressWarnings("unchecked")
        Record<UserTaskRecordValue> u = (Record<UserTaskRecordValue>) r;
        records.add(u);
      }
    }
    return records;
  }

  long createdTaskKey(long processInstanceKey) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> userTaskRecords().stream()
            .filter(r -> r.getIntent() == UserTaskIntent.CREATED && r.getValue().getProcessInstanceKey() == processInstanceKey)
            .map(Record::getKey).findFirst(), java.util.Optional::isPresent).get();
  }

  @Test
  void assignsAndCompletesWithVariablesAndTheEngineRejectsASecondCompletion() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("bridge-check").latestVersion().send().join().getProcessInstanceKey();
    long task = createdTaskKey(instance);

    bridge.assign(task, "olivia");
    await().until(() -> userTaskRecords().stream().anyMatch(r -> r.getKey() == task && r.getIntent() == UserTaskIntent.ASSIGNED
        && "olivia".equals(r.getValue().getAssignee())));

    bridge.complete(task, Map.of("decision", "APPROVE"));
    await().until(() -> userTaskRecords().stream().anyMatch(r -> r.getKey() == task && r.getIntent() == UserTaskIntent.COMPLETED
        && "APPROVE".equals(r.getValue().getVariables().get("decision"))));

    bridge.complete(task, Map.of("decision", "REJECT"));
    await().until(() -> userTaskRecords().stream().anyMatch(r -> r.getKey() == task && r.getRecordType() == RecordType.COMMAND_REJECTION));
    assertThat(userTaskRecords().stream().filter(r -> r.getKey() == task && r.getIntent() == UserTaskIntent.COMPLETED)).hasSize(1);
  }
}
