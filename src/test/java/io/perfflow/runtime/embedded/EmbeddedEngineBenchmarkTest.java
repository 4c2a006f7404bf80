package io.perfflow.runtime.embedded;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.perfflow.PerfFlowApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the durable engine is judged by (issue 9), on the engine as PerfFlow runs it (a data
 * folder, fsync on), as ratios within one run: the throughput of trivial instances with 0, 1,000
 * and 2,000 instances waiting at a user task, and the time from start to healthy of the whole
 * application with an empty engine folder and with a year of monthly cycles of a 50-person
 * company in it. Run: {@code ./mvnw -Pbenchmark verify -Dtest=EmbeddedEngineBenchmarkTest}.
 * Writes {@code target/benchmark/embedded-engine.md}.
 */
@Tag("benchmark")
class EmbeddedEngineBenchmarkTest {
  static final int MEASURED = Integer.getInteger("perfflow.benchmark.instances", 400);
  static final int IN_FLIGHT = 16;
  @TempDir Path data;

  record Engine(EmbeddedZeebeEngine engine, CamundaClient client, List<JobWorker> workers) implements AutoCloseable {
    @Override
    public void close() {
      workers.forEach(JobWorker::close);
      client.close();
      engine.stop();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Engine start(Path dir) throws IOException {
    int port = freePort();
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(port, dir.toString(), Duration.ZERO);
    CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(false).defaultJobWorkerStreamEnabled(true).build();
    List<JobWorker> workers = new ArrayList<>();
    workers.add(client.newWorker().jobType("work").handler((c, job) -> c.newCompleteCommand(job).send().join())
        .maxJobsActive(64).open());
    return new Engine(engine, client, workers);
  }

  /** A review's engine work in miniature: {@code steps} service tasks in a row. */
  static void deploy(CamundaClient client, int steps) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("steps").startEvent();
    for (int i = 0; i < steps; i++) {
      flow = flow.serviceTask("s" + i, t -> t.zeebeJobType("work"));
    }
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("trivial").startEvent().serviceTask("w", t -> t.zeebeJobType("work")).endEvent().done(), "trivial.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("wait").startEvent().userTask("approve", t -> t.zeebeUserTask()).endEvent().done(), "wait.bpmn")
        .addProcessModel(flow.endEvent().done(), "steps.bpmn")
        .send().join();
  }

  /** Runs {@code n} instances of {@code process} to their end, {@link #IN_FLIGHT} at a time; instances per second. */
  static double run(CamundaClient client, String process, int n) {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      slots.acquireUninterruptibly();
      all.add(client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().withResult()
          .requestTimeout(Duration.ofMinutes(2)).send().toCompletableFuture().whenComplete((r, e) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return n / ((System.nanoTime() - start) / 1e9);
  }

  /** Starts {@code n} instances that wait at a user task; returns their keys. */
  static List<Long> addWaiting(Engine e, int n) {
    Semaphore slots = new Semaphore(IN_FLIGHT * 4);
    List<CompletableFuture<io.camunda.client.api.response.ProcessInstanceEvent>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      slots.acquireUninterruptibly();
      all.add(e.client().newCreateInstanceCommand().bpmnProcessId("wait").latestVersion().send().toCompletableFuture()
          .whenComplete((r, x) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    await().atMost(Duration.ofMinutes(5)).until(e.engine()::processingCaughtUp);
    return all.stream().map(f -> f.join().getProcessInstanceKey()).toList();
  }

  static void cancel(Engine e, List<Long> instances) {
    Semaphore slots = new Semaphore(IN_FLIGHT * 4);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (long key : instances) {
      slots.acquireUninterruptibly();
      all.add(e.client().newCancelInstanceCommand(key).send().toCompletableFuture().whenComplete((r, x) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    await().atMost(Duration.ofMinutes(5)).until(e.engine()::processingCaughtUp);
  }

  static long engineStartMillis(Path dir) throws IOException {
    long start = System.nanoTime();
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(freePort(), dir.toString(), Duration.ZERO);
    long ms = (System.nanoTime() - start) / 1_000_000;
    engine.stop();
    return ms;
  }

  static long startToHealthyMillis(Path engineDir) {
    long start = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PerfFlowApplication.class)
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=", "--perfflow.embedded.engine.data-dir=" + engineDir,
            "--perfflow.demo.company-systems=false")) {
      // run() returns once readiness is ACCEPTING_TRAFFIC: /actuator/health is UP from here on
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  @Test
  void throughputWithWaitingTasksAndStartWithAYearOfHistory() throws IOException {
    StringBuilder report = new StringBuilder("# Embedded engine (" + java.time.LocalDate.now() + ")\n\n");
    report.append("JVM: ").append(Runtime.version()).append(", cores: ").append(Runtime.getRuntime().availableProcessors())
        .append(". Durable engine (data folder, fsync on), ").append(MEASURED).append(" trivial instances (one service task) per row, ")
        .append(IN_FLIGHT).append(" in flight.\n\n");
    report.append("The idle row is measured before the waiting instances are started and again after they are cancelled; "
        + "the ratios are against the mean of the two (the machine's load drifts during a run).\n\n");
    report.append("| waiting user tasks | instances/s | vs 0 waiting |\n|---|---|---|\n");
    try (Engine e = start(data.resolve("throughput"))) {
      deploy(e.client(), 1);
      run(e.client(), "trivial", 2 * MEASURED); // warm-up: JIT, RocksDB caches
      double before = run(e.client(), "trivial", MEASURED);
      List<Long> waiting = new ArrayList<>(addWaiting(e, 1_000));
      double with1000 = run(e.client(), "trivial", MEASURED);
      waiting.addAll(addWaiting(e, 1_000));
      double with2000 = run(e.client(), "trivial", MEASURED);
      cancel(e, waiting);
      double after = run(e.client(), "trivial", MEASURED);
      double idle = (before + after) / 2;
      report.append(String.format(Locale.ROOT, "| 0 (before) | %.1f | %.2f× |%n", before, before / idle));
      report.append(String.format(Locale.ROOT, "| 1,000 | %.1f | %.2f× |%n", with1000, with1000 / idle));
      report.append(String.format(Locale.ROOT, "| 2,000 | %.1f | %.2f× |%n", with2000, with2000 / idle));
      report.append(String.format(Locale.ROOT, "| 0 (after cancelling them) | %.1f | %.2f× |%n", after, after / idle));
    }

    // A year of monthly cycles for 50 people: 600 reviews of about 16 engine jobs each (service
    // tasks and listener jobs), snapshots as the 5-minute interval would take them, and the last
    // month's 50 reviews still waiting at a task.
    Path year = data.resolve("year");
    long records;
    String log;
    try (Engine e = start(year)) {
      deploy(e.client(), 16);
      for (int month = 0; month < 12; month++) {
        run(e.client(), "steps", 50);
        e.engine().takeSnapshot();
      }
      addWaiting(e, 50);
      records = e.engine().snapshotPosition();
      log = e.engine().logSummary();
    }
    long engineEmpty = engineStartMillis(data.resolve("engine-empty"));
    long engineYear = engineStartMillis(year);
    startToHealthyMillis(data.resolve("warm-up")); // class loading, JIT: the first start in a JVM is slower
    long empty = startToHealthyMillis(data.resolve("empty"));
    long withYear = startToHealthyMillis(year);
    long emptyAgain = startToHealthyMillis(data.resolve("empty-again"));
    double emptyMean = (empty + emptyAgain) / 2.0;
    report.append(String.format(Locale.ROOT, "%nA year of monthly cycles for 50 people: %,d records written (600 instances of 16 jobs, "
        + "a snapshot a month, the last month's 50 waiting at a task); its log is now %s.%n%n", records, log));
    report.append(String.format(Locale.ROOT, "| engine folder | engine start (s) | application start to healthy (s) | vs empty |%n|---|---|---|---|%n"
        + "| empty | %.1f | %.1f and %.1f | 1.00× |%n| a year of cycles | %.1f | %.1f | %.2f× |%n",
        engineEmpty / 1000.0, empty / 1000.0, emptyAgain / 1000.0, engineYear / 1000.0, withYear / 1000.0, withYear / emptyMean));
    Path out = Path.of("target/benchmark/embedded-engine.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }
}
