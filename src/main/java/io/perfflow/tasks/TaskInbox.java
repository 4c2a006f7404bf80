package io.perfflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.audit.Subject;
import io.perfflow.org.Organisation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The inbox: reading PerfFlow's table of user tasks (kept current by {@link TaskRecorder}), and
 * the checks in front of completing or assigning a task.
 */
@Service
public class TaskInbox {
  private static final Logger LOG = LoggerFactory.getLogger(TaskInbox.class);

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Forms forms;
  private final UserTaskCommands commands;
  private final TaskGuard guard;
  private final ObjectMapper json;
  private final Duration completionWait;
  private final List<TaskCompletionCheck> completionChecks;

  public TaskInbox(
      JdbcClient jdbc, Organisation organisation, Forms forms, UserTaskCommands commands, TaskGuard guard, ObjectMapper json,
      List<TaskCompletionCheck> completionChecks) {
    this.completionChecks = List.copyOf(completionChecks);
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.forms = forms;
    this.commands = commands;
    this.guard = guard;
    this.json = json;
    this.completionWait = Duration.ofSeconds(10);
  }

  // --- what people do ---------------------------------------------------------------------------

  public Optional<UserTask> find(long key) {
    return jdbc.sql("SELECT * FROM user_task WHERE key = ?").param(key).query(TaskInbox::task).optional();
  }

  public UserTask get(long key) {
    return find(key).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("tasks.error.noTask", key)));
  }

  /** Open tasks, filtered by any of candidate group, assignee and subject. */
  public List<UserTask> open(String candidateGroup, String assignee, Subject subject) {
    return open(candidateGroup, assignee, subject, null);
  }

  /**
   * Open tasks, filtered by any of candidate group, assignee and subject, and, when
   * {@code workableBy} is given, only those assigned or offered to that person (in SQL: the inbox
   * of one approver among 10,000 open tasks must not check every task one by one).
   */
  public List<UserTask> open(String candidateGroup, String assignee, Subject subject, String workableBy) {
    StringBuilder sql = new StringBuilder("SELECT * FROM user_task WHERE status = 'CREATED'");
    List<Object> params = new ArrayList<>();
    if (workableBy != null) {
      sql.append(" AND (assignee = ? OR candidate_groups && coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))");
      params.add(workableBy);
      params.add(workableBy);
    }
    if (candidateGroup != null) {
      sql.append(" AND ? = ANY(candidate_groups)");
      params.add(candidateGroup);
    }
    if (assignee != null) {
      sql.append(" AND assignee = ?");
      params.add(assignee);
    }
    if (subject != null) {
      sql.append(" AND subject_type = ? AND subject_id = ?");
      params.add(subject.type());
      params.add(subject.id());
    }
    sql.append(" ORDER BY due_at NULLS LAST, key");
    return jdbc.sql(sql.toString()).params(params).query(TaskInbox::task).list();
  }

  /** The subject's completed (or completing) tasks, the latest completion first. */
  public List<UserTask> completedOf(Subject subject) {
    return jdbc.sql(
            """
            SELECT * FROM user_task WHERE subject_type = ? AND subject_id = ? AND status IN ('COMPLETING', 'COMPLETED')
            ORDER BY completed_at DESC NULLS FIRST, key DESC""")
        .params(subject.type(), subject.id())
        .query(TaskInbox::task)
        .list();
  }

  /**
   * Open tasks a person can act on: assigned to them, or offered to one of their groups, and not
   * a decision about their own review (the guard's rule), so the UI never offers what the API refuses.
   */
  public List<UserTask> inboxOf(String employeeId) {
    return jdbc.sql(
            """
            SELECT * FROM user_task WHERE status = 'CREATED' AND (assignee = ? OR
              candidate_groups && coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))
            ORDER BY due_at NULLS LAST, key""")
        .params(employeeId, employeeId)
        .query(TaskInbox::task)
        .list()
        .stream()
        .filter(t -> guard.mayAct(t, employeeId))
        .toList();
  }

  /** Whether the person may work on the task now (the inbox's and the task page's rule). */
  public boolean mayAct(UserTask task, String actor) {
    return guard.mayAct(task, actor);
  }

  /** Why {@code actor} may not complete {@code task} (for a page to say so), or empty. */
  public Optional<io.perfflow.Msg> refusalFor(UserTask task, String actor) {
    return guard.completionRefusal(task, actor);
  }

  /**
   * The completing listener's check (camunda mode: Tasklist and the cluster's API bypass
   * PerfFlow's). Completed through PerfFlow, the row says who (already checked, checked again);
   * otherwise the task's assignee is the one completing it, and the form's values (the job's
   * variables) are checked as PerfFlow's API would check them. The reason reads {@code English /
   * 中文} (Tasklist shows it and knows no person's language; the forms' labels are written so too).
   */
  public Optional<String> completionRefusal(long key, String assignee, Map<String, Object> jobVariables) {
    Optional<UserTask> task = find(key);
    if (task.isEmpty()) {
      return Optional.empty();
    }
    boolean throughPerfFlow = "COMPLETING".equals(task.get().status()) && task.get().completedBy() != null;
    String actor = throughPerfFlow ? task.get().completedBy() : assignee;
    Optional<String> refusal = guard.completionRefusal(task.get(), actor).map(io.perfflow.i18n.Bilingual::both);
    if (refusal.isPresent() || throughPerfFlow || task.get().formId() == null) {
      return refusal;
    }
    try {
      Map<String, Object> clean = forms.validate(task.get().formId(), jobVariables);
      completionChecks.forEach(check -> check.check(task.get(), clean));
      return Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.of(io.perfflow.i18n.Bilingual.both(io.perfflow.Msg.of("tasks.error.formValuesInvalid", (io.perfflow.Localizable) e::in)));
    }
  }

  /** The assigning listener's check: may {@code assignee} hold this task? (The reason in both languages, as above.) */
  public Optional<String> assignmentRefusal(long key, String assignee) {
    return find(key).flatMap(t -> guard.assignmentRefusal(t, null, assignee)).map(io.perfflow.i18n.Bilingual::both);
  }

  /**
   * Completes a task for {@code actor} with the submitted form values: 403 unless the actor is
   * the assignee or in a candidate group, 400 naming each bad field, 409 when it is no longer
   * open. Waits (briefly) until the engine has completed it, so the caller sees the next step.
   */
  public void complete(long key, String actor, Map<String, Object> variables) {
    UserTask task = get(key);
    if (!task.isOpen()) {
      throw new TaskConflictException(io.perfflow.Msg.of("tasks.error.alreadyDone", key, task.name(), statusText(task.status())));
    }
    guard.completionRefusal(task, actor).ifPresent(reason -> {
      throw new TaskForbiddenException(reason);
    });
    Map<String, Object> clean = task.formId() == null ? variables : forms.validate(task.formId(), variables);
    completionChecks.forEach(check -> check.check(task, clean));
    int claimed =
        jdbc.sql(
                """
                UPDATE user_task SET status = 'COMPLETING', completed_by = ?, submitted = ?, completed_at = now()
                WHERE key = ? AND status = 'CREATED'""")
            .params(actor, toJson(clean), key)
            .update();
    if (claimed == 0) {
      throw new TaskConflictException(io.perfflow.Msg.of("tasks.error.completedByOther", key));
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
      throw new EngineBusyException(io.perfflow.Msg.of("tasks.error.notConfirmed", key));
    }
  }

  /**
   * Assigns a task: the caller must be in a candidate group, the current assignee or HR, and the
   * assignee must be allowed to hold it (nobody holds a decision about their own review).
   */
  /** A task's status ({@code COMPLETED}, ...) as a word of the language: {@code completed}, {@code 已完成}. */
  private static io.perfflow.Localizable statusText(String status) {
    String word = status == null ? "" : status.toLowerCase(java.util.Locale.ROOT);
    return locale -> io.perfflow.i18n.I18nConfiguration.bundles().getMessage("tasks.status." + word, null, word, locale);
  }

  public void assign(long key, String actor, String assignee) {
    UserTask task = get(key);
    if (!task.isOpen()) {
      throw new TaskConflictException(io.perfflow.Msg.of("tasks.error.alreadyDone", key, task.name(), statusText(task.status())));
    }
    if (assignee == null || !organisation.exists(assignee)) {
      guard.assignmentRefusal(task, actor, null).ifPresent(reason -> {
        throw new TaskForbiddenException(reason);
      });
      throw new InvalidInputException("assignee", io.perfflow.Msg.of("tasks.error.noEmployee", assignee));
    }
    guard.assignmentRefusal(task, actor, assignee).ifPresent(reason -> {
      throw new TaskForbiddenException(reason);
    });
    commands.assign(key, assignee);
    awaitListener(() -> assignee.equals(get(key).assignee()));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static UserTask task(ResultSet rs, int row) throws SQLException {
    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
    OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
    return new UserTask(
        rs.getLong("key"),
        rs.getString("name"),
        rs.getString("element_id"),
        rs.getString("form_id"),
        Subject.of(rs.getString("subject_type"), (Long) rs.getObject("subject_id")),
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
