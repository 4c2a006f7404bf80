package io.perfflow.workers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.tasks.TaskInbox;
import java.time.Instant;
import java.time.ZonedDateTime;
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

  private final TaskInbox inbox;
  private final ObjectMapper json;

  public TaskListenerWorkers(TaskInbox inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
  }

  @JobWorker(type = "perfflow.task.creating", fetchVariables = {"reviewId", "caseId"})
  public void creating(ActivatedJob job) {
    Map<String, String> h = job.getCustomHeaders();
    Object reviewId = job.getVariablesAsMap().get("reviewId");
    Object caseId = job.getVariablesAsMap().get("caseId");
    inbox.created(
        new TaskInbox.NewTask(
            key(job),
            job.getProcessInstanceKey(),
            job.getBpmnProcessId(),
            job.getElementId(),
            reviewId instanceof Number n ? n.longValue() : null,
            blankToNull(h.get(ASSIGNEE)),
            groups(h.get(CANDIDATE_GROUPS)),
            due(h.get(DUE_DATE)),
            caseId instanceof Number n ? n.longValue() : null));
  }

  @JobWorker(type = "perfflow.task.assigning", fetchVariables = {"reviewId"})
  public void assigning(ActivatedJob job) {
    inbox.assigned(key(job), blankToNull(job.getCustomHeaders().get(ASSIGNEE)));
  }

  @JobWorker(type = "perfflow.task.completing", fetchAllVariables = true)
  public void completing(ActivatedJob job) {
    inbox.completed(key(job), blankToNull(job.getCustomHeaders().get(ASSIGNEE)), job.getVariablesAsMap());
  }

  @JobWorker(type = "perfflow.task.canceling", fetchVariables = {"reviewId"})
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

  private static Instant due(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    // The engine writes zoned date-times such as 2026-11-24T23:48:49.011Z[Etc/UTC].
    return ZonedDateTime.parse(header).toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
