package io.perfflow.runtime.embedded;

import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link EmbeddedEngineBenchmarkTest}'s helpers (issue 9) for benchmarks in other packages that
 * run on an application's engine (the company-scale benchmark measures the review workers against
 * the same engine's ceiling with waiting tasks and the start to healthy): the same code, not a copy.
 */
public final class EngineBenchmarks {
  private EngineBenchmarks() {}

  /** Deploys the benchmark's own models, among them {@code wait} (one user task) that {@link #addWaiting} starts. */
  public static void deployWaitingModel(CamundaClient client) {
    EmbeddedEngineBenchmarkTest.deploy(client, 1);
  }

  /** Starts {@code n} instances that wait at a user task and waits until the engine has processed them; their keys. */
  public static List<Long> addWaiting(EmbeddedZeebeEngine engine, CamundaClient client, int n) {
    return EmbeddedEngineBenchmarkTest.addWaiting(new EmbeddedEngineBenchmarkTest.Engine(engine, client, List.of()), n);
  }

  /** Cancels the instances and waits until the engine has processed that. */
  public static void cancel(EmbeddedZeebeEngine engine, CamundaClient client, List<Long> instances) {
    EmbeddedEngineBenchmarkTest.cancel(new EmbeddedEngineBenchmarkTest.Engine(engine, client, List.of()), instances);
  }

  /** Whether the engine has processed everything in its log. */
  public static boolean caughtUp(EmbeddedZeebeEngine engine) {
    return engine.processingCaughtUp();
  }

  /**
   * Writes issue 9's year of history into the engine folder {@code engineDir}: monthly cycles of
   * a 50-person company (600 reviews of 16 jobs, a snapshot a month, the last month's 50 waiting
   * at a task). Returns the number of records written.
   */
  public static long writeAYearOfCycles(Path engineDir) throws java.io.IOException {
    return Long.parseLong(EmbeddedEngineBenchmarkTest.writeAYearOfCycles(engineDir)[0]);
  }

  /** Start to healthy of the whole application in this JVM, with {@code engineDir} as its engine folder (issue 9's measurement). */
  public static long startToHealthyMillis(Path engineDir) {
    return EmbeddedEngineBenchmarkTest.startToHealthyMillis(engineDir);
  }
}
