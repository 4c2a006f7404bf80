package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.PerfFlowApplication;
import io.perfflow.support.ReviewScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/operations.md's backup: a copy of ./data (PostgreSQL and engine together) taken while
 * PerfFlow is stopped restores everything as it was at the copy, in-flight work included.
 */
@io.perfflow.support.ApplicationTest
class BackupRestoreTest {
  @TempDir Path root;

  ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(PerfFlowApplication.class)
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=" + data.resolve("postgres"),
            "--perfflow.embedded.engine.data-dir=" + data.resolve("engine"), "--perfflow.demo.company-systems=false");
  }

  @Test
  void aCopyTakenWhileStoppedRestoresTheReviewsAndTheirOpenTasks() throws Exception {
    Path live = root.resolve("live");
    Path backup = root.resolve("backup");
    String emp;
    long review;
    long task;
    try (ConfigurableApplicationContext app = start(live)) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(app);
      emp = s.hire("operations", "olivia");
      s.importMetrics(emp, "2026-04", s.valuesScoring("operations", "normal", 85));
      long cycle = s.startCycle("2026-04", emp);
      review = s.reviewOf(cycle, emp);
      task = s.task(review, "self-assessment", null).path("key").asLong();
    }
    copy(live, backup);

    // Work goes on after the copy...
    try (ConfigurableApplicationContext app = start(live)) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(app);
      s.selfAssess(emp, review);
      s.awaitStatus(review, "MANAGER_REVIEW");
    }

    // ...and the restored copy is the state at the copy: the same open task, and it goes on.
    try (ConfigurableApplicationContext app = start(backup)) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(app);
      assertThat(s.review(review).path("status").asText()).isEqualTo("SELF_ASSESSMENT");
      assertThat(s.task(review, "self-assessment", null).path("key").asLong()).isEqualTo(task);
      s.selfAssess(emp, review);
      s.awaitStatus(review, "MANAGER_REVIEW");
      assertThat(s.task(review, "manager-review", null).path("key").asLong()).isPositive();
    }
  }

  /** What docs/operations.md says to copy: the whole data folder (without the engine's runtime copy), permissions kept. */
  static void copy(Path from, Path to) throws IOException {
    Path skip = from.resolve("engine").resolve("runtime");
    try (var walk = Files.walk(from)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        if (p.startsWith(skip)) {
          continue;
        }
        Path target = to.resolve(from.relativize(p).toString());
        // With the attributes: PostgreSQL refuses a data folder others may read (like cp -a, tar).
        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
