package io.perfflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the inbox current from the task listeners (in both runtimes, whichever UI completes the
 * task): records each change once, audits it about the task's subject, and tells the process
 * families' {@link TaskLifecycle}s.
 */
@Service
public class TaskRecorder {
  /** Who "completed" the tasks an embedded-engine restart lost. */
  public static final String LOST = "engine-restart";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final TaskInbox inbox;
  private final Forms forms;
  private final ProcessModels models;
  private final TaskSubjects subjects;
  private final List<TaskLifecycle> lifecycles;
  private final ObjectMapper json;

  public TaskRecorder(JdbcClient jdbc, AuditLog audit, TaskInbox inbox, Forms forms, ProcessModels models,
      TaskSubjects subjects, List<TaskLifecycle> lifecycles, ObjectMapper json) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.inbox = inbox;
    this.forms = forms;
    this.models = models;
    this.subjects = subjects;
    this.lifecycles = List.copyOf(lifecycles);
    this.json = json;
  }

  /** A task the engine created; {@code variables}: its instance's, for the subject. */
  public record NewTask(
      long key, long processInstanceKey, String bpmnProcessId, String elementId, String assignee,
      List<String> candidateGroups, Instant due, Map<String, Object> variables) {}

  /**
   * A new task of the engine: recorded once (a redelivered listener job changes nothing). The
   * embedded engine starts its keys afresh after a restart, so a key may come again for another
   * task: a row closed by the restart ({@link #LOST}) is then taken over by the new task.
   */
  @Transactional
  public void created(NewTask t) {
    var info = models.userTask(t.bpmnProcessId(), t.elementId());
    String name = info.map(ProcessModels.UserTaskInfo::name).orElse(t.elementId());
    String formId = info.map(ProcessModels.UserTaskInfo::formId).orElse(null);
    Subject subject = subjects.subjectOf(t.bpmnProcessId(), t.variables());
    // RETURNING: the row as written, without reading it again (this runs for every task).
    Optional<UserTask> inserted =
        jdbc.sql(
                """
                INSERT INTO user_task (key, process_instance_key, element_id, name, form_id, subject_type, subject_id,
                  assignee, candidate_groups, due_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED')
                ON CONFLICT (key) DO UPDATE SET process_instance_key = EXCLUDED.process_instance_key,
                  element_id = EXCLUDED.element_id, name = EXCLUDED.name, form_id = EXCLUDED.form_id,
                  subject_type = EXCLUDED.subject_type, subject_id = EXCLUDED.subject_id, assignee = EXCLUDED.assignee,
                  candidate_groups = EXCLUDED.candidate_groups, due_at = EXCLUDED.due_at, status = 'CREATED',
                  created_at = now(), completed_at = NULL, completed_by = NULL, submitted = NULL
                WHERE user_task.completed_by = ? AND user_task.process_instance_key <> EXCLUDED.process_instance_key
                RETURNING *""")
            .params(t.key(), t.processInstanceKey(), t.elementId(), name, formId,
                subject == null ? null : subject.type(), subject == null ? null : subject.id(), t.assignee(),
                t.candidateGroups().toArray(String[]::new), t.due() == null ? null : Timestamp.from(t.due()), LOST)
            .query(TaskInbox::task)
            .optional();
    if (inserted.isEmpty()) {
      return;
    }
    UserTask task = inserted.get();
    lifecycles.forEach(l -> l.created(task, t.variables()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", t.key());
    details.put("task", name);
    details.put("assignee", t.assignee() == null ? "" : t.assignee());
    details.put("candidateGroups", t.candidateGroups());
    details.put("due", t.due() == null ? "" : t.due().toString());
    audit.append(AuditLog.SYSTEM, "TASK_CREATED", subject, details,
        "task-created:" + t.key() + ":" + t.processInstanceKey());
  }

  @Transactional
  public void assigned(long key, String assignee) {
    Optional<UserTask> task =
        jdbc.sql("UPDATE user_task SET assignee = ? WHERE key = ? RETURNING *").params(assignee, key).query(TaskInbox::task).optional();
    if (task.isEmpty()) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.get().name());
    details.put("assignee", assignee == null ? "" : assignee);
    audit.append(assignee == null ? AuditLog.SYSTEM : assignee, "TASK_ASSIGNED", task.get().subject(), details,
        "task-assigned:" + key + ":" + assignee);
  }

  /**
   * The engine is completing the task. Completed through PerfFlow, the row already holds who
   * submitted what; completed in Tasklist, the assignee is the actor and the form's fields are
   * read from the listener job's variables.
   */
  @Transactional
  public void completed(long key, String assignee, Map<String, Object> jobVariables) {
    Optional<UserTask> found = inbox.find(key);
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
    int changed =
        jdbc.sql(
                """
                UPDATE user_task SET status = 'COMPLETED', completed_at = coalesce(completed_at, now()), completed_by = ?,
                  submitted = ? WHERE key = ? AND status <> 'COMPLETED'""")
            .params(actor, submitted, key)
            .update();
    if (changed > 0) {
      UserTask done = inbox.get(key);
      lifecycles.forEach(l -> l.completed(done));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.name());
    details.put("submitted", submitted == null ? "{}" : submitted);
    audit.append(actor, "TASK_COMPLETED", task.subject(), details, "task-completed:" + key);
  }

  @Transactional
  public void canceled(long key) {
    Optional<UserTask> task = inbox.find(key);
    if (task.isEmpty() || !task.get().isOpen() && !"COMPLETING".equals(task.get().status())) {
      return;
    }
    jdbc.sql("UPDATE user_task SET status = 'CANCELED', completed_at = now() WHERE key = ? AND status IN ('CREATED', 'COMPLETING')")
        .param(key)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskKey", key);
    details.put("task", task.get().name());
    audit.append(AuditLog.SYSTEM, "TASK_CANCELED", task.get().subject(), details, "task-canceled:" + key);
  }

  /** After an embedded-engine restart the tasks' instances are gone: close them in the inbox, marked {@link #LOST}. */
  @Transactional
  public int cancelAllLost() {
    return jdbc.sql("UPDATE user_task SET status = 'CANCELED', completed_at = now(), completed_by = ? WHERE status IN ('CREATED', 'COMPLETING')")
        .param(LOST)
        .update();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
