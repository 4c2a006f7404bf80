package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.ReviewScenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * PerfFlow killed with {@code kill -9} (the JVM and its PostgreSQL, no shutdown hook runs) in the
 * middle of a cycle and started again on the same data loses no step and repeats none: the open
 * tasks are the same (same keys), a finished self-assessment is not asked again, the pending
 * reminder fires once when the clock reaches it, the cycle completes, and an open supplier-delay
 * case is still open with its task.
 */
@io.perfflow.support.ApplicationTest
class EngineCrashTest {
  @TempDir Path data;
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws Exception {
    for (Process p : started) {
      killHard(p);
    }
    killPostgres();
  }

  Process launch(int port, StringBuilder log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.perfflow.PerfFlowApplication");
    command.add("--server.port=" + port);
    command.add("--perfflow.embedded.postgres.data-dir=" + data.resolve("pg"));
    command.add("--perfflow.embedded.engine.data-dir=" + data.resolve("engine"));
    command.add("--perfflow.demo.company-systems=false"); // only this test's late order, not 27 more
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    started.add(p);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (log) { log.append(line).append('\n'); }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  static void awaitReady(Process p, StringBuilder log) throws InterruptedException {
    // A start took over 3 minutes on 2 cores at a load average of 27 (the engine alone 72 s).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline && p.isAlive()) {
      synchronized (log) {
        if (log.indexOf("PerfFlow is ready") >= 0) {
          return;
        }
      }
      Thread.sleep(200); // waiting for a child process's output, not for a timer
    }
    throw new AssertionError("PerfFlow did not start:\n" + log);
  }

  /** SIGKILL to the JVM and, through postmaster.pid, to its PostgreSQL and that server's backends. */
  void killHard(Process p) throws InterruptedException {
    if (p.isAlive()) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  void killPostgres() throws Exception {
    Path pidFile = data.resolve("pg").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    var postmaster = ProcessHandle.of(pid);
    if (postmaster.isPresent()) {
      List<ProcessHandle> backends = postmaster.get().descendants().toList();
      postmaster.get().destroyForcibly();
      backends.forEach(ProcessHandle::destroyForcibly);
      postmaster.get().onExit().get(30, TimeUnit.SECONDS);
      for (ProcessHandle b : backends) {
        b.onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }

  int postgresPort() throws IOException {
    return Integer.parseInt(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(3).trim());
  }

  void sql(String statement, String... params) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres", "postgres", "");
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  static ReviewScenarios scenarios(int port) {
    return new ReviewScenarios(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
  }

  @Test
  // Two starts of a child JVM and a whole cycle: beyond the suite's 5-minute default on a loaded machine.
  @org.junit.jupiter.api.Timeout(value = 25, unit = TimeUnit.MINUTES)
  void killMinus9InTheMiddleOfACycleLosesNoStepAndRepeatsNone() throws Exception {
    int port = freePort();
    StringBuilder firstLog = new StringBuilder();
    Process first = launch(port, firstLog);
    awaitReady(first, firstLog);
    final ReviewScenarios s = scenarios(port);
    String done = s.hire("operations", "olivia");
    String waiting = s.hire("operations", "olivia");
    String third = s.hire("operations", "olivia");
    for (String e : List.of(done, waiting, third)) {
      s.importMetrics(e, "2026-03", s.valuesScoring("operations", "normal", 85));
    }
    long cycle = s.startCycle("2026-03", done, waiting, third);
    long doneReview = s.reviewOf(cycle, done);
    long waitingReview = s.reviewOf(cycle, waiting);
    long thirdReview = s.reviewOf(cycle, third);
    s.selfAssess(done, doneReview);
    long managerTask = s.task(doneReview, "manager-review", null).path("key").asLong();
    long waitingTask = s.task(waitingReview, "self-assessment", null).path("key").asLong();
    sql("INSERT INTO source.supplier (id, name) VALUES ('SUP-CRASH', 'Crash Ltd') ON CONFLICT DO NOTHING");
    sql("""
        INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost, ordered_on, promised_on, status)
        VALUES ('T-CRASH-1', 'SUP-CRASH', 'priya', 'cables', 10, 100, 100, current_date - 20, current_date - 5, 'ORDERED')""");
    s.hr().post("/api/supplier-delays/scan", Map.of()).expect(200);
    JsonNode openCase = await().atMost(ReviewScenarios.PATIENCE).until(() -> supplierCase(s, "T-CRASH-1"),
        c -> c != null && c.path("openTasks").size() == 1);
    long caseId = openCase.path("id").asLong();
    long caseTask = openCase.path("openTasks").get(0).asLong();
    // Work in flight at the kill: the third self-assessment is submitted and its jobs (listener,
    // recording) run while the process dies.
    long thirdTask = s.task(thirdReview, "self-assessment", null).path("key").asLong();
    s.as(third).post("/api/tasks/" + thirdTask + "/complete", Map.of("variables", Map.of("selfRating", 3, "selfComment", "ok")));

    killHard(first);
    killPostgres();

    StringBuilder secondLog = new StringBuilder();
    Process second = launch(port, secondLog);
    awaitReady(second, secondLog);
    assertThat(secondLog.toString()).as(secondLog.toString()).contains("RESTORED").doesNotContain("INTERRUPTED");
    ReviewScenarios t = scenarios(port);
    assertThat(t.task(waitingReview, "self-assessment", null).path("key").asLong()).as("same task, same key").isEqualTo(waitingTask);
    assertThat(t.task(doneReview, "manager-review", null).path("key").asLong()).isEqualTo(managerTask);
    assertThat(t.openTasks(doneReview, "self-assessment", null)).as("finished self-assessment not asked again").isEmpty();
    JsonNode keptCase = t.hr().get("/api/supplier-delays/" + caseId).expect(200).body();
    assertThat(keptCase.path("status").asText()).isEqualTo("OPEN");
    assertThat(keptCase.path("openTasks")).extracting(JsonNode::asLong).containsExactly(caseTask);

    // Jobs the killed worker held come back when their timeout (5 minutes of engine time) has
    // passed; then every task is in the inbox again.
    t.advanceClock("PT6M");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> t.openTasks(thirdReview, "self-assessment", null).size()
        + t.openTasks(thirdReview, "manager-review", null).size(), n -> n == 1);
    // The pending reminder fires once when the clock reaches it.
    t.advanceClock("P3D");
    t.awaitMail(waiting + "@perfflow.example", "Reminder");
    // The third self-assessment was either taken before the kill or is still open: never both.
    if (!t.openTasks(thirdReview, "self-assessment", null).isEmpty()) {
      t.selfAssess(third, thirdReview);
    }
    t.selfAssess(waiting, waitingReview);
    for (long review : List.of(doneReview, waitingReview, thirdReview)) {
      t.managerReview("olivia", review, 0, null);
      t.approve("olivia", review, "ops-managers");
    }
    for (long review : List.of(doneReview, waitingReview, thirdReview)) {
      t.awaitStatus(review, "COMPLETED");
    }
    Api hr = t.hr();
    try {
      await().atMost(ReviewScenarios.PATIENCE).until(() -> hr.get("/api/cycles/" + cycle).body().path("status").asText(), "CLOSED"::equals);
    } catch (Throwable e) {
      // Leave evidence: the engine's records (read back from its data after the kill).
      killHard(second);
      killPostgres();
      Files.writeString(Path.of("target", "engine-crash-test-records.log"), engineRecords());
      throw e;
    } finally {
      Files.writeString(Path.of("target", "engine-crash-test-second.log"), secondLog.toString());
      Files.writeString(Path.of("target", "engine-crash-test-first.log"), firstLog.toString());
    }
    assertThat(t.mailTo(waiting + "@perfflow.example").stream().filter(m -> m.path("subject").asText().contains("Reminder")))
        .as("the reminder fired exactly once").hasSize(1);
    for (long review : List.of(doneReview, waitingReview, thirdReview)) {
      List<String> history = t.historyActions(review);
      assertThat(history).doesNotContain("REVIEW_INTERRUPTED");
      // self-assessment, manager review, approval: each asked once, none repeated
      assertThat(history.stream().filter("TASK_CREATED"::equals)).as("history of %s: %s", review, history).hasSize(3);
      assertThat(history.stream().filter("TASK_COMPLETED"::equals)).as("history of %s: %s", review, history).hasSize(3);
    }
    second.destroy();
    assertThat(second.waitFor(180, TimeUnit.SECONDS)).as("stopped:\n%s", secondLog).isTrue();
  }

  /** The engine log of the killed PerfFlow, one line per record (for a failure's report). */
  String engineRecords() throws IOException {
    var engine = io.perfflow.runtime.embedded.EmbeddedZeebeEngine.start(freePort(), data.resolve("engine").toString(), java.time.Duration.ZERO);
    try {
      StringBuilder dump = new StringBuilder();
      for (var r : engine.records()) {
        String value = r.getValue().toString();
        dump.append(r.getPosition()).append(' ').append(r.getRecordType()).append(' ').append(r.getValueType()).append(' ')
            .append(r.getIntent()).append(' ').append(r.getKey()).append(' ').append(value, 0, Math.min(300, value.length())).append('\n');
      }
      return dump.toString();
    } finally {
      engine.stop();
    }
  }

  static JsonNode supplierCase(ReviewScenarios s, String orderId) {
    for (JsonNode c : s.hr().get("/api/supplier-delays").expect(200).body()) {
      if (orderId.equals(c.path("orderId").asText())) {
        return s.hr().get("/api/supplier-delays/" + c.path("id").asLong()).expect(200).body();
      }
    }
    return null;
  }

  /** Below the ephemeral range, where the child's PostgreSQL and engine pick theirs (FreePorts). */
  static int freePort() {
    return io.perfflow.support.FreePorts.belowTheEphemeralRange();
  }
}
