package io.perfflow.review;

import io.perfflow.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads reviews and what hangs off them. Changes go through {@link ReviewWorkflow}. */
@Repository
public class Reviews {
  private final JdbcClient jdbc;

  public Reviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String SELECT =
      "SELECT r.*, e.name AS employee_name FROM review r JOIN employee e ON e.id = r.employee_id";

  public Optional<Review> find(long id) {
    return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Reviews::review).optional();
  }

  public Review get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("review.error.noReview", id)));
  }

  public List<Review> list(Long cycleId, String employeeId) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
    List<Object> params = new ArrayList<>();
    if (cycleId != null) {
      sql.append(" AND r.cycle_id = ?");
      params.add(cycleId);
    }
    if (employeeId != null) {
      sql.append(" AND r.employee_id = ?");
      params.add(employeeId);
    }
    sql.append(" ORDER BY r.id");
    return jdbc.sql(sql.toString()).params(params).query(Reviews::review).list();
  }

  /** Reviews not finished and not already interrupted: what an engine restart cuts off. */
  public List<Review> inFlight() {
    return jdbc.sql(SELECT + " WHERE r.status NOT IN ('COMPLETED', 'REJECTED', 'INTERRUPTED') ORDER BY r.id")
        .query(Reviews::review)
        .list();
  }

  public List<ReviewLine> lines(long reviewId) {
    return jdbc.sql("SELECT * FROM review_line WHERE review_id = ? ORDER BY position")
        .param(reviewId)
        .query(
            (rs, n) ->
                new ReviewLine(
                    rs.getString("kpi_code"),
                    rs.getString("kpi_name"),
                    rs.getString("unit"),
                    rs.getString("direction"),
                    rs.getString("metric"),
                    strip(rs.getBigDecimal("actual")),
                    strip(rs.getBigDecimal("target")),
                    rs.getBigDecimal("completion"),
                    rs.getBigDecimal("score"),
                    strip(rs.getBigDecimal("weight")),
                    rs.getString("source"),
                    rs.getString("perspective")))
        .list();
  }

  public List<Approval> approvals(long reviewId) {
    return jdbc.sql("SELECT * FROM approval WHERE review_id = ? ORDER BY decided_at, id")
        .param(reviewId)
        .query(
            (rs, n) ->
                new Approval(
                    rs.getInt("round"),
                    rs.getInt("level"),
                    rs.getString("group_id"),
                    rs.getString("decision"),
                    rs.getString("comment"),
                    rs.getString("actor"),
                    rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public Optional<ReviewResult> result(long reviewId) {
    return jdbc.sql("SELECT * FROM review_result WHERE review_id = ?")
        .param(reviewId)
        .query(
            (rs, n) ->
                new ReviewResult(
                    rs.getString("rating"),
                    rs.getBigDecimal("bonus_percent"),
                    rs.getBigDecimal("bonus_amount"),
                    rs.getString("training_plan"),
                    rs.getString("summary"),
                    rs.getObject("applied_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  private static java.math.BigDecimal strip(java.math.BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros();
  }

  static Review review(ResultSet rs, int row) throws SQLException {
    return new Review(
        rs.getLong("id"),
        rs.getLong("cycle_id"),
        rs.getString("employee_id"),
        rs.getString("employee_name"),
        rs.getString("period"),
        rs.getString("role"),
        rs.getString("team"),
        rs.getString("manager_id"),
        rs.getString("profile"),
        ReviewStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("process_instance_key"),
        rs.getBigDecimal("total"),
        rs.getBigDecimal("adjustment"),
        rs.getBigDecimal("final_total"),
        rs.getString("rating"),
        (Integer) rs.getObject("self_rating"),
        rs.getString("self_comment"),
        rs.getString("manager_comment"),
        rs.getInt("rejection_count"),
        rs.getString("status_reason"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
