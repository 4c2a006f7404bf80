package io.perfflow.web;

import io.perfflow.tasks.UserTask;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * What the inbox and the task page show about a task's subject, contributed by the process
 * family that owns the subject (as a bean). Each method returns null for a task that is not
 * about one of the family's subjects.
 */
public interface TaskSubjectView {
  /** An inbox line's subject columns: who or what the task is about, and its period. */
  record InboxSubject(String about, String period) {}

  /** The subject as an inbox line shows it. */
  InboxSubject inboxRow(UserTask task);

  /**
   * Adds what the task page shows about the subject to {@code model}: {@code subjectLine} (under
   * the title), {@code subjectTemplate} (a template of the family's whose fragment
   * {@code summary} is shown next to the form) and what that fragment reads. Returns the
   * variables the task's form may use in its text (as the process would give them to Tasklist).
   */
  Map<String, Object> addTo(UserTask task, Model model);
}
