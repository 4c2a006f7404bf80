package io.perfflow.engine;

import io.camunda.client.api.response.ActivatedJob;

/**
 * Told when a job has failed for good (the engine raises an incident), so the process that owns
 * the job's subject can show it: a review becomes BLOCKED with the incident's message instead of
 * standing in a human step with no task. Implemented by the process packages.
 */
public interface JobFailureHandler {
  void failedForGood(ActivatedJob job, String message);
}
