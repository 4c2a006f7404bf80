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

  /**
   * A year of monthly cycles for 50 people in the engine folder {@code dir}: 600 reviews of about
   * 16 engine jobs each (service tasks and listener jobs), snapshots as the 5-minute interval would
   * take them, and the last month's 50 reviews still waiting at a task. Returns the records
   * written and a summary of the log.
   */
  static String[] writeAYearOfCycles(Path dir) throws IOException {
    try (Engine e = start(dir)) {
      deploy(e.client(), 16);
      for (int month = 0; month < 12; month++) {
        run(e.client(), "steps", 50);
        e.engine().takeSnapshot();
      }
      addWaiting(e, 50);
      return new String[] {Long.toString(e.engine().snapshotPosition()), e.engine().logSummary()};
    }
  }

  static long engineStartMillis(Path dir) throws IOException {
    long start = System.nanoTime();
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(freePort(), dir.toString(), Duration.ZERO);
    long ms = (System.nanoTime() - start) / 1_000_000;
    engine.stop();
    return ms;
  }

  static long startToHealthyMillis(Path engineDir) {
    return startToHealthyMillis(engineDir, "");
  }

  /** With {@code postgresDir} empty: a throw-away database (created, migrated and seeded at this start). */
  static long startToHealthyMillis(Path engineDir, String postgresDir) {
    long start = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PerfFlowApplication.class)
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=" + postgresDir, "--perfflow.embedded.engine.data-dir=" + engineDir,
            "--perfflow.demo.company-systems=false")) {
      // run() returns once readiness is ACCEPTING_TRAFFIC: /actuator/health is UP from here on
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  static final int REPEATS = Integer.getInteger("perfflow.benchmark.repeats", 5);

  /** One row: {@link #REPEATS} runs of {@link #MEASURED} instances; their median, min and max, and the load average meanwhile. */
  record Row(double median, double min, double max, String load) {
    static Row measure(CamundaClient client) {
      String before = loadAverage();
      double[] runs = new double[REPEATS];
      for (int i = 0; i < REPEATS; i++) {
        runs[i] = run(client, "trivial", MEASURED);
      }
      java.util.Arrays.sort(runs);
      double median = REPEATS % 2 == 1 ? runs[REPEATS / 2] : (runs[REPEATS / 2 - 1] + runs[REPEATS / 2]) / 2;
      return new Row(median, runs[0], runs[REPEATS - 1], before + " → " + loadAverage());
    }

    String line(String what, double idle) {
      return String.format(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %.2f× | %s |%n", what, median, min, max, median / idle, load);
    }
  }

  /** The 1-minute load average of the machine (Linux), or "?" elsewhere. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  @Test
  void throughputWithWaitingTasksAndStartWithAYearOfHistory() throws IOException {
    StringBuilder report = new StringBuilder("# Embedded engine (" + java.time.LocalDate.now() + ")\n\n");
    report.append("JVM: ").append(Runtime.version()).append(", cores: ").append(Runtime.getRuntime().availableProcessors())
        .append(". Durable engine (data folder, fsync on), ").append(MEASURED).append(" trivial instances (one service task) per run, ")
        .append(IN_FLIGHT).append(" in flight, ").append(REPEATS).append(" runs per row after a warm-up of ").append(4 * MEASURED)
        .append(" instances.\n\n");
    report.append("Each row is the median of its runs (min–max beside it, and the machine's 1-minute load average before → "
        + "after). The idle row is measured before the waiting instances are started and again after they are cancelled; "
        + "the ratios are against the mean of the two idle medians (the machine's load drifts during a run).\n\n");
    report.append("| waiting user tasks | instances/s (median) | min–max | vs 0 waiting | load average |\n|---|---|---|---|---|\n");
    try (Engine e = start(data.resolve("throughput"))) {
      deploy(e.client(), 1);
      run(e.client(), "trivial", 4 * MEASURED); // warm-up: JIT, RocksDB caches
      Row before = Row.measure(e.client());
      List<Long> waiting = new ArrayList<>(addWaiting(e, 1_000));
      Row with1000 = Row.measure(e.client());
      waiting.addAll(addWaiting(e, 1_000));
      Row with2000 = Row.measure(e.client());
      cancel(e, waiting);
      Row after = Row.measure(e.client());
      double idle = (before.median() + after.median()) / 2;
      report.append(before.line("0 (before)", idle));
      report.append(with1000.line("1,000", idle));
      report.append(with2000.line("2,000", idle));
      report.append(after.line("0 (after cancelling them)", idle));
    }

    Path year = data.resolve("year");
    String[] written = writeAYearOfCycles(year);
    long records = Long.parseLong(written[0]);
    String log = written[1];
    long engineEmpty = engineStartMillis(data.resolve("engine-empty"));
    long engineYear = engineStartMillis(year);
    startToHealthyMillis(data.resolve("warm-up")); // class loading, JIT: the first start in a JVM is slower
    String startLoad = loadAverage();
    long empty = startToHealthyMillis(data.resolve("empty"));
    long withYear = startToHealthyMillis(year);
    long emptyAgain = startToHealthyMillis(data.resolve("empty-again"));
    double emptyMean = (empty + emptyAgain) / 2.0;
    // The everyday case: PerfFlow restarted on its data folder (database and engine kept), here
    // the engine with the year of cycles; the first start on the folder creates the database.
    String keptDatabase = data.resolve("postgres").toString();
    long firstOnFolder = startToHealthyMillis(year, keptDatabase);
    long restart = startToHealthyMillis(year, keptDatabase);
    long restartAgain = startToHealthyMillis(year, keptDatabase);
    report.append(String.format(Locale.ROOT, "%nA year of monthly cycles for 50 people: %,d records written (600 instances of 16 jobs, "
        + "a snapshot a month, the last month's 50 waiting at a task); its log is now %s.%n%n", records, log));
    report.append(String.format(Locale.ROOT, "| engine folder | engine start (s) | application start to healthy (s) | vs empty |%n|---|---|---|---|%n"
        + "| empty | %.1f | %.1f and %.1f | 1.00× |%n| a year of cycles | %.1f | %.1f | %.2f× |%n",
        engineEmpty / 1000.0, empty / 1000.0, emptyAgain / 1000.0, engineYear / 1000.0, withYear / 1000.0, withYear / emptyMean));
    report.append(String.format(Locale.ROOT, "| a year of cycles, database kept: first start on the folder | %.1f | %.1f | %.2f× |%n"
        + "| a year of cycles, database kept: restart (twice) | | %.1f and %.1f | %.2f× |%n",
        engineYear / 1000.0, firstOnFolder / 1000.0, firstOnFolder / emptyMean, restart / 1000.0, restartAgain / 1000.0,
        (restart + restartAgain) / 2.0 / emptyMean));
    report.append(String.format(Locale.ROOT, "%nIn one JVM (after a warm-up start: no class loading); every row without a kept database "
        + "creates, migrates and seeds a throw-away one. Load average during the starts: %s → %s.%n", startLoad, loadAverage()));
    Path out = Path.of("target/benchmark/embedded-engine.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }
}
