package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PerfFlow as a process: it stops when asked (Ctrl-C / SIGTERM) and exits when it cannot start,
 * instead of hanging on a library thread.
 */
@io.perfflow.support.ApplicationTest
class ProcessExitTest {
  @TempDir Path data;

  Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.perfflow.PerfFlowApplication");
    command.add("--server.port=0");
    command.add("--perfflow.embedded.postgres.data-dir=" + data.resolve("pg"));
    command.add("--perfflow.demo.company-systems=false"); // what is tested is the process, not the data
    command.add("--perfflow.embedded.engine.data-dir=" + data.resolve("engine"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  static CompletableFuture<Boolean> seen(Process p, String text, StringBuilder log) {
    return CompletableFuture.supplyAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
        String line;
        boolean found = false;
        while ((line = r.readLine()) != null) {
          synchronized (log) { log.append(line).append('\n'); }
          if (line.contains(text)) found = true;
        }
        return found;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** The PostgreSQL server processes of this test's data directory (started by the child, not its descendants: pg_ctl detaches them). */
  List<ProcessHandle> postgresOfThisTest() {
    String dataDir = data.resolve("pg").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir)).orElse(false))
        .toList();
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 15, unit = TimeUnit.MINUTES)
  void stopsCleanlyWhenTerminated() throws Exception {
    Process app = launch();
    List<ProcessHandle> postgres = List.of();
    try {
      StringBuilder log = new StringBuilder();
      seen(app, "PerfFlow is ready", log);
      // Waiting for a child process's output, not for a timer (a start took minutes at a load average of 30).
      await().atMost(Duration.ofSeconds(600)).until(() -> logContains(log, "PerfFlow is ready") || !app.isAlive());
      assertThat(log(log)).as("started:\n%s", log(log)).contains("PerfFlow is ready");
      postgres = postgresOfThisTest();
      assertThat(postgres).as("the embedded PostgreSQL of this run").isNotEmpty();

      app.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
      assertThat(app.waitFor(180, TimeUnit.SECONDS)).as("exited after SIGTERM:\n%s", log(log)).isTrue();
      // 143 = 128 + SIGTERM: the JVM ran its shutdown and ended on the signal (no System.exit
      // with another code, no crash).
      assertThat(app.exitValue()).as("exit code after SIGTERM:\n%s", log(log)).isEqualTo(143);
      List<ProcessHandle> started = postgres;
      await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
      assertThat(postgresOfThisTest()).as("PostgreSQL stopped with PerfFlow").isEmpty();
    } finally {
      stop(app, postgres);
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 15, unit = TimeUnit.MINUTES)
  void exitsWithAnErrorWhenItCannotStart() throws Exception {
    Process app = launch("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--spring.datasource.hikari.initialization-fail-timeout=1");
    try {
      StringBuilder log = new StringBuilder();
      seen(app, "APPLICATION FAILED", log);
      assertThat(app.waitFor(600, TimeUnit.SECONDS)).as("exited:\n%s", log(log)).isTrue();
      assertThat(app.exitValue()).isEqualTo(1);
    } finally {
      stop(app, postgresOfThisTest());
    }
  }

  /** Whatever happened, nothing this test started outlives it. */
  private static void stop(Process app, List<ProcessHandle> postgres) throws InterruptedException {
    if (app.isAlive()) {
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    postgres.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean logContains(StringBuilder log, String text) {
    return log(log).contains(text);
  }

  private static String log(StringBuilder log) {
    synchronized (log) {
      return log.toString();
    }
  }
}
