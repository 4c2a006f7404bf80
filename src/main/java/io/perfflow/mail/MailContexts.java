package io.perfflow.mail;

import io.perfflow.org.Organisation;
import io.perfflow.review.Cycles;
import io.perfflow.review.Review;
import io.perfflow.review.ReviewResult;
import io.perfflow.review.Reviews;
import io.perfflow.supplier.SupplierDelayCase;
import io.perfflow.supplier.SupplierDelays;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds what a mail template can say: the process variables plus the review, task and cycle. */
@Component
public class MailContexts {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Reviews reviews;
  private final Cycles cycles;
  private final TaskInbox inbox;
  private final Organisation organisation;
  private final SupplierDelays supplierDelays;
  private final String baseUrl;

  public MailContexts(Reviews reviews, Cycles cycles, TaskInbox inbox, Organisation organisation,
      SupplierDelays supplierDelays, @Value("${perfflow.base-url}") String baseUrl) {
    this.reviews = reviews;
    this.cycles = cycles;
    this.inbox = inbox;
    this.organisation = organisation;
    this.supplierDelays = supplierDelays;
    this.baseUrl = baseUrl;
  }

  public Map<String, Object> build(Map<String, Object> variables) {
    Map<String, Object> context = new HashMap<>();
    variables.forEach((k, v) -> { if (v != null) context.put(k, v); });
    context.put("baseUrl", baseUrl);
    Object approverGroup = variables.get("approverGroup");
    if (approverGroup != null) {
      context.put("approverGroupName", organisation.group(approverGroup.toString()).map(g -> g.name()).orElse(approverGroup.toString()));
    }
    if (variables.get("reviewId") instanceof Number id) {
      addReview(context, id.longValue(), approverGroup == null ? null : approverGroup.toString());
    }
    if (variables.get("cycleId") instanceof Number id && !(variables.get("reviewId") instanceof Number)) {
      addCycle(context, id.longValue());
    }
    if (variables.get("caseId") instanceof Number id && !(variables.get("reviewId") instanceof Number)) {
      addSupplierDelayCase(context, id.longValue());
    }
    return context;
  }

  /** A supplier-delay case: the order as the ERP holds it, and what is at stake. */
  private void addSupplierDelayCase(Map<String, Object> context, long caseId) {
    SupplierDelayCase c = supplierDelays.get(caseId);
    Map<String, Object> order = supplierDelays.order(c.orderId());
    context.put("caseId", c.id());
    context.put("orderId", c.orderId());
    context.put("buyerId", c.buyerId());
    context.put("buyerName", organisation.find(c.buyerId()).map(e -> e.name()).orElse(c.buyerId()));
    context.put("supplierName", order.get("supplier_name") == null ? c.supplierId() : order.get("supplier_name"));
    context.put("item", order.get("item"));
    context.put("quantity", order.get("quantity"));
    context.put("promisedOn", c.promisedOn().toString());
    context.put("daysLate", c.daysLate());
    context.put("level", c.level());
    context.put("detectedAt", WHEN.format(c.detectedAt()));
    Object value = order.get("budget_cost");
    context.put("atStake", "goods worth " + (value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value))
        + " (" + order.get("quantity") + " x " + order.get("item") + ", ordered on " + order.get("ordered_on")
        + ") are not in stock; sales and marketplace stock that rely on them wait");
    context.put("headline", c.reopenCount() > 0
        ? "the new delivery date you accepted has passed without delivery: the case is open again."
        : "a purchase order of yours is late and has not been delivered.");
    for (String key : List.of("firstEscalationAfter", "secondEscalationAfter")) {
      if (context.get(key) != null) {
        context.put(key, humanDuration(context.get(key).toString()));
      }
    }
  }

  /** P1D → "1 day", PT12H → "12 hours"; anything else as it is. */
  static String humanDuration(String iso) {
    try {
      java.time.Duration d = iso.contains("T") ? java.time.Duration.parse(iso) : java.time.Duration.ofDays(java.time.Period.parse(iso).getDays());
      if (d.toHours() % 24 == 0 && d.toDays() > 0) {
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
      }
      if (d.toMinutes() % 60 == 0) {
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
      }
      return d.toMinutes() + " minutes";
    } catch (RuntimeException e) {
      return iso;
    }
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
    List<UserTask> open = inbox.open(approverGroup, null, reviewId);
    if (!open.isEmpty()) {
      UserTask task = open.get(open.size() - 1);
      context.put("taskName", task.name());
      context.put("due", task.due() == null ? "no due date" : WHEN.format(task.due()));
      context.put("taskCreated", WHEN.format(task.createdAt()));
    }
  }

  private void addCycle(Map<String, Object> context, long cycleId) {
    var progress = cycles.progress(cycleId);
    context.put("cycleId", cycleId);
    context.put("period", progress.cycle().period());
    context.put("reviewCount", progress.reviews());
    context.put("byStatus", format(progress.byStatus()));
    Map<String, Integer> byRating = new TreeMap<>();
    reviews.list(cycleId, null).forEach(r -> byRating.merge(r.rating() == null ? "none" : r.rating(), 1, Integer::sum));
    context.put("byRating", format(byRating));
    StringBuilder rankings = new StringBuilder();
    cycles.rankings(cycleId).forEach((team, rows) -> {
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
