package io.perfflow.workers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.engine.EngineTime;
import io.perfflow.tasks.TaskRecorder;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Task listeners on every user task keep PerfFlow's inbox and audit trail current, in both
 * runtimes and whichever UI completes the task (PerfFlow or Camunda Tasklist). The engine sends
 * the task's data as custom headers; listener jobs must complete without variables.
 */
@Component
public class TaskListenerWorkers {
  static final String KEY = "io.camunda.zeebe:userTaskKey";
  static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String DUE_DATE = "io.camunda.zeebe:dueDate";

  private final TaskRecorder inbox;
  private final ObjectMapper json;

  public TaskListenerWorkers(TaskRecorder inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
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

  @JobWorker(type = "perfflow.task.assigning", fetchVariables = {})
  public void assigning(ActivatedJob job) {
    inbox.assigned(key(job), blankToNull(job.getCustomHeaders().get(ASSIGNEE)));
  }

  @JobWorker(type = "perfflow.task.completing", fetchAllVariables = true)
  public void completing(ActivatedJob job) {
    inbox.completed(key(job), blankToNull(job.getCustomHeaders().get(ASSIGNEE)), job.getVariablesAsMap());
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
