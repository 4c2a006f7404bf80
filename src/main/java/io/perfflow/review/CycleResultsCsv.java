package io.perfflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A cycle's results as CSV ({@code GET /api/cycles/{id}/results.csv}, HR): one row per review
 * (employee, team, role, manager, profile, status, total, adjustment, final total, rating), then
 * every KPI line of it as a group of columns {@code kpiN, kpiNMetric, kpiNActual, kpiNTarget,
 * kpiNCompletion, kpiNScore, kpiNWeight} (N from 1 to the most lines any review has). A text
 * cell that a spreadsheet would take for a formula (starting with =, +, - or @) gets a leading '.
 */
@Component
public class CycleResultsCsv {
  private static final List<String> KPI_COLUMNS = List.of("", "Metric", "Actual", "Target", "Completion", "Score", "Weight");

  private final Cycles cycles;
  private final Reviews reviews;

  public CycleResultsCsv(Cycles cycles, Reviews reviews) {
    this.cycles = cycles;
    this.reviews = reviews;
  }

  public String csv(long cycleId) {
    cycles.get(cycleId);
    List<Review> all = reviews.list(cycleId, null);
    List<List<ReviewLine>> lines = new ArrayList<>();
    int most = 0;
    for (Review r : all) {
      List<ReviewLine> l = reviews.lines(r.id());
      lines.add(l);
      most = Math.max(most, l.size());
    }
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("reviewId", "employeeId", "employeeName", "team", "role", "managerId", "profile",
        "status", "total", "adjustment", "finalTotal", "rating"));
    for (int k = 1; k <= most; k++) {
      for (String c : KPI_COLUMNS) {
        header.add("kpi" + k + c);
      }
    }
    out.append(String.join(",", header)).append("\r\n");
    for (int i = 0; i < all.size(); i++) {
      Review r = all.get(i);
      List<String> row = new ArrayList<>(List.of(String.valueOf(r.id()), text(r.employeeId()), text(r.employeeName()), text(r.team()),
          text(r.role()), text(r.managerId()), text(r.profile()), r.status().name(), number(r.total()), number(r.adjustment()),
          number(r.finalTotal()), text(r.rating())));
      for (int k = 0; k < most; k++) {
        if (k < lines.get(i).size()) {
          ReviewLine l = lines.get(i).get(k);
          row.addAll(List.of(text(l.kpi()), text(l.metric()), number(l.actual()), number(l.target()), number(l.completion()),
              number(l.score()), number(l.weight())));
        } else {
          KPI_COLUMNS.forEach(c -> row.add(""));
        }
      }
      out.append(String.join(",", row)).append("\r\n");
    }
    return out.toString();
  }

  private static String number(BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }

  static String text(String s) {
    if (s == null) {
      return "";
    }
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
