package io.perfflow.engine;

import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The starter's job exception handling (fail the job, throw the BPMN error), plus: when a job
 * fails for good (a {@link JobError} with no retries left, or any other error on its last retry)
 * every {@link JobFailureHandler} hears of it. Replaces the starter's default bean.
 */
@Component
public class SubjectAwareJobExceptionHandling implements JobExceptionHandlingStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(SubjectAwareJobExceptionHandling.class);

  private final DefaultJobExceptionHandlingStrategy delegate;
  private final List<JobFailureHandler> handlers;

  public SubjectAwareJobExceptionHandling(
      CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, List<JobFailureHandler> handlers) {
    this.delegate = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    this.handlers = handlers;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
    boolean forGood = exception instanceof JobError jobError
        ? (jobError.getRetries() == null ? context.job().getRetries() - 1 : jobError.getRetries()) <= 0
        : !(exception instanceof io.camunda.client.exception.BpmnError) && context.job().getRetries() <= 1;
    if (forGood) {
      String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
      for (JobFailureHandler handler : handlers) {
        try {
          handler.failedForGood(context.job(), message);
        } catch (RuntimeException e) {
          LOG.warn("Job failure handler {} failed for job {}", handler.getClass().getSimpleName(), context.job().getKey(), e);
        }
      }
    }
    delegate.handleException(exception, context);
  }
}
