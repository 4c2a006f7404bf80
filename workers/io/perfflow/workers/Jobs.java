package io.perfflow.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;

/** Small helpers shared by the workers. */
public final class Jobs {
  private Jobs() {}

  /**
   * A failure that retrying cannot fix (bad data, a missing metric, a model that asks for
   * something unknown): no retries left, so the engine raises an incident with this message at
   * once instead of looping.
   */
  public static JobError incident(String message) {
    return CamundaError.jobError(message, null, 0);
  }

  /** A key that is the same for every retry of this job, for idempotent side effects. */
  public static String dedupeKey(ActivatedJob job) {
    return "job:" + job.getKey();
  }
}
