package io.perfflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.access.TaskRules;
import io.perfflow.tasks.Forms;
import io.perfflow.InvalidInputException;
import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.TaskSubjects;
import io.perfflow.tasks.UserTask;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox: open user tasks, and completing or assigning one. The same in both runtimes. */
@RestController
@RequestMapping("/api/tasks")
public class TasksController {
  private final TaskInbox inbox;
  private final Forms forms;
  private final TaskSubjects subjects;
  private final TaskJson taskJson;
  private final TaskRules access;

  public TasksController(TaskInbox inbox, Forms forms, TaskSubjects subjects, TaskJson taskJson, TaskRules access) {
    this.taskJson = taskJson;
    this.access = access;
    this.inbox = inbox;
    this.forms = forms;
    this.subjects = subjects;
  }

  @GetMapping
  /**
   * Open tasks by candidate group, assignee and subject; a subject is given by its kind's id
   * name ({@code ?reviewId=7}, {@code ?caseId=3}: see {@link SubjectKind}).
   */
  public List<Map<String, Object>> open(
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String assignee,
      @RequestParam Map<String, String> params,
      Principal principal) {
    Subject subject = null;
    for (SubjectKind kind : subjects.kinds()) {
      String id = params.get(kind.idVariable());
      if (id != null) {
        try {
          subject = new Subject(kind.type(), Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
          throw new InvalidInputException(kind.idVariable(), io.perfflow.Msg.of("tasks.error.subjectId", id));
        }
      }
    }
    // Only what the caller may work on (assignee or candidate group); HR sees every task.
    String me = principal.getName();
    if (access.isHr(me)) {
      return inbox.open(candidateGroup, assignee, subject).stream().map(this::view).toList();
    }
    // The database narrows to the caller's tasks; the rules then drop decisions on their own review.
    return inbox.open(candidateGroup, assignee, subject, me).stream()
        .filter(t -> access.mayActOnOffered(t, me))
        .map(this::view)
        .toList();
  }

  /** One task with its form's schema (for a UI to render it). */
  @GetMapping("/{key}")
  public Map<String, Object> get(@PathVariable long key, Principal principal) {
    UserTask task = access.requireVisible(principal.getName(), inbox.get(key));
    Map<String, Object> body = view(task);
    body.put("status", task.status());
    body.put("completedBy", task.completedBy());
    if (task.formId() != null) {
      JsonNode schema = forms.schema(task.formId());
      body.put("form", schema);
    }
    return body;
  }

  public record AssignBody(String assignee) {}

  @PostMapping("/{key}/assign")
  public ResponseEntity<Void> assign(@PathVariable long key, @RequestBody AssignBody body, Principal principal) {
    inbox.assign(key, principal.getName(), body.assignee());
    return ResponseEntity.noContent().build();
  }

  public record CompleteBody(Map<String, Object> variables) {}

  @PostMapping("/{key}/complete")
  public ResponseEntity<Void> complete(@PathVariable long key, @RequestBody(required = false) CompleteBody body, Principal principal) {
    inbox.complete(key, principal.getName(), body == null || body.variables() == null ? Map.of() : body.variables());
    return ResponseEntity.noContent().build();
  }

  public Map<String, Object> view(UserTask t) {
    return taskJson.of(t);
  }
}
