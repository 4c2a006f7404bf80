package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job a worker had taken when PerfFlow stopped (or crashed, or the stopping client never read
 * the engine's answer) is available again right after the restart, as it was: the workers run in
 * PerfFlow's process, so none of the previous run can still be working on it. Before, such a job
 * waited for its activation time-out and its review stood still for minutes (BackupRestoreTest's
 * intermittent "503 Engine busy" after a restore).
 */
@io.perfflow.support.ApplicationTest
class EngineJobsOfEarlierRunTest {
  @TempDir Path data;
  EmbeddedZeebeEngine engine;
  CamundaClient client;

  void start() throws Exception {
    BareEngine bare = BareEngine.start(data.resolve("engine").toString());
    engine = bare.engine();
    client = bare.client();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (engine != null) {
      engine.stop();
      engine = null;
    }
  }

  List<ActivatedJob> take() {
    return client.newActivateJobsCommand().jobType("collect").maxJobsToActivate(5).timeout(Duration.ofHours(1))
        .requestTimeout(Duration.ofMinutes(2)).send().join().getJobs();
  }

  @Test
  void aJobTakenBeforeTheStopCanBeTakenAgainAtOnceAfterTheRestart() throws Exception {
    start();
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("collect").startEvent().serviceTask("c", t -> t.zeebeJobType("collect").zeebeJobRetries("3"))
            .endEvent().done(), "collect.bpmn")
        .send().join();
    long instance = client.newCreateInstanceCommand().bpmnProcessId("collect").latestVersion().send().join().getProcessInstanceKey();
    List<ActivatedJob> taken = await().atMost(Duration.ofMinutes(2)).until(this::take, jobs -> !jobs.isEmpty());
    long jobKey = taken.get(0).getKey();
    assertThat(take()).as("taken for an hour: nobody else may take it").isEmpty();

    stop(); // the worker that took it is gone with the process
    start();

    assertThat(engine.history()).isEqualTo(EmbeddedZeebeEngine.History.RESTORED);
    List<ActivatedJob> again = take();
    assertThat(again).as("available again without waiting for its hour").extracting(ActivatedJob::getKey).containsExactly(jobKey);
    assertThat(again.get(0).getRetries()).as("a restart is not a failure: retries unchanged").isEqualTo(3);
    client.newCompleteCommand(jobKey).send().join();
    await().atMost(Duration.ofMinutes(2)).until(() -> completed(instance));

    stop(); // nothing is taken now: a restart releases nothing and the instance stays completed
    start();
    assertThat(take()).isEmpty();
    assertThat(completed(instance)).isTrue();
  }

  boolean completed(long instance) {
    return engine.records().stream().anyMatch(r -> r.getValueType() == ValueType.PROCESS_INSTANCE
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.getKey() == instance
        && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType().name().equals("PROCESS"));
  }
}
