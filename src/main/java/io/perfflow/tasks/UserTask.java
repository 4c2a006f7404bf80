package io.perfflow.tasks;

import java.time.Instant;
import java.util.List;

/** PerfFlow's copy of a Camunda user task (the inbox). */
public record UserTask(
    long key,
    String name,
    String elementId,
    String formId,
    Long reviewId,
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
}
