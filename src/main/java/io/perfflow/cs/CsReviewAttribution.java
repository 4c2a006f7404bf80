package io.perfflow.cs;

import io.perfflow.review.Review;
import io.perfflow.review.ReviewAddendum;
import io.perfflow.review.ReviewLine;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A customer-service review's KPI lines with the attribution behind them: field
 * {@code kpiAttribution} of {@code GET /api/reviews/{id}}, keyed by KPI, for the lines whose
 * metric reads the attributed sessions. The counts are those of the source data now (an imported
 * value overrides the line's value, not these counts).
 */
@Component
public class CsReviewAttribution implements ReviewAddendum {
  /** The metrics that read cs_attributed_session (V50). */
  static final Set<String> ATTRIBUTED_METRICS = Set.of(
      "cs.effective-receptions", "cs.conversion-rate", "cs.satisfaction-rate", "cs.first-response-seconds", "cs.repeat-purchase-rate");

  private final CsAttribution attribution;

  public CsReviewAttribution(CsAttribution attribution) {
    this.attribution = attribution;
  }

  @Override
  public String field() {
    return "kpiAttribution";
  }

  @Override
  public Object of(Review review, List<ReviewLine> lines) {
    List<ReviewLine> attributed = lines.stream().filter(l -> ATTRIBUTED_METRICS.contains(l.metric())).toList();
    if (attributed.isEmpty()) {
      return null;
    }
    List<CsAttribution.AgentStore> stores = attribution.ofAgent(review.employeeId(), YearMonth.parse(review.period()));
    Map<String, Object> byKpi = new LinkedHashMap<>();
    for (ReviewLine line : attributed) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("metric", line.metric());
      note.put("stores", stores);
      byKpi.put(line.kpi(), note);
    }
    return byKpi;
  }

  @Override
  public String pageTemplate() {
    return "cs-review-attribution";
  }
}
