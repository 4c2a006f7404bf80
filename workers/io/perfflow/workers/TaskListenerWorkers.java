package io.perfflow.workers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.perfflow.engine.EngineTime;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.TaskRecorder;
import io.perfflow.tasks.UserTaskCommands;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task listeners on every user task keep PerfFlow's inbox and audit trail current, in both
 * runtimes and whichever UI completes the task (PerfFlow or Camunda Tasklist). The engine sends
 * the task's data as custom headers; listener jobs must complete without variables.
 *
 * <p>The {@code completing} and {@code assigning} listeners also guard the task: a completion or
 * assignment that PerfFlow's rules refuse (not the assignee or a candidate, a decision about
 * one's own review, invalid form values) is denied with the rule as the reason, which Tasklist
 * shows. Only where denials reach the engine ({@link UserTaskCommands#listenersCanDeny()}:
 * camunda mode); in embedded mode the API's own checks, with the same rules, are the only way in.
 */
@Component
public class TaskListenerWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(TaskListenerWorkers.class);

  static final String KEY = "io.camunda.zeebe:userTaskKey";
  static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String DUE_DATE = "io.camunda.zeebe:dueDate";

  private final TaskRecorder inbox;
  private final TaskInbox checks;
  private final ObjectMapper json;
  private final UserTaskCommands commands;

  public TaskListenerWorkers(TaskRecorder inbox, TaskInbox checks, ObjectMapper json, UserTaskCommands commands) {
    this.inbox = inbox;
    this.checks = checks;
    this.json = json;
    this.commands = commands;
  }

  /** All variables: which one names the task's subject depends on the process (its {@code SubjectKind}). */
  @JobWorker(type = "perfflow.task.creating", fetchAllVariables = true)
  public void creating(ActivatedJob job) {
    Map<String, String> h = job.getCustomHeaders();
    inbox.created(
        new TaskRecorder.NewTask(
            key(job),
            job.getProcessInstanceKey(),
            job.getBpmnProcessId(),
            job.getElementId(),
            blankToNull(h.get(ASSIGNEE)),
            groups(h.get(CANDIDATE_GROUPS)),
            EngineTime.parse(h.get(DUE_DATE)),
            job.getVariablesAsMap()));
  }

  @JobWorker(type = "perfflow.task.assigning", fetchVariables = {}, autoComplete = false)
  public void assigning(JobClient client, ActivatedJob job) {
    String assignee = blankToNull(job.getCustomHeaders().get(ASSIGNEE));
    if (denied(client, job, checks.assignmentRefusal(key(job), assignee))) {
      return;
    }
    inbox.assigned(key(job), assignee);
    client.newCompleteCommand(job).send().join();
  }

  @JobWorker(type = "perfflow.task.completing", fetchAllVariables = true, autoComplete = false)
  public void completing(JobClient client, ActivatedJob job) {
    String assignee = blankToNull(job.getCustomHeaders().get(ASSIGNEE));
    if (denied(client, job, checks.completionRefusal(key(job), assignee, job.getVariablesAsMap()))) {
      return;
    }
    inbox.completed(key(job), assignee, job.getVariablesAsMap());
    client.newCompleteCommand(job).send().join();
  }

  /** Denies the transition when a rule refuses it and the runtime lets a denial through. */
  private boolean denied(JobClient client, ActivatedJob job, Optional<String> refusal) {
    if (refusal.isEmpty()) {
      return false;
    }
    if (!commands.listenersCanDeny()) {
      // Embedded mode: only PerfFlow's API acts on tasks and it checked the same rule already.
      LOG.warn("Task {}: {} (not denied: this runtime drops listener denials)", key(job), refusal.get());
      return false;
    }
    client.newCompleteCommand(job).withResult(r -> r.forUserTask().deny(true, refusal.get())).send().join();
    return true;
  }

  @JobWorker(type = "perfflow.task.canceling", fetchVariables = {})
  public void canceling(ActivatedJob job) {
    inbox.canceled(key(job));
  }

  private static long key(ActivatedJob job) {
    String key = job.getCustomHeaders().get(KEY);
    if (key == null) {
      throw Jobs.incident("Task listener job of '" + job.getElementId() + "' has no user task key header");
    }
    return Long.parseLong(key);
  }

  private List<String> groups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(header, new TypeReference<List<String>>() {});
    } catch (Exception e) {
      return List.of(header.split(","));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
