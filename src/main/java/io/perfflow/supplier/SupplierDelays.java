package io.perfflow.supplier;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditEvent;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.ProcessLauncher;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supplier-delay cases: the set-based scan over the procurement ERP's purchase orders, and every
 * step of a case's escalation (recorded here, audited, and readable as the case's timeline).
 */
@Service
public class SupplierDelays {
  private static final Logger LOG = LoggerFactory.getLogger(SupplierDelays.class);
  public static final String SYSTEM = AuditLog.SYSTEM;
  public static final String DETECTED_MESSAGE = "supplier-delay-detected";
  public static final String DELIVERED_MESSAGE = "po-delivered";
  public static final Set<String> ACTIONS = Set.of("EXPEDITE", "SWITCH_SUPPLIER", "ACCEPT_NEW_DATE", "CANCEL_ORDER");
  /** A delivery noticed while the instance is between two steps waits this long for it. */
  static final Duration DELIVERED_TTL = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final TransactionTemplate tx;
  private final TaskInbox tasks;

  public SupplierDelays(JdbcClient jdbc, AuditLog audit, ProcessLauncher launcher, TransactionTemplate tx, TaskInbox tasks) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.audit = audit;
    this.launcher = launcher;
    this.tx = tx;
  }

  public record BadRow(String orderId, List<String> problems) {}

  public record OpenedCase(long caseId, String orderId, String buyerId, int daysLate) {}

  public record ScanResult(List<OpenedCase> opened, List<BadRow> badRows, int deliveriesNotified, int startsRepublished) {}

  // --- the scan -------------------------------------------------------------------------------

  /**
   * Opens one case per purchase order that is undelivered and more than {@code thresholdDays}
   * past its promised date on {@code now}'s date (UTC) and has never had a case; starts its
   * escalation; tells the open cases whose order has meanwhile been delivered. Rows with bad data
   * (a negative quantity, a delivery before the order date) are reported and skipped.
   */
  public ScanResult scan(Instant now, int thresholdDays) {
    if (thresholdDays < 0) {
      throw new IllegalArgumentException("The threshold must not be negative, got " + thresholdDays);
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate cutoff = today.minusDays(thresholdDays);
    ScanResult inDb = tx.execute(status -> openCases(now, today, cutoff));
    List<OpenedCase> opened = inDb.opened();
    // The engine's half of "one case per order": the escalation starts by a message start event
    // correlated on the order id (one active instance per correlation key; a message with a time
    // to live of zero is never buffered for later).
    for (OpenedCase c : opened) {
      startEscalation(c.caseId(), c.orderId(), c.buyerId());
    }
    int republished = 0;
    // A case whose start message was lost (the application stopped in between): start it again.
    for (Map<String, Object> orphan :
        jdbc.sql(
                """
                SELECT id, order_id, buyer_id FROM supplier_delay_case
                WHERE closed_at IS NULL AND process_instance_key IS NULL AND NOT (id = ANY(?))""")
            .param(opened.stream().map(OpenedCase::caseId).toArray(Long[]::new))
            .query()
            .listOfRows()) {
      startEscalation(((Number) orphan.get("id")).longValue(), (String) orphan.get("order_id"), (String) orphan.get("buyer_id"));
      republished++;
    }
    int delivered = 0;
    for (Map<String, Object> c :
        jdbc.sql(
                """
                SELECT c.id, c.order_id FROM supplier_delay_case c JOIN demo.purchase_order po ON po.id = c.order_id
                WHERE c.closed_at IS NULL AND po.delivered_on IS NOT NULL AND po.delivered_on >= po.ordered_on""")
            .query()
            .listOfRows()) {
      long caseId = ((Number) c.get("id")).longValue();
      String orderId = (String) c.get("order_id");
      if (launcher.publish(DELIVERED_MESSAGE, orderId, "po-delivered:" + caseId, DELIVERED_TTL, Map.of("deliveredCaseId", caseId))) {
        delivered++;
      }
    }
    ScanResult result = new ScanResult(opened, inDb.badRows(), delivered, republished);
    if (!opened.isEmpty() || !inDb.badRows().isEmpty() || delivered > 0) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("scanAt", now.toString());
      details.put("thresholdDays", thresholdDays);
      details.put("opened", opened.stream().map(OpenedCase::orderId).toList());
      details.put("badRows", inDb.badRows());
      details.put("deliveriesNotified", delivered);
      audit.append(SYSTEM, "SUPPLIER_DELAY_SCAN", null, details);
    }
    if (!inDb.badRows().isEmpty()) {
      LOG.warn("Supplier-delay scan skipped {} purchase order(s) with bad data: {}", inDb.badRows().size(), inDb.badRows());
    }
    return result;
  }

  private ScanResult openCases(Instant now, LocalDate today, LocalDate cutoff) {
    List<BadRow> bad =
        jdbc.sql(
                """
                SELECT po.id, po.quantity, po.ordered_on, po.delivered_on FROM demo.purchase_order po
                WHERE po.status <> 'CANCELLED' AND po.promised_on < ?
                  AND (po.delivered_on IS NULL OR po.delivered_on < po.ordered_on)
                  AND (po.quantity <= 0 OR po.delivered_on < po.ordered_on)
                ORDER BY po.id""")
            .param(cutoff)
            .query((rs, n) -> {
              List<String> problems = new ArrayList<>();
              if (rs.getInt("quantity") <= 0) {
                problems.add("quantity " + rs.getInt("quantity") + " is not positive");
              }
              LocalDate delivered = rs.getObject("delivered_on", LocalDate.class);
              if (delivered != null && delivered.isBefore(rs.getObject("ordered_on", LocalDate.class))) {
                problems.add("delivered on " + delivered + ", before its order date " + rs.getObject("ordered_on", LocalDate.class));
              }
              return new BadRow(rs.getString("id"), problems);
            })
            .list();
    // The database's half: at most one open case per order (partial unique index), so a
    // concurrent scan that read the same late order inserts nothing.
    List<OpenedCase> opened =
        jdbc.sql(
                """
                INSERT INTO supplier_delay_case (order_id, buyer_id, supplier_id, promised_on, days_late, detected_at)
                SELECT po.id, po.buyer_id, po.supplier_id, po.promised_on, ? - po.promised_on, ?
                FROM demo.purchase_order po
                WHERE po.status = 'ORDERED' AND po.delivered_on IS NULL AND po.promised_on < ? AND po.quantity > 0
                  AND NOT EXISTS (SELECT 1 FROM supplier_delay_case c WHERE c.order_id = po.id)
                ORDER BY po.id
                ON CONFLICT (order_id) WHERE closed_at IS NULL DO NOTHING
                RETURNING id, order_id, buyer_id, days_late""")
            .params(today, Timestamp.from(now), cutoff)
            .query((rs, n) -> new OpenedCase(rs.getLong("id"), rs.getString("order_id"), rs.getString("buyer_id"), rs.getInt("days_late")))
            .list();
    for (OpenedCase c : opened) {
      audit.append(SYSTEM, "SUPPLIER_DELAY_DETECTED", SupplierProcesses.supplierCase(c.caseId()),
          details(c.caseId(), 1, "orderId", c.orderId(), "buyerId", c.buyerId(), "daysLate", c.daysLate()),
          "supplier-delay-detected:" + c.caseId());
    }
    return new ScanResult(opened, bad, 0, 0);
  }

  /**
   * After a restart of the embedded engine the open cases' process instances are gone: forget
   * them, so that the next scan starts each case's escalation again (as for a lost start
   * message). Returns how many cases that concerns.
   */
  @org.springframework.transaction.annotation.Transactional
  public int detachFromLostInstances(String reason) {
    List<Long> ids =
        jdbc.sql("SELECT id FROM supplier_delay_case WHERE closed_at IS NULL AND process_instance_key IS NOT NULL ORDER BY id")
            .query(Long.class)
            .list();
    for (long id : ids) {
      jdbc.sql("UPDATE supplier_delay_case SET process_instance_key = NULL WHERE id = ?").param(id).update();
      audit.append(SYSTEM, "SUPPLIER_DELAY_INTERRUPTED", SupplierProcesses.supplierCase(id), Map.of("caseId", id, "reason", reason));
    }
    return ids.size();
  }

  private void startEscalation(long caseId, String orderId, String buyerId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseId", caseId);
    variables.put("orderId", orderId);
    variables.put("buyerId", buyerId);
    try {
      launcher.publish(DETECTED_MESSAGE, orderId, "supplier-delay-case:" + caseId, Duration.ZERO, variables);
    } catch (RuntimeException e) {
      // The next scan starts it (the case has no process instance yet).
      LOG.warn("Could not start the escalation of supplier-delay case {} (order {}); the next scan retries: {}", caseId, orderId, e.getMessage());
    }
  }

  // --- the escalation's steps -------------------------------------------------------------------

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
    if (action == null || !ACTIONS.contains(action)) {
      throw new InvalidInputException("action", "must be one of " + ACTIONS + ", got '" + action + "'");
    }
    SupplierDelayCase before = get(caseId);
    if (!before.isOpen()) {
      return before;
    }
    if ("ACCEPT_NEW_DATE".equals(action)) {
      if (newPromisedOn == null) {
        throw new InvalidInputException("newPromisedOn", "is required when the action is ACCEPT_NEW_DATE");
      }
      if (!newPromisedOn.isAfter(before.promisedOn())) {
        throw new InvalidInputException("newPromisedOn", "must be after the promised date " + before.promisedOn() + ", got " + newPromisedOn);
      }
    }
    String actor = lastCompletedBy(caseId).orElse(SYSTEM);
    return tx.execute(status -> {
      boolean waits = "ACCEPT_NEW_DATE".equals(action);
      jdbc.sql(
              """
              UPDATE supplier_delay_case SET action = ?, action_comment = ?, new_promised_on = ?,
                resolved_by = coalesce(resolved_by, ?), resolved_at = coalesce(resolved_at, ?),
                resolved_at_level = coalesce(resolved_at_level, level),
                status = ?, closed_at = ?, outcome = ?
              WHERE id = ?""")
          .params(action, comment, waits ? newPromisedOn : null, actor, Timestamp.from(at),
              waits ? "WAITING_NEW_DATE" : "RESOLVED", waits ? null : Timestamp.from(at),
              waits ? null : "resolved: " + action, caseId)
          .update();
      if (waits) {
        jdbc.sql("UPDATE demo.purchase_order SET promised_on = ? WHERE id = ? AND status = 'ORDERED'")
            .params(newPromisedOn, before.orderId()).update();
      } else if ("CANCEL_ORDER".equals(action)) {
        jdbc.sql("UPDATE demo.purchase_order SET status = 'CANCELLED' WHERE id = ? AND status = 'ORDERED'")
            .param(before.orderId()).update();
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
    Map<String, Object> order = order(c.orderId());
    if (order.get("delivered_on") != null) {
      recordDelivered(caseId, at, dedupeKey);
      return true;
    }
    LocalDate newDate = c.newPromisedOn() != null ? c.newPromisedOn() : c.promisedOn();
    int daysLate = (int) Math.max(0, LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay() - newDate.toEpochDay());
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

  // --- reading --------------------------------------------------------------------------------

  public Optional<SupplierDelayCase> find(long id) {
    return jdbc.sql("SELECT * FROM supplier_delay_case WHERE id = ?").param(id).query(SupplierDelays::row).optional();
  }

  public SupplierDelayCase get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("No supplier-delay case " + id));
  }

  /**
   * Cases, newest first, or open ones by days late; {@code status} is a case status or
   * {@code open}/{@code closed}.
   */
  public List<SupplierDelayCase> list(String status, String buyerId) {
    StringBuilder sql = new StringBuilder("SELECT * FROM supplier_delay_case WHERE true");
    List<Object> params = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      String s = status.trim().toUpperCase();
      switch (s) {
        case "OPEN_ALL", "ACTIVE" -> sql.append(" AND closed_at IS NULL");
        case "CLOSED" -> sql.append(" AND closed_at IS NOT NULL");
        case "OPEN", "WAITING_NEW_DATE", "RESOLVED", "DELIVERED" -> {
          sql.append(" AND status = ?");
          params.add(s);
        }
        default -> throw new InvalidInputException("status", "must be OPEN, WAITING_NEW_DATE, RESOLVED, DELIVERED, ACTIVE or CLOSED, got '" + status + "'");
      }
    }
    if (buyerId != null && !buyerId.isBlank()) {
      sql.append(" AND buyer_id = ?");
      params.add(buyerId);
    }
    sql.append(" ORDER BY days_late DESC, id");
    return jdbc.sql(sql.toString()).params(params).query(SupplierDelays::row).list();
  }

  /** The purchase order as the ERP holds it now, with its supplier's name. */
  public Map<String, Object> order(String orderId) {
    return jdbc.sql(
            """
            SELECT po.*, s.name AS supplier_name FROM demo.purchase_order po
            LEFT JOIN demo.supplier s ON s.id = po.supplier_id WHERE po.id = ?""")
        .param(orderId)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No purchase order " + orderId));
  }

  public List<AuditEvent> timeline(long caseId) {
    get(caseId);
    return audit.historyOf(SupplierProcesses.supplierCase(caseId));
  }

  /** The cases behind a buyer's emergency-response KPI for a period (detected in it). */
  public List<Long> caseIdsOfPeriod(String buyerId, YearMonth period) {
    return jdbc.sql(
            """
            SELECT id FROM supplier_delay_case WHERE buyer_id = ?
              AND detected_at >= CAST(? AS timestamp) AT TIME ZONE 'UTC' AND detected_at < CAST(? AS timestamp) AT TIME ZONE 'UTC'
            ORDER BY detected_at, id""")
        .params(buyerId, period.atDay(1), period.plusMonths(1).atDay(1))
        .query(Long.class)
        .list();
  }

  /** The cases of a buyer's orders whose (current) promised date is in the period. */
  public List<Long> caseIdsOfOrdersPromisedIn(String buyerId, YearMonth period) {
    return jdbc.sql(
            """
            SELECT c.id FROM supplier_delay_case c JOIN demo.purchase_order po ON po.id = c.order_id
            WHERE c.buyer_id = ? AND po.promised_on >= ? AND po.promised_on < ? ORDER BY c.id""")
        .params(buyerId, period.atDay(1), period.plusMonths(1).atDay(1))
        .query(Long.class)
        .list();
  }

  private Optional<String> lastCompletedBy(long caseId) {
    return tasks.completedOf(SupplierProcesses.supplierCase(caseId)).stream().findFirst().map(UserTask::completedBy);
  }

  private static Map<String, Object> details(long caseId, int level, Object... pairs) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("caseId", caseId);
    d.put("level", level);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      d.put((String) pairs[i], pairs[i + 1]);
    }
    return d;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static SupplierDelayCase row(ResultSet rs, int n) throws SQLException {
    return new SupplierDelayCase(
        rs.getLong("id"),
        rs.getString("order_id"),
        rs.getString("buyer_id"),
        rs.getString("supplier_id"),
        rs.getObject("promised_on", LocalDate.class),
        rs.getInt("days_late"),
        instant(rs, "detected_at"),
        rs.getString("status"),
        rs.getInt("level"),
        rs.getInt("max_level"),
        instant(rs, "managers_notified_at"),
        (Long) rs.getObject("process_instance_key"),
        rs.getString("action"),
        rs.getString("action_comment"),
        rs.getObject("new_promised_on", LocalDate.class),
        rs.getString("resolved_by"),
        instant(rs, "resolved_at"),
        (Integer) rs.getObject("resolved_at_level"),
        rs.getInt("reopen_count"),
        instant(rs, "closed_at"),
        rs.getString("outcome"));
  }
}
