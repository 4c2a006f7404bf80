package io.perfflow.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.NotFoundException;
import io.perfflow.mail.MailContexts;
import io.perfflow.mail.Mailer;
import io.perfflow.mail.Recipients;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code perfflow.mail.send}: one worker for every mail in every process. The model says which
 * template (header {@code template}) and to whom (header {@code to}).
 */
@Component
public class MailWorker {
  private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);

  private final Mailer mailer;
  private final Recipients recipients;
  private final MailContexts contexts;

  public MailWorker(Mailer mailer, Recipients recipients, MailContexts contexts) {
    this.mailer = mailer;
    this.recipients = recipients;
    this.contexts = contexts;
  }

  @JobWorker(type = "perfflow.mail.send", fetchAllVariables = true)
  public void send(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String template = headers.get("template");
    if (template == null) {
      throw Jobs.incident("Mail task '" + job.getElementId() + "' has no 'template' header");
    }
    Map<String, Object> variables = job.getVariablesAsMap();
    try {
      List<String> to =
          recipients.resolve(headers.get("to"), (String) variables.get("employeeId"), (String) variables.get("managerId"), variables);
      if (to.isEmpty()) {
        // Only the employee the process is about was in the addressed group: nobody to tell.
        LOG.info("Mail task '{}' of job {}: no recipient other than the employee it is about; not sent", job.getElementId(), job.getKey());
        return;
      }
      mailer.send(template, to, contexts.build(variables), Jobs.dedupeKey(job));
    } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
      // A template, recipient or variable the model got wrong: retrying cannot fix it.
      // (SMTP failures are Spring MailExceptions: they go back to the engine and are retried.)
      throw Jobs.incident("Mail task '" + job.getElementId() + "': " + e.getMessage());
    }
  }
}
