package io.perfflow.bonus;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.Numbers;
import io.perfflow.Periods;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team bonus pools: their table, the wait for the team's reviews, the allocation (the pure rules
 * are {@link BonusAllocation}), the lead's moves and HR's decision. Every step is audited on the
 * pool and is idempotent (a redelivered job finds the step done and answers the same).
 */
@Service
public class BonusPools {
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
  static final int MAX_TEAM = 100;

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Organisation organisation;

  public BonusPools(JdbcClient jdbc, AuditLog audit, Organisation organisation) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.organisation = organisation;
  }

  public record Pool(
      long id, String team, String period, BigDecimal amount, String currency, String leadId, BonusPoolStatus status,
      Long processInstanceKey, String leadComment, String hrDecision, String hrComment, String decidedBy, String statusReason) {}

  public record Allocation(
      String employeeId, Long reviewId, BigDecimal finalTotal, String rating, BigDecimal tenureFactor, BigDecimal levelFactor,
      BigDecimal weight, BigDecimal share, BigDecimal adjustedShare) {}

  public record NewPool(String team, String period, BigDecimal amount, String currency, String leadId) {}

  /** The team's reviews of the period that the pool is about: the latest review of each member. */
  record TeamReview(long reviewId, String employeeId, String managerId, String status, BigDecimal finalTotal, String rating) {}

  /** Checks the request (400 naming the field, nothing written) and inserts the pool. */
  @Transactional
  public Pool create(NewPool in, String actor) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String team = in.team();
    if (team == null || team.isBlank()) {
      errors.add(new InvalidInputException.FieldError("team", io.perfflow.Msg.of("errors.required")));
    } else if (team.length() > MAX_TEAM) {
      errors.add(new InvalidInputException.FieldError("team", io.perfflow.Msg.of("bonus.error.teamLong", MAX_TEAM)));
    }
    YearMonth period = null;
    try {
      period = Periods.parse("period", in.period());
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    Numbers.problem(in.amount(), new BigDecimal("0.01"), MAX_AMOUNT, 2)
        .ifPresent(p -> errors.add(new InvalidInputException.FieldError("amount", p)));
    if (in.currency() == null || !CURRENCY.matcher(in.currency()).matches()) {
      errors.add(new InvalidInputException.FieldError("currency", io.perfflow.Msg.of("bonus.error.currency", Texts.excerpt(in.currency()))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<TeamReview> reviews = teamReviews(team, period.toString());
    if (reviews.isEmpty()) {
      throw new InvalidInputException("team", io.perfflow.Msg.of("bonus.error.noReview", Texts.excerpt(team), period));
    }
    String lead = in.leadId() != null ? in.leadId() : leadOf(team, reviews);
    if (!organisation.exists(lead)) {
      throw new InvalidInputException("leadId", io.perfflow.Msg.of("bonus.error.noEmployee", Texts.excerpt(lead)));
    }
    Optional<Long> existing = jdbc.sql("SELECT id FROM bonus_pool WHERE team = ? AND period = ?").params(team, period.toString())
        .query(Long.class).optional();
    if (existing.isPresent()) {
      throw new InvalidInputException("team", io.perfflow.Msg.of("bonus.error.poolExists", team, existing.get(), period));
    }
    long id = jdbc.sql("""
        INSERT INTO bonus_pool (team, period, amount, currency, lead_id, status, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(team, period.toString(), in.amount(), in.currency(), lead, BonusPoolStatus.WAITING_FOR_REVIEWS.name(), actor)
        .query(Long.class).single();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("team", team);
    details.put("period", period.toString());
    details.put("amount", in.amount().toPlainString());
    details.put("currency", in.currency());
    details.put("leadId", lead);
    details.put("members", reviews.stream().map(TeamReview::employeeId).toList());
    audit.append(actor, "BONUS_POOL_CREATED", BonusProcesses.pool(id), details);
    return get(id);
  }

  /** The manager most of the team's reviewed members report to (a tie: HR names the lead). */
  private static String leadOf(String team, List<TeamReview> reviews) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    reviews.stream().filter(r -> r.managerId() != null).forEach(r -> counts.merge(r.managerId(), 1, Integer::sum));
    int max = counts.values().stream().max(Integer::compare).orElse(0);
    List<String> top = counts.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList();
    if (top.size() != 1) {
      throw new InvalidInputException("leadId", io.perfflow.Msg.of("bonus.error.noSingleManager", team, counts.keySet()));
    }
    return top.get(0);
  }

  /**
   * The engine lost the instances (embedded restart without its data): every unfinished pool is
   * detached from its instance with the reason, for HR to restart; one waiting for HR's approval
   * goes back to the lead (the new instance asks the lead again). Answers how many.
   */
  @Transactional
  public int detachFromLostInstances(String reason) {
    List<Pool> lost = jdbc.sql("SELECT * FROM bonus_pool WHERE status <> 'COMPLETED' AND process_instance_key IS NOT NULL ORDER BY id FOR UPDATE")
        .query(BonusPools::pool).list();
    for (Pool p : lost) {
      BonusPoolStatus now = p.status() == BonusPoolStatus.HR_APPROVAL ? BonusPoolStatus.LEAD_ALLOCATION : p.status();
      jdbc.sql("UPDATE bonus_pool SET process_instance_key = NULL, status = ?, status_reason = ? WHERE id = ?")
          .params(now.name(), reason, p.id()).update();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("reason", reason);
      details.put("previousStatus", p.status().name());
      details.put("status", now.name());
      audit.append(AuditLog.SYSTEM, "BONUS_POOL_INTERRUPTED", BonusProcesses.pool(p.id()), details);
    }
    return lost.size();
  }

  /**
   * Claims a detached pool for a restart (400 when it is completed or its process still runs);
   * audited {@code BONUS_POOL_RESTARTED}. The caller starts the instance and links it.
   */
  @Transactional
  public Pool claimRestart(long poolId, String actor) {
    Pool pool = get(poolId);
    if (pool.status() == BonusPoolStatus.COMPLETED) {
      throw new InvalidInputException("id", io.perfflow.Msg.of("bonus.error.completed", poolId));
    }
    int claimed = jdbc.sql("UPDATE bonus_pool SET process_instance_key = -1, status_reason = NULL WHERE id = ? AND process_instance_key IS NULL")
        .param(poolId).update();
    if (claimed == 0) {
      throw new InvalidInputException("id", io.perfflow.Msg.of("bonus.error.running", poolId, pool.processInstanceKey()));
    }
    audit.append(actor, "BONUS_POOL_RESTARTED", BonusProcesses.pool(poolId), Map.of("status", pool.status().name()));
    return get(poolId);
  }

  /** A restart whose instance could not be started: detached again, to be retried. */
  public void releaseRestart(long poolId, String reason) {
    jdbc.sql("UPDATE bonus_pool SET process_instance_key = NULL, status_reason = ? WHERE id = ? AND process_instance_key = -1")
        .params(reason, poolId).update();
  }

  public void linkInstance(long poolId, long processInstanceKey) {
    jdbc.sql("UPDATE bonus_pool SET process_instance_key = ? WHERE id = ?").params(processInstanceKey, poolId).update();
  }

  public Pool get(long id) {
    return jdbc.sql("SELECT * FROM bonus_pool WHERE id = ?").param(id).query(BonusPools::pool).optional()
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("bonus.error.noPool", id)));
  }

  /** Every pool, newest first (HR's list). */
  public List<Pool> list() {
    return jdbc.sql("SELECT * FROM bonus_pool ORDER BY id DESC LIMIT 500").query(BonusPools::pool).list();
  }

  public List<Allocation> allocations(long poolId) {
    return jdbc.sql("SELECT * FROM bonus_allocation WHERE pool_id = ? ORDER BY employee_id").param(poolId)
        .query((rs, i) -> allocation(rs)).list();
  }

  /**
   * Members: the team's reviewed employees of the period (the latest review of each). The lead is
   * one of them when they have a review in the team; they then may not move their own share, and
   * HR's approver may be no member and not the lead ({@link BonusPoolOwner}).
   */
  List<TeamReview> members(Pool pool) {
    return teamReviews(pool.team(), pool.period());
  }

  /** Whether {@code person} has (or, before the allocation, will have) a share in the pool. */
  public boolean isMember(long poolId, String person) {
    if (person == null) {
      return false;
    }
    Pool pool = get(poolId);
    return pool.status() == BonusPoolStatus.WAITING_FOR_REVIEWS
        ? members(pool).stream().anyMatch(r -> r.employeeId().equals(person))
        : jdbc.sql("SELECT count(*) FROM bonus_allocation WHERE pool_id = ? AND employee_id = ?").params(poolId, person)
            .query(Long.class).single() > 0;
  }

  private List<TeamReview> teamReviews(String team, String period) {
    return jdbc.sql("""
        SELECT DISTINCT ON (employee_id) id, employee_id, manager_id, status, final_total, rating
        FROM review WHERE team = ? AND period = ? ORDER BY employee_id, id DESC""")
        .params(team, period)
        .query((rs, i) -> new TeamReview(rs.getLong("id"), rs.getString("employee_id"), rs.getString("manager_id"),
            rs.getString("status"), rs.getBigDecimal("final_total"), rs.getString("rating")))
        .list();
  }

  /** Members whose review is not finished yet (COMPLETED or REJECTED). */
  public List<String> waitingFor(long poolId) {
    return members(get(poolId)).stream().filter(r -> !finished(r.status())).map(TeamReview::employeeId).toList();
  }

  private static boolean finished(String status) {
    return "COMPLETED".equals(status) || "REJECTED".equals(status);
  }

  /**
   * When every member's review is finished: allocates (once; a second call answers true and
   * changes nothing) and moves the pool to LEAD_ALLOCATION. Otherwise answers false.
   */
  @Transactional
  public boolean allocateWhenReviewsFinished(long poolId) {
    Pool pool = jdbc.sql("SELECT * FROM bonus_pool WHERE id = ? FOR UPDATE").param(poolId).query(BonusPools::pool).optional()
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("bonus.error.noPool", poolId)));
    if (pool.status() != BonusPoolStatus.WAITING_FOR_REVIEWS) {
      return true;
    }
    List<TeamReview> members = members(pool);
    if (members.stream().anyMatch(r -> !finished(r.status()))) {
      return false;
    }
    boolean failGetsShare = Boolean.parseBoolean(setting("fail_gets_share", "false"));
    LocalDate periodEnd = YearMonth.parse(pool.period()).atEndOfMonth();
    List<BonusAllocation.Member> input = new ArrayList<>();
    for (TeamReview r : members) {
      var e = organisation.get(r.employeeId());
      long years = Math.max(0, ChronoUnit.YEARS.between(e.hiredOn(), periodEnd));
      input.add(new BonusAllocation.Member(r.employeeId(), r.reviewId(), r.finalTotal(), r.rating(), "COMPLETED".equals(r.status()),
          tenureFactor(years), levelFactor(e.level())));
    }
    List<BonusAllocation.Share> shares = BonusAllocation.allocate(pool.amount(), input, failGetsShare);
    for (BonusAllocation.Share s : shares) {
      jdbc.sql("""
          INSERT INTO bonus_allocation (pool_id, employee_id, review_id, final_total, rating, tenure_factor, level_factor, weight,
              share, adjusted_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(poolId, s.employeeId(), s.reviewId(), s.finalTotal(), s.rating(), s.tenureFactor(), s.levelFactor(), s.weight(),
              s.share(), s.share())
          .update();
    }
    setStatus(poolId, BonusPoolStatus.LEAD_ALLOCATION);
    jdbc.sql("UPDATE bonus_pool SET allocated_at = now() WHERE id = ?").param(poolId).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("failGetsShare", failGetsShare);
    details.put("shares", shares.stream().map(s -> Map.of("employeeId", s.employeeId(), "weight", s.weight().toPlainString(),
        "share", s.share().toPlainString())).toList());
    audit.append(AuditLog.SYSTEM, "BONUS_POOL_ALLOCATED", BonusProcesses.pool(poolId), details);
    return true;
  }

  /** The share of each member now (for the lead's moves). */
  Map<String, BigDecimal> shares(long poolId) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    allocations(poolId).forEach(a -> m.put(a.employeeId(), a.share()));
    return m;
  }

  public BigDecimal maxLeadMovePercent() {
    return new BigDecimal(setting("max_lead_move_percent", "10"));
  }

  /**
   * Checks the lead's moves against the pool (400 naming the field) without writing anything.
   * {@code mover} (who completes the task) may not move their own share: nobody decides their own.
   */
  public Map<String, BigDecimal> checkMoves(long poolId, String moves, String comment, String mover) {
    Pool pool = get(poolId);
    Map<String, BigDecimal> checked = BonusAllocation.moves(moves, comment, shares(poolId), pool.amount(), maxLeadMovePercent());
    if (mover != null && checked.containsKey(mover)) {
      throw new InvalidInputException("moves", io.perfflow.Msg.of("bonus.error.ownShare", mover));
    }
    return checked;
  }

  /** Applies the lead's moves (checked again) and hands the pool to HR; idempotent. */
  @Transactional
  public void recordLeadAllocation(long poolId, String moves, String comment, String actor) {
    Pool pool = get(poolId);
    if (pool.status() != BonusPoolStatus.LEAD_ALLOCATION) {
      return;
    }
    Map<String, BigDecimal> checked = checkMoves(poolId, moves, comment, actor == null ? pool.leadId() : actor);
    jdbc.sql("UPDATE bonus_allocation SET adjusted_share = share WHERE pool_id = ?").param(poolId).update();
    checked.forEach((who, delta) -> jdbc.sql("UPDATE bonus_allocation SET adjusted_share = share + ? WHERE pool_id = ? AND employee_id = ?")
        .params(delta, poolId, who).update());
    jdbc.sql("UPDATE bonus_pool SET lead_comment = ? WHERE id = ?").params(comment, poolId).update();
    setStatus(poolId, BonusPoolStatus.HR_APPROVAL);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("moves", checked.entrySet().stream().map(e -> Map.of("employeeId", e.getKey(), "amount", e.getValue().toPlainString())).toList());
    details.put("comment", comment);
    audit.append(actor == null ? pool.leadId() : actor, "BONUS_POOL_LEAD_ALLOCATED", BonusProcesses.pool(poolId), details);
  }

  /** HR's decision: APPROVE records the results (COMPLETED), REJECT sends it back to the lead. */
  @Transactional
  public void recordHrDecision(long poolId, String decision, String comment, String actor) {
    Pool pool = get(poolId);
    if (pool.status() != BonusPoolStatus.HR_APPROVAL) {
      return;
    }
    boolean approved = "APPROVE".equals(decision);
    jdbc.sql("UPDATE bonus_pool SET hr_decision = ?, hr_comment = ?, decided_by = ?, completed_at = CASE WHEN ? THEN now() END WHERE id = ?")
        .params(decision, comment, actor, approved, poolId).update();
    setStatus(poolId, approved ? BonusPoolStatus.COMPLETED : BonusPoolStatus.LEAD_ALLOCATION);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decision", decision);
    details.put("comment", comment);
    if (approved) {
      details.put("results", allocations(poolId).stream().map(a -> Map.of("employeeId", a.employeeId(),
          "adjustedShare", a.adjustedShare().toPlainString())).toList());
    }
    audit.append(actor == null ? AuditLog.SYSTEM : actor, approved ? "BONUS_POOL_APPROVED" : "BONUS_POOL_RETURNED",
        BonusProcesses.pool(poolId), details);
  }

  /** The recorded share of a completed pool for an employee and period, if any. */
  public Optional<Map<String, Object>> resultOf(String employeeId, String period) {
    return jdbc.sql("""
        SELECT p.id, p.team, p.currency, a.share, a.adjusted_share FROM bonus_allocation a JOIN bonus_pool p ON p.id = a.pool_id
        WHERE a.employee_id = ? AND p.period = ? AND p.status = 'COMPLETED'""")
        .params(employeeId, period)
        .query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("poolId", rs.getLong("id"));
          m.put("team", rs.getString("team"));
          m.put("share", rs.getBigDecimal("share"));
          m.put("adjustedShare", rs.getBigDecimal("adjusted_share"));
          m.put("currency", rs.getString("currency"));
          return m;
        })
        .optional();
  }

  private void setStatus(long poolId, BonusPoolStatus status) {
    jdbc.sql("UPDATE bonus_pool SET status = ? WHERE id = ?").params(status.name(), poolId).update();
  }

  private String setting(String key, String fallback) {
    return jdbc.sql("SELECT value FROM bonus_pool_setting WHERE key = ?").param(key).query(String.class).optional().orElse(fallback);
  }

  private BigDecimal tenureFactor(long years) {
    return jdbc.sql("SELECT factor FROM bonus_tenure_factor WHERE min_years <= ? ORDER BY min_years DESC LIMIT 1").param(years)
        .query(BigDecimal.class).optional().orElse(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
  }

  private BigDecimal levelFactor(String level) {
    return jdbc.sql("SELECT factor FROM bonus_level_factor WHERE level = ?").param(level)
        .query(BigDecimal.class).optional().orElse(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
  }

  private static Pool pool(ResultSet rs, int i) throws SQLException {
    return new Pool(rs.getLong("id"), rs.getString("team"), rs.getString("period"), rs.getBigDecimal("amount"), rs.getString("currency"),
        rs.getString("lead_id"), BonusPoolStatus.valueOf(rs.getString("status")), (Long) rs.getObject("process_instance_key"),
        rs.getString("lead_comment"), rs.getString("hr_decision"), rs.getString("hr_comment"), rs.getString("decided_by"),
        rs.getString("status_reason"));
  }

  private static Allocation allocation(ResultSet rs) throws SQLException {
    return new Allocation(rs.getString("employee_id"), (Long) rs.getObject("review_id"), rs.getBigDecimal("final_total"),
        rs.getString("rating"), rs.getBigDecimal("tenure_factor"), rs.getBigDecimal("level_factor"), rs.getBigDecimal("weight"),
        rs.getBigDecimal("share"), rs.getBigDecimal("adjusted_share"));
  }

  static Subject subject(long id) {
    return BonusProcesses.pool(id);
  }
}
