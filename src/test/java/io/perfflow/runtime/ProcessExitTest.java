package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
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

  @Test
  void stopsCleanlyWhenTerminated() throws Exception {
    Process app = launch();
    StringBuilder log = new StringBuilder();
    seen(app, "PerfFlow is ready", log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!log.toString().contains("PerfFlow is ready") && app.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200); // waiting for a child process's output, not for a timer
    }
    assertThat(log.toString()).as("started:\n%s", log).contains("PerfFlow is ready");
    app.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
    assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM:\n%s", log).isTrue();
  }

  @Test
  void exitsWithAnErrorWhenItCannotStart() throws Exception {
    Process app = launch("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--spring.datasource.hikari.initialization-fail-timeout=1");
    StringBuilder log = new StringBuilder();
    seen(app, "APPLICATION FAILED", log);
    assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("exited:\n%s", log).isTrue();
    assertThat(app.exitValue()).isNotZero();
  }
}
