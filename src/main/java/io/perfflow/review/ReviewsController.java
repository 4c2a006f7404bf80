package io.perfflow.review;

import io.perfflow.api.AuditDetails;
import io.perfflow.api.TaskJson;
import io.perfflow.audit.AuditLog;
import io.perfflow.access.AccessPolicy;
import io.perfflow.tasks.TaskInbox;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
public class ReviewsController {
  private final Reviews reviews;
  private final AuditLog audit;
  private final TaskInbox inbox;
  private final TaskJson taskJson;
  private final AccessPolicy access;
  private final Cycles cycles;
  private final io.perfflow.engine.Incidents incidents;
  private final org.springframework.beans.factory.ObjectProvider<ReviewAddendum> addenda;

  public ReviewsController(
      Reviews reviews, AuditLog audit, TaskInbox inbox, AccessPolicy access, Cycles cycles, io.perfflow.engine.Incidents incidents,
      TaskJson taskJson, org.springframework.beans.factory.ObjectProvider<ReviewAddendum> addenda) {
    this.addenda = addenda;
    this.taskJson = taskJson;
    this.incidents = incidents;
    this.reviews = reviews;
    this.audit = audit;
    this.inbox = inbox;
    this.access = access;
    this.cycles = cycles;
  }

  /** Reviews the caller may read (HR and approvers: all; managers: their reports; others: their own). */
  @GetMapping
  public List<Review> list(@RequestParam(required = false) Long cycleId, @RequestParam(required = false) String employeeId, Authentication auth) {
    return reviews.list(cycleId, employeeId).stream().filter(r -> access.canReadReview(auth.getName(), r)).toList();
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Authentication auth) {
    Review r = readable(id, auth);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", r.id());
    body.put("employeeId", r.employeeId());
    body.put("employeeName", r.employeeName());
    body.put("cycleId", r.cycleId());
    body.put("period", r.period());
    body.put("role", r.role());
    body.put("team", r.team());
    body.put("managerId", r.managerId());
    body.put("profile", r.profile());
    body.put("status", r.status());
    body.put("statusReason", r.statusReason());
    List<ReviewLine> lines = reviews.lines(id);
    body.put("lines", lines);
    body.put("total", r.total());
    body.put("adjustment", r.adjustment());
    body.put("finalTotal", r.finalTotal());
    body.put("rating", r.rating());
    body.put("selfRating", r.selfRating());
    body.put("selfComment", r.selfComment());
    body.put("managerComment", r.managerComment());
    body.put("rejectionCount", r.rejectionCount());
    body.put("result", reviews.result(id).orElse(null));
    body.put("approvals", reviews.approvals(id));
    body.put("openTasks", inbox.open(null, null, ReviewProcesses.review(id)).stream().map(taskJson::of).toList());
    body.put("processInstanceKey", r.processInstanceKey());
    // What other families add (ReviewAddendum), after the review's own fields.
    addenda.orderedStream().forEach(a -> {
      Object value = a.of(r, lines);
      if (value != null && !body.containsKey(a.field())) {
        body.put(a.field(), value);
      }
    });
    return body;
  }

  /** The review's audit timeline, oldest first. */
  @GetMapping("/{id}/history")
  public List<Map<String, Object>> history(@PathVariable long id, Authentication auth) {
    readable(id, auth);
    return audit.historyOf(ReviewProcesses.review(id)).stream().map(AuditDetails::event).toList();
  }

  /**
   * A BLOCKED review (for example a metric was missing, and HR has imported it since): retry the
   * failed step. Answers which incidents were retried; 400 when the review is not blocked.
   */
  @PostMapping("/{id}/retry")
  public Map<String, Object> retry(@PathVariable long id, Principal principal) {
    Review r = reviews.get(id);
    // A failed step (an open incident) can be retried whatever status the review shows.
    var open = r.processInstanceKey() == null ? List.<io.perfflow.engine.Incidents.Incident>of() : incidents.open(r.processInstanceKey());
    if (r.status() != io.perfflow.review.ReviewStatus.BLOCKED && open.isEmpty()) {
      throw new io.perfflow.InvalidInputException("status", io.perfflow.Msg.of("review.error.notRetriable", id, r.status()));
    }
    // Audited before the retry: once retried, the workers may record the next steps at once.
    audit.append(principal.getName(), "REVIEW_RETRIED", ReviewProcesses.review(id),
        Map.of("incidents", open.stream().map(io.perfflow.engine.Incidents.Incident::message).toList()));
    open.forEach(incidents::retry);
    return Map.of("id", id, "retried", open.size());
  }

  @PostMapping("/{id}/restart")
  public Map<String, Object> restart(@PathVariable long id, Principal principal) {
    Review r = cycles.restartReview(id, principal.getName());
    return Map.of("id", r.id(), "status", r.status(), "processInstanceKey", r.processInstanceKey());
  }

  private Review readable(long id, Authentication auth) {
    return access.requireReadable(auth.getName(), reviews.get(id));
  }
}
