package io.perfflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.tasks.Forms;
import io.perfflow.tasks.TaskInbox;
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

  public TasksController(TaskInbox inbox, Forms forms) {
    this.inbox = inbox;
    this.forms = forms;
  }

  @GetMapping
  public List<Map<String, Object>> open(
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Long reviewId) {
    return inbox.open(candidateGroup, assignee, reviewId).stream().map(TasksController::view).toList();
  }

  /** One task with its form's schema (for a UI to render it). */
  @GetMapping("/{key}")
  public Map<String, Object> get(@PathVariable long key) {
    UserTask task = inbox.get(key);
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

  static Map<String, Object> view(UserTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", t.key());
    m.put("name", t.name());
    m.put("elementId", t.elementId());
    m.put("formId", t.formId());
    m.put("reviewId", t.reviewId());
    m.put("candidateGroups", t.candidateGroups());
    m.put("assignee", t.assignee());
    m.put("due", t.due());
    m.put("createdAt", t.createdAt());
    return m;
  }
}
