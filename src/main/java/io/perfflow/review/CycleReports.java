package io.perfflow.review;

import io.perfflow.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading review cycles: one or all, a cycle's progress by review status, and its rankings per team. */
@Component
public class CycleReports {
  private final JdbcClient jdbc;

  public CycleReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Progress(Cycle cycle, int reviews, Map<String, Integer> byStatus, int finished, double progress) {}

  public Map<String, List<Map<String, Object>>> rankings(long cycleId) {
    Map<String, List<Map<String, Object>>> rankings = new TreeMap<>();
    jdbc.sql(
            """
            SELECT id, team, employee_id, final_total, rating, status,
                   rank() OVER (PARTITION BY team ORDER BY final_total DESC NULLS LAST) AS rank
            FROM review WHERE cycle_id = ? ORDER BY team, rank, employee_id""")
        .param(cycleId)
        .query(
            rs -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("rank", rs.getInt("rank"));
              row.put("reviewId", rs.getLong("id"));
              row.put("employeeId", rs.getString("employee_id"));
              row.put("finalTotal", rs.getBigDecimal("final_total") == null ? "" : rs.getBigDecimal("final_total").toPlainString());
              row.put("rating", rs.getString("rating") == null ? "" : rs.getString("rating"));
              row.put("status", rs.getString("status"));
              rankings.computeIfAbsent(rs.getString("team"), t -> new ArrayList<>()).add(row);
            });
    return rankings;
  }

  public Cycle get(long id) {
    return jdbc.sql("SELECT * FROM review_cycle WHERE id = ?")
        .param(id)
        .query(CycleReports::cycle)
        .optional()
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("review.error.noCycle", id)));
  }

  public List<Cycle> list() {
    return jdbc.sql("SELECT * FROM review_cycle ORDER BY id DESC").query(CycleReports::cycle).list();
  }

  public Progress progress(long id) {
    Cycle cycle = get(id);
    Map<String, Integer> byStatus = new TreeMap<>();
    jdbc.sql("SELECT status, count(*) FROM review WHERE cycle_id = ? GROUP BY status")
        .param(id)
        .query(rs -> {
          byStatus.put(rs.getString(1), rs.getInt(2));
        });
    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    int finished = byStatus.getOrDefault("COMPLETED", 0) + byStatus.getOrDefault("REJECTED", 0);
    double progress = total == 0 ? 0 : Math.round(1000.0 * finished / total) / 1000.0;
    return new Progress(cycle, total, byStatus, finished, progress);
  }

  private static List<String> list(Array array) throws SQLException {
    return array == null ? null : Arrays.asList((String[]) array.getArray());
  }

  private static Cycle cycle(ResultSet rs, int row) throws SQLException {
    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
    return new Cycle(
        rs.getLong("id"),
        rs.getString("period"),
        rs.getString("status"),
        list(rs.getArray("roles")),
        list(rs.getArray("employee_ids")),
        (Long) rs.getObject("process_instance_key"),
        rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        closed == null ? null : closed.toInstant(),
        rs.getString("status_reason"));
  }
}
