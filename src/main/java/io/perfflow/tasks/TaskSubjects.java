package io.perfflow.tasks;

import io.perfflow.audit.Subject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The subject kinds the process families contribute, by process id and by API name. */
@Component
public class TaskSubjects {
  private final List<SubjectKind> kinds;

  public TaskSubjects(List<SubjectKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  public List<SubjectKind> kinds() {
    return kinds;
  }

  /** The subject of a task of {@code bpmnProcessId}, read from its instance's variables. */
  public Subject subjectOf(String bpmnProcessId, Map<String, Object> variables) {
    for (SubjectKind kind : kinds) {
      if (kind.bpmnProcessIds().contains(bpmnProcessId) && variables.get(kind.idVariable()) instanceof Number id) {
        return new Subject(kind.type(), id.longValue());
      }
    }
    return null;
  }

  public Optional<SubjectKind> byType(String type) {
    return kinds.stream().filter(k -> k.type().equals(type)).findFirst();
  }

  public Optional<SubjectKind> byIdVariable(String idVariable) {
    return kinds.stream().filter(k -> k.idVariable().equals(idVariable)).findFirst();
  }
}
