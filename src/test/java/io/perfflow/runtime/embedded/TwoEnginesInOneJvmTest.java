package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two embedded engines in one JVM, as in the test suite (the application's engine and a test's
 * own) or a tool that opens a second data folder: each answers its own requests, with its own
 * values, while both answer at once. The library's response writer keeps the response being
 * written in static fields; before {@code PerfFlowEngineAssembly} kept them per engine, one
 * engine's answer was read from the other's bytes, could not be decoded, and that engine retried
 * it for good and answered nothing more (the full CI run hung so in EngineLogCompactionTest).
 */
class TwoEnginesInOneJvmTest {
  static final int INSTANCES = 1000;

  @TempDir Path data;

  @Test
  void eachEngineAnswersItsOwnRequestsWhileBothAnswerAtOnce() throws Exception {
    try (BareEngine a = BareEngine.start(data.resolve("a").toString());
        BareEngine b = BareEngine.start(data.resolve("b").toString())) {
      List<JobWorker> workers = new ArrayList<>();
      try {
        for (BareEngine e : List.of(a, b)) {
          e.client().newDeployResourceCommand()
              .addProcessModel(Bpmn.createExecutableProcess("echo").startEvent().serviceTask("w", t -> t.zeebeJobType("echo")).endEvent().done(),
                  "echo.bpmn")
              .send().join();
          // The job's result differs per instance, so an answer built from another response's bytes shows.
          workers.add(e.client().newWorker().jobType("echo")
              .handler((c, job) -> c.newCompleteCommand(job).variables(Map.of("answer", job.getVariable("engine") + "-" + job.getVariable("n")))
                  .send().join())
              .open());
        }
        // Many requests in flight on both at once (each also answers its worker's completions).
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
        for (int n = 0; n < INSTANCES; n++) {
          for (var e : Map.of("a", a, "b", b).entrySet()) {
            int i = n;
            inFlight.acquire();
            answers.add(e.getValue().client().newCreateInstanceCommand().bpmnProcessId("echo").latestVersion()
                .variables(Map.of("engine", e.getKey(), "n", i)).withResult().requestTimeout(Duration.ofSeconds(60)).send()
                .toCompletableFuture()
                .whenComplete((r, x) -> inFlight.release())
                .thenAccept(result -> assertThat(result.getVariablesAsMap()).as("engine %s, instance %d", e.getKey(), i)
                    .containsEntry("answer", e.getKey() + "-" + i).containsEntry("engine", e.getKey())));
          }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        // A rejection is answered with its own reason (kept per engine as well).
        for (BareEngine e : List.of(a, b)) {
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.client().newCompleteCommand(4242L).send().join())
              .hasMessageContaining("NOT_FOUND").hasMessageContaining("4242");
        }
      } finally {
        workers.forEach(JobWorker::close);
      }
    }
  }
}
