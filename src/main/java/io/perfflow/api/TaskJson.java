package io.perfflow.api;

import io.perfflow.tasks.SubjectKind;
import io.perfflow.tasks.TaskSubjects;
import io.perfflow.tasks.UserTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A user task as every API shows it ({@code GET /api/tasks}, a review's or a case's open tasks). */
@Component
public class TaskJson {
  private final TaskSubjects subjects;

  public TaskJson(TaskSubjects subjects) {
    this.subjects = subjects;
  }

  /** A task as the API shows it; its subject's id under the kind's name ({@code reviewId}, {@code caseId}). */
  public Map<String, Object> of(UserTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", t.key());
    m.put("name", t.name());
    m.put("elementId", t.elementId());
    m.put("formId", t.formId());
    // Every kind's id name is present (null when the task is about something else), as before.
    for (SubjectKind kind : subjects.kinds()) {
      m.put(kind.idVariable(), t.subjectId(kind.type()));
    }
    m.put("candidateGroups", t.candidateGroups());
    m.put("assignee", t.assignee());
    m.put("due", t.due());
    m.put("createdAt", t.createdAt());
    return m;
  }
}
