package io.perfflow.review;

import io.perfflow.audit.AuditLog;
import io.perfflow.access.AccessPolicy;
import io.perfflow.tasks.TaskInbox;
import java.util.List;
import org.springframework.security.core.Authentication;
import io.perfflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Reviews the user may read (same rule as the API: {@link AccessPolicy}) and one review in full. */
@PageController
public class ReviewPages {
  private final Reviews reviews;
  private final AccessPolicy access;
  private final CycleReports reports;
  private final TaskInbox inbox;
  private final AuditLog audit;
  private final java.util.List<io.perfflow.web.EmployeeFlag> flags;
  private final org.springframework.beans.factory.ObjectProvider<ReviewAddendum> addenda;
  private final java.util.List<io.perfflow.web.EmployeeSection> sections;

  /** A family's addition to the review page (ReviewAddendum with a page template). */
  public record Shown(String template, Object value) {}

  public ReviewPages(Reviews reviews, AccessPolicy access, TaskInbox inbox, AuditLog audit, CycleReports reports,
      java.util.List<io.perfflow.web.EmployeeFlag> flags, org.springframework.beans.factory.ObjectProvider<ReviewAddendum> addenda,
      java.util.List<io.perfflow.web.EmployeeSection> sections) {
    this.flags = java.util.List.copyOf(flags);
    this.addenda = addenda;
    this.sections = java.util.List.copyOf(sections);
    this.reports = reports;
    this.reviews = reviews;
    this.access = access;
    this.inbox = inbox;
    this.audit = audit;
  }

  @GetMapping("/reviews")
  String list(@RequestParam(required = false) Long cycleId, Authentication auth, Model model) {
    model.addAttribute("reviews", reviews.list(cycleId, null).stream().filter(r -> access.canReadReview(auth.getName(), r)).toList());
    model.addAttribute("cycles", reports.list());
    model.addAttribute("cycleId", cycleId);
    return "reviews";
  }

  @GetMapping("/reviews/{id}")
  String review(@PathVariable long id, Authentication auth, Model model) {
    Review r = access.requireReadable(auth.getName(), reviews.get(id));
    model.addAttribute("review", r);
    model.addAttribute("employeeFlags", io.perfflow.web.EmployeeFlag.all(flags, r.employeeId(), auth.getName()));
    java.util.List<ReviewLine> lines = KpiLines.grouped(reviews.lines(id));
    model.addAttribute("lines", lines);
    model.addAttribute("perspectiveWeights", KpiLines.perspectiveWeights(lines));
    model.addAttribute("reviewAddenda", addenda.orderedStream().filter(a -> a.pageTemplate() != null)
        .map(a -> new Shown(a.pageTemplate(), a.of(r, lines))).filter(s -> s.value() != null).toList());
    model.addAttribute("employeeSections", io.perfflow.web.EmployeeSection.all(sections, r.employeeId(), auth.getName()));
    ReviewResult result = reviews.result(id).orElse(null);
    model.addAttribute("result", result);
    // Said again from the stored parts in the reader's language (review_result.summary is the English record).
    model.addAttribute("resultSummary", result == null ? null : ReviewMailContext.resultSummary(result, r).current());
    model.addAttribute("approvals", reviews.approvals(id));
    model.addAttribute("openTasks", inbox.open(null, null, ReviewProcesses.review(id)));
    model.addAttribute("history", audit.historyOf(ReviewProcesses.review(id)));
    return "review";
  }
}
