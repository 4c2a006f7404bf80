package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Routes a job whose variables cannot be read into the job exception handling, like any other
 * worker failure. The starter (8.8.14) reads a worker's parameters ({@code @VariablesAsType},
 * {@code @Variable}) before the try block that hands exceptions to the
 * {@link JobExceptionHandlingStrategy}; a value of the wrong type (an object where a number is
 * expected, sent by Tasklist or the REST API) then failed the job in the client with a stack
 * trace, and when the retries ran out nobody heard of it: the review stood in its step with no
 * task and no job instead of being BLOCKED with a readable message. The starter's
 * {@link JobWorkerManager} is not replaceable by a bean of our own (no
 * {@code @ConditionalOnMissingBean}), so it is swapped for {@link Routing} here.
 */
@Component
public class VariablesFailureRouting implements BeanPostProcessor {
  private final BeanFactory beans;

  public VariablesFailureRouting(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean.getClass() != JobWorkerManager.class) {
      return bean;
    }
    return new Routing(
        beans.getBean(CommandExceptionHandlingStrategy.class),
        beans.getBean(MetricsRecorder.class),
        beans.getBean(ParameterResolverStrategy.class),
        beans.getBean(ResultProcessorStrategy.class),
        beans.getBean(BackoffSupplier.class),
        beans.getBean(JobExceptionHandlingStrategy.class));
  }

  /** The starter's manager, whose handlers hand every exception to the exception strategy. */
  static class Routing extends JobWorkerManager {
    private final JobExceptionHandlingStrategy strategy;

    Routing(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, ParameterResolverStrategy parameters,
        ResultProcessorStrategy results, BackoffSupplier backoff, JobExceptionHandlingStrategy strategy) {
      super(commands, metrics, parameters, results, backoff, strategy);
      this.strategy = strategy;
    }

    @Override
    public JobWorker openWorker(CamundaClient client, JobWorkerValue worker, JobHandler handler) {
      return super.openWorker(client, worker, routed(handler, worker, strategy));
    }
  }

  /** {@code handler}, with what escapes it (only parameter resolution can) given to {@code strategy}. */
  static JobHandler routed(JobHandler handler, JobWorkerValue worker, JobExceptionHandlingStrategy strategy) {
    return (jobClient, job) -> {
      try {
        handler.handle(jobClient, job);
      } catch (RuntimeException e) {
        strategy.handleException(new VariablesUnreadableException(job.getType(), e), new ExceptionHandlingContext(jobClient, job, worker));
      }
    };
  }

  /** A job's variables could not be read as the worker's parameters: says which job and why, without a stack trace. */
  public static class VariablesUnreadableException extends RuntimeException {
    VariablesUnreadableException(String jobType, RuntimeException cause) {
      super("The variables of job " + jobType + " could not be read: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      // Jackson's messages end with a location trace; the first line says what was wrong.
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }
}
