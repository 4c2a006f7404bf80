package io.perfflow.review;

import io.perfflow.tasks.UserTask;
import io.perfflow.web.MiniMarkdown;
import io.perfflow.web.TaskSubjectView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A review task in the inbox and on the task page: the review, its KPI lines, the form's variables. */
@Component
class ReviewTaskView implements TaskSubjectView {
  private final Reviews reviews;
  private final java.util.List<io.perfflow.web.EmployeeFlag> flags;

  ReviewTaskView(Reviews reviews, java.util.List<io.perfflow.web.EmployeeFlag> flags) {
    this.reviews = reviews;
    this.flags = java.util.List.copyOf(flags);
  }

  @Override
  public InboxSubject inboxRow(UserTask task) {
    Long id = task.subjectId(ReviewProcesses.REVIEW);
    return id == null ? null : reviews.find(id).map(r -> new InboxSubject(r.employeeName(), r.period())).orElse(null);
  }

  @Override
  public Map<String, Object> addTo(UserTask task, Model model) {
    Long id = task.subjectId(ReviewProcesses.REVIEW);
    Review review = id == null ? null : reviews.find(id).orElse(null);
    if (review == null) {
      return null;
    }
    model.addAttribute("subjectLine", review.employeeName() + " · " + review.period());
    model.addAttribute("subjectTemplate", "review-task");
    model.addAttribute("review", review);
    var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    model.addAttribute("employeeFlags", auth == null ? java.util.List.of() : io.perfflow.web.EmployeeFlag.all(flags, review.employeeId(), auth.getName()));
    model.addAttribute("lines", reviews.lines(review.id()));
    return formVariables(task, review);
  }

  /** The variables the form's text templates may use, read from the review. */
  private Map<String, Object> formVariables(UserTask task, Review review) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewId", review.id());
    vars.put("employeeId", review.employeeId());
    vars.put("employeeName", review.employeeName());
    vars.put("managerId", review.managerId());
    vars.put("period", review.period());
    vars.put("role", review.role());
    vars.put("team", review.team());
    vars.put("total", plain(review.total()));
    vars.put("adjustment", plain(review.adjustment()));
    vars.put("finalTotal", plain(review.finalTotal()));
    vars.put("rating", review.rating());
    vars.put("selfRating", review.selfRating());
    vars.put("selfComment", review.selfComment());
    vars.put("managerComment", review.managerComment());
    vars.put("rejectionCount", review.rejectionCount());
    // The same KPI table the compute-scores worker gives the process (what Tasklist shows).
    vars.put("kpiLines", KpiLines.of(reviews.lines(review.id())));
    if ("manager-review".equals(task.elementId()) && review.rejectionCount() > 0) {
      // The rejection that sent the review back: the REJECT decisions of the last round.
      String comments = reviews.approvals(review.id()).stream()
          .filter(a -> a.level() > 0 && a.round() == review.rejectionCount() && Decision.REJECT.name().equals(a.decision()))
          .map(Approval::comment)
          .filter(MiniMarkdown::present)
          .collect(Collectors.joining(" / "));
      vars.put("rejectionComment", comments);
    }
    // reviewError (the worker's INVALID_ADJUSTMENT message) lives only in the process instance;
    // the form's own rules (checked before submitting) keep it from happening through this UI.
    return vars;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }
}
