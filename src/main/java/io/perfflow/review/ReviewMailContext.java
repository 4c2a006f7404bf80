package io.perfflow.review;

import io.perfflow.Localizable;
import io.perfflow.Msg;
import io.perfflow.i18n.I18nConfiguration;

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
public class ReviewMailContext implements MailContextContributor {

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
    context.put("rating", r.rating() == null ? Msg.of("review.mail.notRated") : r.rating());
    ReviewResult result = reviews.result(reviewId).orElse(null);
    context.put("resultSummary", result != null ? resultSummary(result, r) : r.statusReason() != null ? r.statusReason() : label("review.status.", r.status().name()));
    context.put("outcome", result != null ? r.rating() : r.status().name());
    List<UserTask> open = inbox.open(approverGroup, null, ReviewProcesses.review(reviewId));
    if (!open.isEmpty()) {
      UserTask task = open.get(open.size() - 1);
      context.put("taskName", task.name());
      context.put("due", task.due() == null ? Msg.of("review.mail.noDue") : task.due().toString());
      context.put("taskCreated", task.createdAt().toString());
    }
  }

  private void addCycle(Map<String, Object> context, long cycleId) {
    var progress = reports.progress(cycleId);
    context.put("cycleId", cycleId);
    context.put("period", progress.cycle().period());
    context.put("reviewCount", progress.reviews());
    context.put("byStatus", format(progress.byStatus(), "review.status."));
    Map<String, Integer> byRating = new TreeMap<>();
    reviews.list(cycleId, null).forEach(r -> byRating.merge(r.rating() == null ? "none" : r.rating(), 1, Integer::sum));
    context.put("byRating", format(byRating, "review.rating."));
    var rankings = reports.rankings(cycleId);
    // the table in the recipient's language: ratings and statuses as the bundles name them
    Localizable table = locale -> {
      StringBuilder out = new StringBuilder();
      rankings.forEach((team, rows) -> {
        out.append(team).append(":\n");
        rows.forEach(row -> out.append("  ").append(row.get("rank")).append(". ").append(row.get("employeeId"))
            .append("  ").append(row.get("finalTotal") == null ? Msg.of("review.mail.na").in(locale) : row.get("finalTotal"))
            .append("  ").append(row.get("rating") == null ? Msg.of("review.mail.none").in(locale) : label("review.rating.", row.get("rating").toString()).in(locale))
            .append("  ").append(Msg.of("review.mail.parenthesis", label("review.status.", String.valueOf(row.get("status")))).in(locale)).append("\n"));
      });
      return out.toString().stripTrailing();
    };
    context.put("rankings", table);
  }

  /** "COMPLETED 3, REJECTED 1": each code as the bundle ({@code prefix + code}) names it, "none" when empty. */
  public static Localizable format(Map<String, Integer> counts, String prefix) {
    if (counts.isEmpty()) {
      return Msg.of("review.mail.none");
    }
    Map<String, Integer> copy = new java.util.LinkedHashMap<>(counts);
    return locale -> copy.entrySet().stream()
        .map(e -> Msg.of("review.mail.count", label(prefix, e.getKey()), e.getValue()).in(locale))
        .collect(Collectors.joining(Msg.of("review.mail.separator").in(locale)));
  }

  /** A code (status, rating) as the bundle names it, the code itself where it names none. */
  public static Localizable label(String prefix, String code) {
    return locale -> I18nConfiguration.bundles().getMessage(prefix + code, null, code, locale);
  }

  /** The result line (rating, score, bonus, training plan) in the recipient's language. */
  static Msg resultSummary(ReviewResult result, Review r) {
    BigDecimal finalTotal = r.finalTotal() != null ? r.finalTotal() : r.total();
    Msg line = Msg.of("review.mail.result.rating", label("review.rating.", String.valueOf(result.rating())), text(finalTotal));
    if (result.bonusAmount() != null && result.bonusAmount().signum() > 0) {
      line = Msg.of("review.mail.result.and", line, Msg.of("review.mail.result.bonus", result.bonusAmount().toPlainString(),
          result.bonusPercent().stripTrailingZeros().toPlainString()));
    }
    if (result.trainingPlan() != null) {
      line = Msg.of("review.mail.result.and", line, Msg.of("review.mail.result.training", result.trainingPlan()));
    }
    return line;
  }

  private static Object text(BigDecimal value) {
    return value == null ? Msg.of("review.mail.na") : value.toPlainString();
  }
}
