package io.perfflow.supplier;

import io.perfflow.InvalidInputException;
import io.perfflow.audit.AuditLog;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of one supplier-delay case's escalation, each called by a job worker: idempotent,
 * audited about the case (its timeline).
 */
@Service
public class SupplierDelayEscalation {
  private static final String SYSTEM = AuditLog.SYSTEM;

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SupplierDelays delays;
  private final PurchaseOrders orders;
  private final TaskInbox tasks;
  private final TransactionTemplate tx;
  private final io.perfflow.CompanyTime companyTime;

  public SupplierDelayEscalation(
      JdbcClient jdbc, AuditLog audit, SupplierDelays delays, PurchaseOrders orders, TaskInbox tasks, TransactionTemplate tx,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.audit = audit;
    this.delays = delays;
    this.orders = orders;
    this.tasks = tasks;
    this.tx = tx;
  }

  private SupplierDelayCase get(long caseId) {
    return delays.get(caseId);
  }

  private static Map<String, Object> details(long caseId, int level, Object... pairs) {
    return SupplierDelays.details(caseId, level, pairs);
  }

  /** The escalation instance of a case started: remember it (one instance per case). */
  public SupplierDelayCase recordStarted(long caseId, long processInstanceKey) {
    int updated =
        jdbc.sql(
                """
                UPDATE supplier_delay_case SET process_instance_key = ?
                WHERE id = ? AND (process_instance_key IS NULL OR process_instance_key = ?)""")
            .params(processInstanceKey, caseId, processInstanceKey)
            .update();
    SupplierDelayCase c = get(caseId);
    if (updated == 0) {
      throw new IllegalStateException(
          "Supplier-delay case " + caseId + " already runs in process instance " + c.processInstanceKey() + ", not " + processInstanceKey);
    }
    return c;
  }

  /**
   * Level 1 reached its first deadline (the procurement managers are told; the buyer keeps the
   * task), or level 2 (the task goes to the procurement managers).
   */
  public void recordEscalation(long caseId, int level, Instant at, String dedupeKey) {
    SupplierDelayCase c = get(caseId);
    if (level == 1) {
      jdbc.sql("UPDATE supplier_delay_case SET managers_notified_at = coalesce(managers_notified_at, ?) WHERE id = ?")
          .params(Timestamp.from(at), caseId).update();
      audit.append(SYSTEM, "SUPPLIER_DELAY_MANAGERS_NOTIFIED", SupplierProcesses.supplierCase(caseId),
          details(caseId, 1, "orderId", c.orderId(), "at", at.toString(), "taskStaysWith", c.buyerId()), dedupeKey);
    } else if (level == 2) {
      jdbc.sql("UPDATE supplier_delay_case SET level = 2, max_level = 2 WHERE id = ? AND closed_at IS NULL").param(caseId).update();
      audit.append(SYSTEM, "SUPPLIER_DELAY_ESCALATED", SupplierProcesses.supplierCase(caseId),
          details(caseId, 2, "orderId", c.orderId(), "at", at.toString(), "reassignedTo", "procurement-managers"), dedupeKey);
    } else {
      throw new IllegalArgumentException("Escalation level must be 1 or 2, got " + level);
    }
  }

  /**
   * Someone completed "Resolve supplier delay". ACCEPT_NEW_DATE moves the order's promised date
   * and waits; CANCEL_ORDER cancels the order in the ERP; EXPEDITE and SWITCH_SUPPLIER close the
   * case. The first resolution ends the case's response time.
   */
  public SupplierDelayCase recordResolution(
      long caseId, String action, String comment, LocalDate newPromisedOn, Instant at, String dedupeKey) {
    SupplierDelayAction act = SupplierDelayAction.parse(action);
    SupplierDelayCase before = get(caseId);
    if (!before.isOpen()) {
      return before;
    }
    if (act == SupplierDelayAction.ACCEPT_NEW_DATE) {
      if (newPromisedOn == null) {
        throw new InvalidInputException("newPromisedOn", io.perfflow.Msg.of("supplier.error.newDateRequired"));
      }
      if (!newPromisedOn.isAfter(before.promisedOn())) {
        throw new InvalidInputException("newPromisedOn", io.perfflow.Msg.of("supplier.error.newDateAfter", before.promisedOn(), newPromisedOn));
      }
    }
    String actor = lastCompletedBy(caseId).orElse(SYSTEM);
    return tx.execute(status -> {
      boolean waits = act == SupplierDelayAction.ACCEPT_NEW_DATE;
      jdbc.sql(
              """
              UPDATE supplier_delay_case SET action = ?, action_comment = ?, new_promised_on = ?,
                resolved_by = coalesce(resolved_by, ?), resolved_at = coalesce(resolved_at, ?),
                resolved_at_level = coalesce(resolved_at_level, level),
                status = ?, closed_at = ?, outcome = ?
              WHERE id = ?""")
          .params(action, comment, waits ? newPromisedOn : null, actor, Timestamp.from(at),
              (waits ? SupplierDelayStatus.WAITING_NEW_DATE : SupplierDelayStatus.RESOLVED).name(), waits ? null : Timestamp.from(at),
              waits ? null : "resolved: " + action, caseId)
          .update();
      if (waits) {
        orders.movePromisedDate(before.orderId(), newPromisedOn);
      } else if (act == SupplierDelayAction.CANCEL_ORDER) {
        orders.cancel(before.orderId());
      }
      Map<String, Object> d = details(caseId, before.level(), "orderId", before.orderId(), "action", action,
          "comment", comment == null ? "" : comment, "at", at.toString());
      if (waits) {
        d.put("newPromisedOn", newPromisedOn.toString());
      }
      audit.append(actor, "SUPPLIER_DELAY_RESOLVED", SupplierProcesses.supplierCase(caseId), d, dedupeKey);
      return get(caseId);
    });
  }

  /** The goods arrived while the case was open: it closes itself. */
  public void recordDelivered(long caseId, Instant at, String dedupeKey) {
    SupplierDelayCase c = get(caseId);
    if (!c.isOpen()) {
      return;
    }
    String outcome = c.action() == null ? "delivered before action" : "delivered after " + c.action();
    jdbc.sql("UPDATE supplier_delay_case SET status = 'DELIVERED', closed_at = ?, outcome = ? WHERE id = ? AND closed_at IS NULL")
        .params(Timestamp.from(at), outcome, caseId).update();
    audit.append(SYSTEM, "SUPPLIER_DELAY_DELIVERED", SupplierProcesses.supplierCase(caseId),
        details(caseId, c.level(), "orderId", c.orderId(), "outcome", outcome, "at", at.toString()), dedupeKey);
  }

  /**
   * The accepted new date has passed: returns true (and closes the case) when the order was
   * delivered meanwhile, otherwise reopens the case at level 1.
   */
  public boolean checkNewDate(long caseId, Instant at, String dedupeKey) {
    SupplierDelayCase c = get(caseId);
    Map<String, Object> order = orders.order(c.orderId());
    if (order.get("delivered_on") != null) {
      recordDelivered(caseId, at, dedupeKey);
      return true;
    }
    LocalDate newDate = c.newPromisedOn() != null ? c.newPromisedOn() : c.promisedOn();
    int daysLate = (int) Math.max(0, companyTime.today(at).toEpochDay() - newDate.toEpochDay());
    jdbc.sql(
            """
            UPDATE supplier_delay_case SET status = 'OPEN', level = 1, promised_on = ?, days_late = ?,
              reopen_count = reopen_count + 1, managers_notified_at = NULL
            WHERE id = ? AND status = 'WAITING_NEW_DATE'""")
        .params(newDate, daysLate, caseId).update();
    audit.append(SYSTEM, "SUPPLIER_DELAY_REOPENED", SupplierProcesses.supplierCase(caseId),
        details(caseId, 1, "orderId", c.orderId(), "missedDate", newDate.toString(), "at", at.toString()), dedupeKey);
    return false;
  }

  private Optional<String> lastCompletedBy(long caseId) {
    return tasks.completedOf(SupplierProcesses.supplierCase(caseId)).stream().findFirst().map(UserTask::completedBy);
  }

}
