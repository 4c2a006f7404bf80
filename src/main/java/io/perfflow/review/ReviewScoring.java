package io.perfflow.review;

import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.scorecard.Direction;
import io.perfflow.scoring.Scoring;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic half of a review, each step called by a job worker: its KPI values (a missing
 * one blocks the review) and its scores. The human steps are {@link ReviewWorkflow}'s.
 */
@Service
public class ReviewScoring {
  private static final String SYSTEM = AuditLog.SYSTEM;

  private final JdbcClient jdbc;
  private final Reviews reviews;
  private final AuditLog audit;
  private final MetricCollector collector;
  private final ReviewWorkflow workflow;

  public ReviewScoring(JdbcClient jdbc, Reviews reviews, AuditLog audit, MetricCollector collector, ReviewWorkflow workflow) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.audit = audit;
    this.collector = collector;
    this.workflow = workflow;
  }

  /**
   * Reads the employee's KPI values: the cycle's set-based collection, with values imported
   * since then taking precedence. A KPI without a value is an error naming employee, KPI and
   * period; nothing is scored as zero.
   */
  @Transactional(noRollbackFor = MissingMetricException.class)
  public void collectMetrics(long reviewId, long processInstanceKey, String dedupeKey) {
    Review review = reviews.get(reviewId);
    // Which process instance runs this review now (a restarted review gets a new one).
    jdbc.sql("UPDATE review SET process_instance_key = ? WHERE id = ?").params(processInstanceKey, reviewId).update();
    List<ReviewLine> lines = reviews.lines(reviewId);
    List<CollectedMetric> atCycleStart =
        jdbc.sql("SELECT employee_id, metric, value, source, overridden_value FROM collected_metric WHERE cycle_id = ? AND employee_id = ?")
            .params(review.cycleId(), review.employeeId())
            .query((rs, n) -> new CollectedMetric(rs.getString("employee_id"), rs.getString("metric"), rs.getBigDecimal("value"),
                rs.getString("source"), rs.getBigDecimal("overridden_value")))
            .list();
    List<String> metrics = lines.stream().map(ReviewLine::metric).distinct().toList();
    // Values imported since the cycle read them take their place (the collector's one rule).
    Map<String, CollectedMetric> values = new HashMap<>();
    for (CollectedMetric v : collector.withImports(atCycleStart, List.of(review.employeeId()), YearMonth.parse(review.period()), metrics)) {
      values.put(v.metric(), v);
    }
    List<String> missing = new ArrayList<>();
    for (ReviewLine line : lines) {
      if (!values.containsKey(line.metric())) {
        missing.add("KPI '" + line.kpi() + "' (metric " + line.metric() + ")");
      }
    }
    if (!missing.isEmpty()) {
      String message =
          "Missing metric value for employee '" + review.employeeId() + "', " + String.join(", ", missing)
              + ", period " + review.period()
              + ". Import the value (POST /api/metrics/import) and retry the job.";
      markBlocked(reviewId, message);
      throw new MissingMetricException(message);
    }
    List<Map<String, Object>> collected = new ArrayList<>();
    List<String> kpis = new ArrayList<>();
    List<String> actuals = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (ReviewLine line : lines) {
      CollectedMetric v = values.get(line.metric());
      kpis.add(line.kpi());
      actuals.add(v.value().toPlainString());
      sources.add(v.source());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("kpi", line.kpi());
      entry.put("metric", line.metric());
      entry.put("value", v.value().stripTrailingZeros().toPlainString());
      entry.put("source", v.source());
      if (v.overriddenQueriedValue() != null) {
        entry.put("overridesQueriedValue", v.overriddenQueriedValue().stripTrailingZeros().toPlainString());
      }
      collected.add(entry);
    }
    // One statement for all lines (each job runs once per review; round trips are its cost).
    jdbc.sql(
            """
            UPDATE review_line l SET actual = v.actual::numeric, source = v.source
            FROM unnest(?::text[], ?::text[], ?::text[]) AS v (kpi_code, actual, source)
            WHERE l.review_id = ? AND l.kpi_code = v.kpi_code""")
        .params(kpis.toArray(String[]::new), actuals.toArray(String[]::new), sources.toArray(String[]::new), reviewId)
        .update();
    workflow.setStatus(reviewId, ReviewStatus.CREATED, null);
    audit.append(SYSTEM, "METRICS_COLLECTED", ReviewProcesses.review(reviewId), Map.of("values", collected), dedupeKey);
  }

  private void markBlocked(long reviewId, String reason) {
    Review review = reviews.get(reviewId);
    if (review.status() != ReviewStatus.BLOCKED || !reason.equals(review.statusReason())) {
      workflow.setStatus(reviewId, ReviewStatus.BLOCKED, reason);
      audit.append(SYSTEM, "METRIC_MISSING", ReviewProcesses.review(reviewId), Map.of("error", reason));
    }
  }

  /** Scores every KPI and the weighted total from the values collected. */
  @Transactional
  public BigDecimal computeScores(long reviewId, String dedupeKey) {
    Review review = reviews.get(reviewId);
    List<ReviewLine> lines = reviews.lines(reviewId);
    BigDecimal cap = completionCap();
    List<Scoring.KpiInput> inputs = new ArrayList<>();
    for (ReviewLine l : lines) {
      if (l.actual() == null) {
        throw new MissingMetricException(
            "KPI '" + l.kpi() + "' of review " + reviewId + " has no collected value; run collect-metrics first");
      }
      inputs.add(new Scoring.KpiInput(l.kpi(), Direction.valueOf(l.direction()), l.target(), l.weight(), l.actual()));
    }
    Scoring.Result result = Scoring.score(inputs, cap);
    List<Map<String, Object>> details = new ArrayList<>();
    for (Scoring.KpiScore s : result.lines()) {
      details.add(Map.of("kpi", s.code(), "completion", s.completion().toPlainString(), "score", s.score().toPlainString()));
    }
    jdbc.sql(
            """
            UPDATE review_line l SET completion = v.completion::numeric, score = v.score::numeric
            FROM unnest(?::text[], ?::text[], ?::text[]) AS v (kpi_code, completion, score)
            WHERE l.review_id = ? AND l.kpi_code = v.kpi_code""")
        .params(result.lines().stream().map(Scoring.KpiScore::code).toArray(String[]::new),
            result.lines().stream().map(l -> l.completion().toPlainString()).toArray(String[]::new),
            result.lines().stream().map(l -> l.score().toPlainString()).toArray(String[]::new), reviewId)
        .update();
    jdbc.sql("UPDATE review SET total = ?, updated_at = now() WHERE id = ?").params(result.total(), reviewId).update();
    audit.append(SYSTEM, "SCORES_COMPUTED", ReviewProcesses.review(reviewId),
        Map.of("lines", details, "total", result.total().toPlainString(), "completionCap", cap.toPlainString()), dedupeKey);
    return result.total();
  }

  /** The highest completion a KPI counts with (setting {@code completion_cap}, 1.2). */
  public BigDecimal completionCap() {
    return workflow.setting("completion_cap", new BigDecimal("1.2"));
  }

  /** The review's KPI lines as the forms' {@code kpiLines} variable. */
  public List<Map<String, Object>> kpiLines(long reviewId) {
    return KpiLines.of(reviews.lines(reviewId));
  }
}
