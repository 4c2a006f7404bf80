package io.perfflow.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.audit.AuditEvent;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.ProcessLauncher;
import io.perfflow.tasks.TaskInbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promotions: the nomination (checked, recorded, its process started), and each step the
 * {@code promotion} process records (eligibility snapshot, HR exception, approvals, rejection,
 * finalisation, the change on the effective date). Every step is audited on the promotion and
 * safe to record twice (a redelivered job).
 */
@Service
public class Promotions {
  static final int MAX_JUSTIFICATION = 4000;
  static final BigDecimal FINANCE_THRESHOLD_NOTE = BigDecimal.TEN;

  public record Approval(int level, String group, String decision, String comment, String decidedBy, Instant decidedAt) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CareerLadders ladders;
  private final Careers careers;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final TaskInbox tasks;
  private final TransactionTemplate tx;
  private final io.perfflow.CompanyTime companyTime;

  public Promotions(
      JdbcClient jdbc, ObjectMapper json, CareerLadders ladders, Careers careers, AccessPolicy access, AuditLog audit,
      ProcessLauncher launcher, TaskInbox tasks, TransactionTemplate tx, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.json = json;
    this.ladders = ladders;
    this.careers = careers;
    this.access = access;
    this.audit = audit;
    this.launcher = launcher;
    this.tasks = tasks;
    this.tx = tx;
  }

  // --- reading ----------------------------------------------------------------------------------

  public Optional<Promotion> find(long id) {
    return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(Promotions::promotion).optional();
  }

  public Promotion get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("promotion.error.noPromotion", id)));
  }

  public List<Promotion> list(String employeeId, PromotionStatus status) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
    List<Object> params = new ArrayList<>();
    if (employeeId != null) {
      sql.append(" AND p.employee_id = ?");
      params.add(employeeId);
    }
    if (status != null) {
      sql.append(" AND p.status = ?");
      params.add(status.name());
    }
    sql.append(" ORDER BY p.id DESC LIMIT 500");
    return jdbc.sql(sql.toString()).params(params).query(Promotions::promotion).list();
  }

  public List<Approval> approvals(long id) {
    return jdbc.sql("SELECT * FROM promotion_approval WHERE promotion_id = ? ORDER BY level, group_id")
        .param(id)
        .query((rs, n) -> new Approval(rs.getInt("level"), rs.getString("group_id"), rs.getString("decision"), rs.getString("comment"),
            rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public List<AuditEvent> timeline(long id) {
    return audit.historyOf(PromotionProcesses.promotion(id));
  }

  /** The employee, their manager chain, the nominator, HR, and whoever has or had a task on it. */
  public boolean canRead(String actor, Promotion p) {
    return actor.equals(p.employeeId()) || actor.equals(p.nominatedBy()) || access.isHr(actor)
        || access.isInManagerChain(actor, p.employeeId()) || hasTask(actor, p.id());
  }

  private boolean hasTask(String actor, long id) {
    return jdbc.sql("""
            SELECT count(*) FROM user_task t WHERE t.subject_type = ? AND t.subject_id = ? AND (t.assignee = ? OR t.completed_by = ? OR
              t.candidate_groups && coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))""")
        .params(PromotionProcesses.PROMOTION, id, actor, actor, actor)
        .query(Long.class)
        .single() > 0;
  }

  // --- nomination -------------------------------------------------------------------------------

  /** The cooling-off period after a rejected or declined nomination, in days (promotion_setting). */
  public int coolingOffDays() {
    return jdbc.sql("SELECT value FROM promotion_setting WHERE name = 'cooling_off_days'").query(BigDecimal.class).optional()
        .orElse(BigDecimal.valueOf(90)).intValue();
  }

  /**
   * Nominates {@code employeeId} for {@code toLevel} (the next level of their track): by their
   * manager chain or HR, never by themselves. 400 naming the field, 403, 409 (one in progress,
   * or the cooling-off period after a rejection, naming the date it opens again).
   */
  public Promotion nominate(String actor, String employeeId, String toLevel, String justification, BigDecimal proposedBasePay, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (employeeId == null || employeeId.isBlank()) {
      throw new InvalidInputException("employeeId", io.perfflow.Msg.of("errors.required"));
    }
    Careers.Position p = careers.position(employeeId).orElseThrow(() -> new InvalidInputException("employeeId", io.perfflow.Msg.of("promotion.error.noEmployee", io.perfflow.Texts.excerpt(employeeId))));
    if (actor.equals(employeeId)) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.selfNomination", actor, employeeId));
    }
    if (!access.isHr(actor) && !access.isInManagerChain(actor, employeeId)) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.mayNotNominate", actor, employeeId));
    }
    Ladder ladder = ladders.find(p.track()).orElseThrow(() -> new InvalidInputException("employeeId",
        io.perfflow.Msg.of("promotion.error.noLadderOf", employeeId)));
    Optional<Ladder.Level> next = ladder.next(p.level());
    if (next.isEmpty()) {
      throw new InvalidInputException("toLevel", io.perfflow.Msg.of("promotion.error.top", employeeId, p.track(), p.level()));
    }
    if (toLevel == null || !toLevel.equals(next.get().code())) {
      errors.add(new FieldError("toLevel", io.perfflow.Msg.of("promotion.error.nextLevel", employeeId, p.track(), next.get().code(), io.perfflow.Texts.excerpt(toLevel))));
    }
    if (justification == null || justification.isBlank()) {
      errors.add(new FieldError("justification", io.perfflow.Msg.of("errors.required")));
    } else if (justification.length() > MAX_JUSTIFICATION) {
      errors.add(new FieldError("justification", io.perfflow.Msg.of("promotion.error.justificationLong", MAX_JUSTIFICATION, justification.length())));
    } else if (justification.indexOf('\0') >= 0) {
      errors.add(new FieldError("justification", io.perfflow.Msg.of("promotion.error.justificationNul")));
    }
    Ladder.Level target = next.get();
    if (proposedBasePay != null) {
      io.perfflow.Numbers.problem(proposedBasePay, BigDecimal.ZERO, CareerLadders.MAX_PAY, 2)
          .ifPresent(problem -> errors.add(new FieldError("proposedBasePay", problem)));
      if (errors.stream().noneMatch(e -> e.field().equals("proposedBasePay")) && target.payBand() != null && !target.payBand().contains(proposedBasePay)) {
        errors.add(new FieldError("proposedBasePay", bandProblem(target, proposedBasePay)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Optional<Instant> lastClosed = jdbc.sql("""
            SELECT max(closed_at) FROM promotion WHERE employee_id = ? AND to_level = ? AND status IN ('REJECTED', 'DECLINED')""")
        .params(employeeId, target.code())
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional()
        .filter(java.util.Objects::nonNull)
        .map(OffsetDateTime::toInstant);
    if (lastClosed.isPresent()) {
      LocalDate opens = companyTime.today(lastClosed.get()).plusDays(coolingOffDays());
      if (companyTime.today(now).isBefore(opens)) {
        throw new PromotionConflictException(io.perfflow.Msg.of("promotion.error.coolingOff", employeeId, target.code(),
            companyTime.today(lastClosed.get()), opens, coolingOffDays()));
      }
    }
    Ladder.Level current = ladder.level(p.level()).orElse(null);
    BigDecimal oldAllowance = employeeAllowance(employeeId).orElse(current == null || current.allowancePercent() == null ? BigDecimal.ZERO : current.allowancePercent());
    BigDecimal newBase = proposedBasePay != null ? proposedBasePay
        : target.payBand() != null && target.payBand().min() != null && p.basePay().compareTo(target.payBand().min()) < 0 ? target.payBand().min()
        : p.basePay();
    BigDecimal newAllowance = target.allowancePercent() == null ? BigDecimal.ZERO : target.allowancePercent();
    BigDecimal increase = increasePercent(p.basePay(), oldAllowance, newBase, newAllowance);
    Long id = tx.execute(status -> {
      if (jdbc.sql("SELECT count(*) FROM promotion WHERE employee_id = ? AND status NOT IN ('APPLIED', 'REJECTED', 'DECLINED')")
          .param(employeeId).query(Long.class).single() > 0) {
        throw new PromotionConflictException(io.perfflow.Msg.of("promotion.error.inProgress", employeeId));
      }
      long created = jdbc.sql("""
              INSERT INTO promotion (employee_id, track, from_level, to_level, nominated_by, justification, status, nominated_at,
                old_base_pay, old_allowance_percent, proposed_base_pay, pay_increase_percent, allowance_percent)
              VALUES (?, ?, ?, ?, ?, ?, 'NOMINATED', ?, ?, ?, ?, ?, ?) RETURNING id""")
          .params(employeeId, p.track(), p.level(), target.code(), actor, justification.strip(), Timestamp.from(now), p.basePay(), oldAllowance,
              proposedBasePay, increase, target.allowancePercent())
          .query(Long.class)
          .single();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("employeeId", employeeId);
      details.put("fromLevel", p.level());
      details.put("toLevel", target.code());
      details.put("payIncreasePercent", increase);
      details.put("justification", justification.strip());
      audit.append(actor, "PROMOTION_NOMINATED", PromotionProcesses.promotion(created), details);
      return created;
    });
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("promotionId", id);
    vars.put("employeeId", employeeId);
    vars.put("nominatorId", actor);
    if (p.managerId() != null) {
      vars.put("managerId", p.managerId());
    }
    vars.put("track", p.track());
    vars.put("toLevel", target.code());
    vars.put("payIncreasePercent", increase);
    long key;
    try {
      key = launcher.start(PromotionProcesses.PROMOTION_PROCESS, vars);
    } catch (RuntimeException e) {
      // Nothing half-written: the nomination did not start, so it is not kept.
      jdbc.sql("DELETE FROM promotion WHERE id = ? AND process_instance_key IS NULL").param(id).update();
      throw e;
    }
    jdbc.sql("UPDATE promotion SET process_instance_key = ? WHERE id = ?").params(key, id).update();
    return get(id);
  }

  static BigDecimal increasePercent(BigDecimal oldBase, BigDecimal oldAllowance, BigDecimal newBase, BigDecimal newAllowance) {
    BigDecimal before = oldBase.multiply(BigDecimal.ONE.add(oldAllowance.movePointLeft(2)));
    BigDecimal after = newBase.multiply(BigDecimal.ONE.add(newAllowance.movePointLeft(2)));
    if (before.signum() == 0) {
      return after.signum() == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(100).setScale(2);
    }
    return after.divide(before, 6, RoundingMode.HALF_UP).subtract(BigDecimal.ONE).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
  }

  private Optional<BigDecimal> employeeAllowance(String employeeId) {
    return jdbc.sql("SELECT allowance_percent FROM employee WHERE id = ?").param(employeeId).query(BigDecimal.class).optional()
        .filter(java.util.Objects::nonNull);
  }

  static io.perfflow.Msg bandProblem(Ladder.Level level, BigDecimal pay) {
    return io.perfflow.Msg.of("promotion.error.outsideBand", pay.stripTrailingZeros().toPlainString(), level.name(), level.code(), String.valueOf(level.payBand()));
  }

  // --- the process's steps ----------------------------------------------------------------------

  /** Evaluates the criteria of the target level now and keeps the snapshot (once: a redelivered job gets the same answer). */
  @Transactional
  public boolean checkEligibility(long id, Instant at) {
    Promotion p = get(id);
    if (p.eligible() != null) {
      return p.eligible();
    }
    Ladder ladder = ladders.get(p.track());
    Ladder.Level level = ladder.level(p.toLevel()).orElseThrow(() -> new IllegalStateException(
        "Promotion " + id + ": level '" + p.toLevel() + "' is no longer on track '" + p.track() + "'"));
    LocalDate asOf = companyTime.today(at);
    List<CriterionResult> results = careers.evaluate(careers.requirePosition(p.employeeId()), level, asOf);
    boolean eligible = CriteriaEvaluator.allMet(results);
    jdbc.sql("UPDATE promotion SET eligible = ?, criteria_snapshot = ?::jsonb, checked_at = ? WHERE id = ? AND eligible IS NULL")
        .params(eligible, toJson(results), Timestamp.from(at), id)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("eligible", eligible);
    details.put("asOf", asOf.toString());
    details.put("unmet", results.stream().filter(r -> !r.met()).map(CriterionResult::description).toList());
    audit.append(AuditLog.SYSTEM, "PROMOTION_ELIGIBILITY_CHECKED", PromotionProcesses.promotion(id), details, "promotion-eligibility:" + id);
    return eligible;
  }

  /** HR's exception for a nomination that is not eligible: GRANT (with a reason) or DECLINE (ends it). */
  @Transactional
  public void recordException(long id, String decision, String reason, Instant at) {
    String actor = lastCompletedBy(id, "hr-exception");
    if (!"GRANT".equals(decision) && !"DECLINE".equals(decision)) {
      throw new IllegalArgumentException("Promotion " + id + ": exception decision must be GRANT or DECLINE, got '" + decision + "'");
    }
    boolean decline = "DECLINE".equals(decision);
    int changed = jdbc.sql("""
            UPDATE promotion SET exception_decision = ?, exception_reason = ?, exception_by = ?,
              status = CASE WHEN ? THEN 'DECLINED' ELSE status END, closed_at = CASE WHEN ? THEN ? ELSE closed_at END
            WHERE id = ? AND exception_decision IS NULL""")
        .params(decision, reason, actor, decline, decline, Timestamp.from(at), id)
        .update();
    if (changed > 0) {
      audit.append(actor, decline ? "PROMOTION_EXCEPTION_DECLINED" : "PROMOTION_EXCEPTION_GRANTED", PromotionProcesses.promotion(id),
          Map.of("decision", decision, "reason", reason == null ? "" : reason));
    }
  }

  /** One approver group's decision at one level; returns whether it rejected. */
  @Transactional
  public boolean recordApproval(long id, int level, String group, String decision, String comment, Instant at) {
    get(id);
    if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
      throw new IllegalArgumentException("Promotion " + id + ": approval decision must be APPROVE or REJECT, got '" + decision + "'");
    }
    String actor = tasks.completedOf(PromotionProcesses.promotion(id)).stream()
        .filter(t -> t.elementId().equals("approve-promotion") && t.candidateGroups().contains(group))
        .map(t -> t.completedBy() != null ? t.completedBy() : t.assignee() != null ? t.assignee() : "unknown")
        .findFirst().orElse("unknown");
    int inserted = jdbc.sql("""
            INSERT INTO promotion_approval (promotion_id, level, group_id, decision, comment, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
        .params(id, level, group, decision, comment, actor, Timestamp.from(at))
        .update();
    if (inserted > 0) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("level", level);
      details.put("group", group);
      details.put("decision", decision);
      details.put("comment", comment == null ? "" : comment);
      audit.append(actor, "REJECT".equals(decision) ? "PROMOTION_APPROVAL_REJECTED" : "PROMOTION_APPROVAL_GRANTED",
          PromotionProcesses.promotion(id), details);
    }
    return "REJECT".equals(decision);
  }

  /** A rejection ends the promotion; the reasons are the rejecting approvers' comments. */
  @Transactional
  public Promotion recordRejection(long id, Instant at) {
    List<Approval> rejections = approvals(id).stream().filter(a -> "REJECT".equals(a.decision())).toList();
    String by = String.join(", ", rejections.stream().map(Approval::decidedBy).distinct().toList());
    String reasons = String.join(" / ", rejections.stream().map(a -> a.group() + ": " + (a.comment() == null ? "" : a.comment())).toList());
    int changed = jdbc.sql("""
            UPDATE promotion SET status = 'REJECTED', rejected_by = ?, rejection_reason = ?, closed_at = ?
            WHERE id = ? AND status NOT IN ('REJECTED', 'DECLINED', 'APPLIED')""")
        .params(by, reasons, Timestamp.from(at), id)
        .update();
    if (changed > 0) {
      audit.append(AuditLog.SYSTEM, "PROMOTION_REJECTED", PromotionProcesses.promotion(id), Map.of("rejectedBy", by, "reasons", reasons));
    }
    return get(id);
  }

  /**
   * HR's finalisation: the effective date and the new base pay, which must lie in the level's pay
   * band (400 naming the band). The allowance is the level's.
   */
  @Transactional
  public Promotion recordFinalisation(long id, LocalDate effectiveOn, BigDecimal newBasePay, String comment, Instant at) {
    Promotion p = get(id);
    checkFinalisation(p, effectiveOn, newBasePay, at);
    String actor = lastCompletedBy(id, "finalise-promotion");
    int changed = jdbc.sql("""
            UPDATE promotion SET status = 'SCHEDULED', effective_on = ?, new_base_pay = ?, finalised_by = ?, finalise_comment = ?
            WHERE id = ? AND status NOT IN ('SCHEDULED', 'APPLIED', 'REJECTED', 'DECLINED')""")
        .params(effectiveOn, newBasePay, actor, comment, id)
        .update();
    if (changed > 0) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("effectiveOn", effectiveOn.toString());
      details.put("newBasePay", newBasePay);
      details.put("allowancePercent", p.allowancePercent() == null ? BigDecimal.ZERO : p.allowancePercent());
      audit.append(actor, "PROMOTION_FINALISED", PromotionProcesses.promotion(id), details);
    }
    return get(id);
  }

  /** The finalise form's rules that need the promotion: the pay band, and an effective date from today to a year ahead. */
  public void checkFinalisation(Promotion p, LocalDate effectiveOn, BigDecimal newBasePay, Instant now) {
    Ladder.Level level = ladders.get(p.track()).level(p.toLevel()).orElseThrow(() -> new IllegalStateException(
        "Promotion " + p.id() + ": level '" + p.toLevel() + "' is no longer on track '" + p.track() + "'"));
    checkFinalisation(level, effectiveOn, newBasePay, companyTime.today(now));
  }

  /** {@code today} is the company day (the engine clock's date in the company time zone). */
  static void checkFinalisation(Ladder.Level level, LocalDate effectiveOn, BigDecimal newBasePay, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (effectiveOn == null) {
      errors.add(new FieldError("effectiveDate", io.perfflow.Msg.of("errors.required")));
    } else if (effectiveOn.isBefore(today) || effectiveOn.isAfter(today.plusYears(1))) {
      errors.add(new FieldError("effectiveDate", io.perfflow.Msg.of("promotion.error.effectiveDate", today, effectiveOn)));
    }
    if (newBasePay == null) {
      errors.add(new FieldError("newBasePay", io.perfflow.Msg.of("errors.required")));
    } else if (io.perfflow.Numbers.problem(newBasePay, BigDecimal.ZERO, CareerLadders.MAX_PAY, 2).isPresent()) {
      errors.add(new FieldError("newBasePay", io.perfflow.Numbers.problem(newBasePay, BigDecimal.ZERO, CareerLadders.MAX_PAY, 2).get()));
    } else if (level.payBand() != null && !level.payBand().contains(newBasePay)) {
      errors.add(new FieldError("newBasePay", bandProblem(level, newBasePay)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** On the effective date: level, level since, base pay and allowance change (once). */
  @Transactional
  public Promotion apply(long id, Instant at) {
    Promotion p = get(id);
    if (p.status() == PromotionStatus.APPLIED) {
      return p;
    }
    if (p.status() != PromotionStatus.SCHEDULED) {
      throw new IllegalStateException("Promotion " + id + " is " + p.status() + ", not SCHEDULED: it cannot take effect");
    }
    jdbc.sql("UPDATE employee SET level = ?, level_since = ?, base_pay = ?, allowance_percent = ? WHERE id = ?")
        .params(p.toLevel(), p.effectiveOn(), p.newBasePay(), p.allowancePercent(), p.employeeId())
        .update();
    jdbc.sql("UPDATE promotion SET status = 'APPLIED', applied_at = ?, closed_at = ? WHERE id = ?")
        .params(Timestamp.from(at), Timestamp.from(at), id)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("employeeId", p.employeeId());
    details.put("fromLevel", p.fromLevel());
    details.put("toLevel", p.toLevel());
    details.put("oldBasePay", p.oldBasePay());
    details.put("newBasePay", p.newBasePay());
    details.put("allowancePercent", p.allowancePercent() == null ? BigDecimal.ZERO : p.allowancePercent());
    details.put("effectiveOn", p.effectiveOn().toString());
    audit.append(AuditLog.SYSTEM, "PROMOTION_APPLIED", PromotionProcesses.promotion(id), details);
    return get(id);
  }

  /** While a promotion's human step is open, its status says which (TaskLifecycle). */
  void setStatus(long id, PromotionStatus status) {
    jdbc.sql("UPDATE promotion SET status = ? WHERE id = ? AND status NOT IN ('SCHEDULED', 'APPLIED', 'REJECTED', 'DECLINED')")
        .params(status.name(), id)
        .update();
  }

  private String lastCompletedBy(long id, String elementId) {
    return tasks.completedOf(PromotionProcesses.promotion(id)).stream()
        .filter(t -> t.elementId().equals(elementId))
        .map(t -> t.completedBy() != null ? t.completedBy() : t.assignee() != null ? t.assignee() : "unknown")
        .findFirst()
        .orElse("unknown");
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final String SELECT = "SELECT p.*, e.name AS employee_name FROM promotion p JOIN employee e ON e.id = p.employee_id";

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Promotion promotion(ResultSet rs, int row) throws SQLException {
    return new Promotion(
        rs.getLong("id"), rs.getString("employee_id"), rs.getString("employee_name"), rs.getString("track"), rs.getString("from_level"),
        rs.getString("to_level"), rs.getString("nominated_by"), rs.getString("justification"), PromotionStatus.valueOf(rs.getString("status")),
        instant(rs, "nominated_at"), (Long) rs.getObject("process_instance_key"), (Boolean) rs.getObject("eligible"),
        rs.getString("criteria_snapshot"), rs.getString("exception_decision"), rs.getString("exception_reason"), rs.getString("exception_by"),
        rs.getBigDecimal("old_base_pay"), rs.getBigDecimal("proposed_base_pay"), rs.getBigDecimal("pay_increase_percent"),
        rs.getBigDecimal("allowance_percent"), rs.getObject("effective_on", LocalDate.class), rs.getBigDecimal("new_base_pay"),
        rs.getString("finalised_by"), instant(rs, "applied_at"), rs.getString("rejected_by"), rs.getString("rejection_reason"),
        instant(rs, "closed_at"));
  }
}
