package io.perfflow.tasks;

import io.perfflow.audit.Subject;
import java.time.Instant;
import java.util.List;

/**
 * PerfFlow's copy of a Camunda user task (the inbox). {@code subject}: what the task is about
 * (a review, a supplier-delay case, ...), null when its process registered no {@link SubjectKind}.
 */
public record UserTask(
    long key,
    String name,
    String elementId,
    String formId,
    Subject subject,
    List<String> candidateGroups,
    String assignee,
    Instant due,
    String status,
    long processInstanceKey,
    Instant createdAt,
    Instant completedAt,
    String completedBy) {
  public boolean isOpen() {
    return "CREATED".equals(status);
  }

  /** The subject's id when the task is about a subject of that type, else null. */
  public Long subjectId(String type) {
    return subject != null && subject.is(type) ? subject.id() : null;
  }
}
