package io.perfflow.review;

import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The review family's mail context: a review (with its open task), or a cycle's summary. */
@Component
@Order(0)
class ReviewMailContext implements MailContextContributor {

  private final Reviews reviews;
  private final CycleReports reports;
  private final TaskInbox inbox;
  private final Organisation organisation;

  ReviewMailContext(Reviews reviews, TaskInbox inbox, Organisation organisation, CycleReports reports) {
    this.reports = reports;
    this.reviews = reviews;
    this.inbox = inbox;
    this.organisation = organisation;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    Map<String, Object> context = new HashMap<>(base);
    Object approverGroup = variables.get("approverGroup");
    if (approverGroup != null) {
      context.put("approverGroupName", organisation.group(approverGroup.toString()).map(g -> g.name()).orElse(approverGroup.toString()));
    }
    if (variables.get("reviewId") instanceof Number id) {
      addReview(context, id.longValue(), approverGroup == null ? null : approverGroup.toString());
      return new MailContext(ReviewProcesses.review(id.longValue()), context, Map.of());
    }
    if (variables.get("cycleId") instanceof Number id) {
      addCycle(context, id.longValue());
      return new MailContext(ReviewProcesses.cycle(id.longValue()), context, Map.of());
    }
    return null;
  }

  private void addReview(Map<String, Object> context, long reviewId, String approverGroup) {
    Review r = reviews.get(reviewId);
    context.put("reviewId", r.id());
    context.put("employeeName", r.employeeName());
    context.put("employeeId", r.employeeId());
    context.put("period", r.period());
    context.put("role", r.role());
    context.put("total", text(r.total()));
    context.put("adjustment", r.adjustment() == null ? "0" : r.adjustment().stripTrailingZeros().toPlainString());
    context.put("finalTotal", text(r.finalTotal() != null ? r.finalTotal() : r.total()));
    context.put("rating", r.rating() == null ? "not yet rated" : r.rating());
    ReviewResult result = reviews.result(reviewId).orElse(null);
    context.put("resultSummary", result != null ? result.summary() : r.statusReason() != null ? r.statusReason() : r.status().name());
    context.put("outcome", result != null ? r.rating() : r.status().name());
    List<UserTask> open = inbox.open(approverGroup, null, ReviewProcesses.review(reviewId));
    if (!open.isEmpty()) {
      UserTask task = open.get(open.size() - 1);
      context.put("taskName", task.name());
      context.put("due", task.due() == null ? "no due date" : task.due().toString());
      context.put("taskCreated", task.createdAt().toString());
    }
  }

  private void addCycle(Map<String, Object> context, long cycleId) {
    var progress = reports.progress(cycleId);
    context.put("cycleId", cycleId);
    context.put("period", progress.cycle().period());
    context.put("reviewCount", progress.reviews());
    context.put("byStatus", format(progress.byStatus()));
    Map<String, Integer> byRating = new TreeMap<>();
    reviews.list(cycleId, null).forEach(r -> byRating.merge(r.rating() == null ? "none" : r.rating(), 1, Integer::sum));
    context.put("byRating", format(byRating));
    StringBuilder rankings = new StringBuilder();
    reports.rankings(cycleId).forEach((team, rows) -> {
      rankings.append(team).append(":\n");
      rows.forEach(row -> rankings.append("  ").append(row.get("rank")).append(". ").append(row.get("employeeId"))
          .append("  ").append(row.get("finalTotal")).append("  ").append(row.get("rating")).append("  (").append(row.get("status")).append(")\n"));
    });
    context.put("rankings", rankings.toString().stripTrailing());
  }

  private static String format(Map<String, Integer> counts) {
    return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String text(BigDecimal value) {
    return value == null ? "n/a" : value.toPlainString();
  }
}
