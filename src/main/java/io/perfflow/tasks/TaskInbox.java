package io.perfflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditLog;
import io.perfflow.org.Organisation;
import io.perfflow.review.ReviewStatus;
import io.perfflow.review.ReviewWorkflow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: PerfFlow's table of user tasks, kept current by the task listeners (in both
 * runtimes), and the checks in front of completing or assigning a task.
 */
@Service
public class TaskInbox {
  private static final Logger LOG = LoggerFactory.getLogger(TaskInbox.class);

  /** The review status that a human step stands for while its task is open. */
  private static final Map<String, ReviewStatus> REVIEW_STATUS_OF_TASK =
      Map.of(
          "self-assessment", ReviewStatus.SELF_ASSESSMENT,
          "manager-review", ReviewStatus.MANAGER_REVIEW,
          "approve-review", ReviewStatus.APPROVAL,
          "hr-decision", ReviewStatus.HR_DECISION);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Organisation organisation;
  private final Forms forms;
  private final ProcessModels models;
  private final UserTaskCommands commands;
  private final ReviewWorkflow reviews;
  private final ObjectMapper json;
  private final Duration completionWait;

  public TaskInbox(
      JdbcClient jdbc, AuditLog audit, Organisation organisation, Forms forms, ProcessModels models,
      UserTaskCommands commands, ReviewWorkflow reviews, ObjectMapper json) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.organisation = organisation;
    this.forms = forms;
    this.models = models;
    this.commands = commands;
    this.reviews = reviews;
    this.json = json;
    this.completionWait = Duration.ofSeconds(10);
  }

  /** {@code caseId}: the supplier-delay case of the task (null for review tasks). */
  public record NewTask(
      long key, long processInstanceKey, String bpmnProcessId, String elementId, Long reviewId,
      String assignee, List<String> candidateGroups, Instant due, Long caseId) {
    public NewTask(
        long key, long processInstanceKey, String bpmnProcessId, String elementId, Long reviewId,
        String assignee, List<String> candidateGroups, Instant due) {
      this(key, processInstanceKey, bpmnProcessId, elementId, reviewId, assignee, candidateGroups, due, null);
    }
  }

  // --- kept by the task listeners ------------------------------------------------------------

  @Transactional
  public void created(NewTask t) {
    var info = models.userTask(t.bpmnProcessId(), t.elementId());
    String name = info.map(ProcessModels.UserTaskInfo::name).orElse(t.elementId());
    String formId = info.map(ProcessModels.UserTaskInfo::formId).orElse(null);
    int inserted =
        jdbc.sql(
                """
                INSERT INTO user_task (key, process_instance_key, element_id, name, form_id, review_id, assignee,
                  candidate_groups, due_at, status, case_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?) ON CONFLICT (key) DO NOTHING""")
            .params(t.key(), t.processInstanceKey(), t.elementId(), name, formId, t.reviewId(), t.assignee(),
                t.candidateGroups().toArray(String[]::new), t.due() == null ? null : Timestamp.from(t.due()), t.caseId())
            .update();
    if (inserted == 0) {
      return;
    }
    ReviewStatus status = REVIEW_STATUS_OF_TASK.get(t.elementId());
    if (t.reviewId() != null && status != null) {
      reviews.setStatus(t.reviewId(), status, null);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", t.key());
    details.put("task", name);
    details.put("assignee", t.assignee() == null ? "" : t.assignee());
    details.put("candidateGroups", t.candidateGroups());
    details.put("due", t.due() == null ? "" : t.due().toString());
    if (t.caseId() != null) {
      details.put("caseId", t.caseId());
    }
    audit.append(ReviewWorkflow.SYSTEM, "TASK_CREATED", t.reviewId(), null, details, "task-created:" + t.key());
  }

  @Transactional
  public void assigned(long key, String assignee) {
    Optional<UserTask> task = find(key);
    if (task.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE user_task SET assignee = ? WHERE key = ?").params(assignee, key).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.get().name());
    details.put("assignee", assignee == null ? "" : assignee);
    withCase(details, key);
    audit.append(assignee == null ? ReviewWorkflow.SYSTEM : assignee, "TASK_ASSIGNED", task.get().reviewId(), null,
        details, "task-assigned:" + key + ":" + assignee);
  }

  /**
   * The engine is completing the task. Completed through PerfFlow, the row already holds who
   * submitted what; completed in Tasklist, the assignee is the actor and the form's fields are
   * read from the listener job's variables.
   */
  @Transactional
  public void completed(long key, String assignee, Map<String, Object> jobVariables) {
    Optional<UserTask> found = find(key);
    if (found.isEmpty()) {
      return;
    }
    UserTask task = found.get();
    String submitted =
        jdbc.sql("SELECT submitted FROM user_task WHERE key = ?").param(key).query(String.class).optional().orElse(null);
    String actor = task.completedBy() != null ? task.completedBy() : assignee != null ? assignee : "tasklist";
    if (submitted == null && task.formId() != null) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Forms.Field f : forms.fields(task.formId())) {
        if (jobVariables.containsKey(f.key())) values.put(f.key(), jobVariables.get(f.key()));
      }
      submitted = toJson(values);
    }
    jdbc.sql(
            """
            UPDATE user_task SET status = 'COMPLETED', completed_at = coalesce(completed_at, now()), completed_by = ?,
              submitted = ? WHERE key = ? AND status <> 'COMPLETED'""")
        .params(actor, submitted, key)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.name());
    details.put("submitted", submitted == null ? "{}" : submitted);
    withCase(details, key);
    audit.append(actor, "TASK_COMPLETED", task.reviewId(), null, details, "task-completed:" + key);
  }

  @Transactional
  public void canceled(long key) {
    Optional<UserTask> task = find(key);
    if (task.isEmpty() || !task.get().isOpen() && !"COMPLETING".equals(task.get().status())) {
      return;
    }
    jdbc.sql("UPDATE user_task SET status = 'CANCELED', completed_at = now() WHERE key = ? AND status IN ('CREATED', 'COMPLETING')")
        .param(key)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.get().name());
    withCase(details, key);
    audit.append(ReviewWorkflow.SYSTEM, "TASK_CANCELED", task.get().reviewId(), null, details, "task-canceled:" + key);
  }

  /** A supplier-delay case's task: its events carry the case id (the case's timeline reads them). */
  private void withCase(Map<String, Object> details, long key) {
    jdbc.sql("SELECT case_id FROM user_task WHERE key = ? AND case_id IS NOT NULL").param(key).query(Long.class).optional()
        .ifPresent(caseId -> details.put("caseId", caseId));
  }

  // --- what people do ---------------------------------------------------------------------------

  public Optional<UserTask> find(long key) {
    return jdbc.sql("SELECT * FROM user_task WHERE key = ?").param(key).query(TaskInbox::task).optional();
  }

  public UserTask get(long key) {
    return find(key).orElseThrow(() -> new NotFoundException("No user task with key " + key));
  }

  /** Open tasks, filtered by any of candidate group, assignee and review. */
  public List<UserTask> open(String candidateGroup, String assignee, Long reviewId) {
    StringBuilder sql = new StringBuilder("SELECT * FROM user_task WHERE status = 'CREATED'");
    List<Object> params = new ArrayList<>();
    if (candidateGroup != null) {
      sql.append(" AND ? = ANY(candidate_groups)");
      params.add(candidateGroup);
    }
    if (assignee != null) {
      sql.append(" AND assignee = ?");
      params.add(assignee);
    }
    if (reviewId != null) {
      sql.append(" AND review_id = ?");
      params.add(reviewId);
    }
    sql.append(" ORDER BY due_at NULLS LAST, key");
    return jdbc.sql(sql.toString()).params(params).query(TaskInbox::task).list();
  }

  /** Open tasks a person can act on: assigned to them, or offered to one of their groups. */
  public List<UserTask> inboxOf(String employeeId) {
    return jdbc.sql(
            """
            SELECT * FROM user_task WHERE status = 'CREATED' AND (assignee = ? OR
              candidate_groups && coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))
            ORDER BY due_at NULLS LAST, key""")
        .params(employeeId, employeeId)
        .query(TaskInbox::task)
        .list();
  }

  public boolean mayWorkOn(UserTask task, String actor) {
    if (actor.equals(task.assignee())) {
      return true;
    }
    return task.candidateGroups().stream().anyMatch(g -> organisation.isMember(actor, g));
  }

  /**
   * Completes a task for {@code actor} with the submitted form values: 403 unless the actor is
   * the assignee or in a candidate group, 400 naming each bad field, 409 when it is no longer
   * open. Waits (briefly) until the engine has completed it, so the caller sees the next step.
   */
  public void complete(long key, String actor, Map<String, Object> variables) {
    UserTask task = get(key);
    if (!task.isOpen()) {
      throw new TaskConflictException("Task " + key + " (" + task.name() + ") is already " + task.status().toLowerCase());
    }
    if (!mayWorkOn(task, actor)) {
      throw new TaskForbiddenException(
          "'" + actor + "' may not complete task " + key + ": it is for " + (task.assignee() != null ? "assignee " + task.assignee() : "")
              + (task.candidateGroups().isEmpty() ? "" : " candidate groups " + task.candidateGroups()));
    }
    Map<String, Object> clean = task.formId() == null ? variables : forms.validate(task.formId(), variables);
    int claimed =
        jdbc.sql(
                """
                UPDATE user_task SET status = 'COMPLETING', completed_by = ?, submitted = ?, completed_at = now()
                WHERE key = ? AND status = 'CREATED'""")
            .params(actor, toJson(clean), key)
            .update();
    if (claimed == 0) {
      throw new TaskConflictException("Task " + key + " was completed by someone else just now");
    }
    try {
      commands.complete(key, clean);
    } catch (RuntimeException e) {
      jdbc.sql("UPDATE user_task SET status = 'CREATED', completed_by = NULL, submitted = NULL, completed_at = NULL WHERE key = ? AND status = 'COMPLETING'")
          .param(key)
          .update();
      throw e;
    }
    awaitCompleted(key);
  }

  /** Polls until {@code done} holds or {@link #completionWait} passes; returns whether it held. */
  private boolean awaitListener(java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(completionWait);
    while (Instant.now().isBefore(deadline)) {
      if (done.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return done.getAsBoolean();
  }

  private void awaitCompleted(long key) {
    if (awaitListener(() -> !"COMPLETING".equals(
        jdbc.sql("SELECT status FROM user_task WHERE key = ?").param(key).query(String.class).single()))) {
      return;
    }
    // Not confirmed: show the task as open again (if the engine completes it after all, the
    // completing listener still records it) and tell the caller to try again.
    int reopened =
        jdbc.sql("UPDATE user_task SET status = 'CREATED', completed_by = NULL, submitted = NULL, completed_at = NULL WHERE key = ? AND status = 'COMPLETING'")
            .param(key)
            .update();
    if (reopened > 0) {
      LOG.warn("Task {} was sent to the engine but its completion was not confirmed within {}", key, completionWait);
      throw new EngineBusyException("The engine did not confirm the completion of task " + key + " in time; it is open again, try again");
    }
  }

  /** Assigns a task: the caller must be in a candidate group or the current assignee. */
  public void assign(long key, String actor, String assignee) {
    UserTask task = get(key);
    if (!task.isOpen()) {
      throw new TaskConflictException("Task " + key + " (" + task.name() + ") is already " + task.status().toLowerCase());
    }
    if (!mayWorkOn(task, actor) && !organisation.isMember(actor, "hr")) {
      throw new TaskForbiddenException("'" + actor + "' may not assign task " + key);
    }
    if (assignee == null || !organisation.exists(assignee)) {
      throw new io.perfflow.InvalidInputException("assignee", "no employee '" + assignee + "'");
    }
    commands.assign(key, assignee);
    awaitListener(() -> assignee.equals(get(key).assignee()));
  }

  /** After an embedded-engine restart the tasks' instances are gone: close them in the inbox. */
  @Transactional
  public int cancelAllOpen(String reason) {
    return jdbc.sql("UPDATE user_task SET status = 'CANCELED', completed_at = now(), completed_by = ? WHERE status IN ('CREATED', 'COMPLETING')")
        .param(reason)
        .update();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static UserTask task(ResultSet rs, int row) throws SQLException {
    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
    OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
    return new UserTask(
        rs.getLong("key"),
        rs.getString("name"),
        rs.getString("element_id"),
        rs.getString("form_id"),
        (Long) rs.getObject("review_id"),
        Arrays.asList((String[]) rs.getArray("candidate_groups").getArray()),
        rs.getString("assignee"),
        due == null ? null : due.toInstant(),
        rs.getString("status"),
        rs.getLong("process_instance_key"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        completed == null ? null : completed.toInstant(),
        rs.getString("completed_by"));
  }
}
