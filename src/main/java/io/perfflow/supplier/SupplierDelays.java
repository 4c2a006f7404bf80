package io.perfflow.supplier;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditEvent;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.ProcessLauncher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supplier-delay cases: the scan over the procurement ERP's purchase orders (read through
 * {@link PurchaseOrders}) that opens them, and reading them and their timeline. The steps of a
 * case's escalation are {@link SupplierDelayEscalation}'s.
 */
@Service
public class SupplierDelays {
  private static final Logger LOG = LoggerFactory.getLogger(SupplierDelays.class);
  public static final String SYSTEM = AuditLog.SYSTEM;
  public static final String DETECTED_MESSAGE = "supplier-delay-detected";
  public static final String DELIVERED_MESSAGE = "po-delivered";
  /** A delivery noticed while the instance is between two steps waits this long for it. */
  static final Duration DELIVERED_TTL = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ProcessLauncher launcher;
  private final TransactionTemplate tx;
  private final PurchaseOrders orders;
  private final io.perfflow.CompanyTime companyTime;

  public SupplierDelays(JdbcClient jdbc, AuditLog audit, ProcessLauncher launcher, TransactionTemplate tx, PurchaseOrders orders,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.orders = orders;
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
   * past its promised date on {@code now}'s date in the company time zone and has never had a case; starts its
   * escalation; tells the open cases whose order has meanwhile been delivered. Rows with bad data
   * (a negative quantity, a delivery before the order date) are reported and skipped.
   */
  public ScanResult scan(Instant now, int thresholdDays) {
    if (thresholdDays < 0) {
      throw new IllegalArgumentException("The threshold must not be negative, got " + thresholdDays);
    }
    LocalDate today = companyTime.today(now);
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
    Map<String, Long> openCaseOfOrder = new LinkedHashMap<>();
    jdbc.sql("SELECT id, order_id FROM supplier_delay_case WHERE closed_at IS NULL ORDER BY id")
        .query(rs -> {
          openCaseOfOrder.put(rs.getString("order_id"), rs.getLong("id"));
        });
    for (String orderId : orders.delivered(openCaseOfOrder.keySet())) {
      long caseId = openCaseOfOrder.get(orderId);
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
    List<BadRow> bad = orders.badLateRows(cutoff);
    // The database's half: at most one open case per order (partial unique index), so a
    // concurrent scan that read the same late order inserts nothing; an order that ever had a
    // case gets no second one.
    List<OpenedCase> opened = new ArrayList<>();
    for (PurchaseOrders.LateOrder late : orders.lateOrders(cutoff)) {
      int daysLate = (int) (today.toEpochDay() - late.promisedOn().toEpochDay());
      jdbc.sql(
              """
              INSERT INTO supplier_delay_case (order_id, buyer_id, supplier_id, promised_on, days_late, detected_at)
              SELECT ?, ?, ?, ?, ?, ?
              WHERE NOT EXISTS (SELECT 1 FROM supplier_delay_case c WHERE c.order_id = ?)
              ON CONFLICT (order_id) WHERE closed_at IS NULL DO NOTHING
              RETURNING id""")
          .params(late.id(), late.buyerId(), late.supplierId(), late.promisedOn(), daysLate, Timestamp.from(now), late.id())
          .query(Long.class)
          .optional()
          .ifPresent(id -> opened.add(new OpenedCase(id, late.id(), late.buyerId(), daysLate)));
    }
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

  // --- reading --------------------------------------------------------------------------------

  public Optional<SupplierDelayCase> find(long id) {
    return jdbc.sql("SELECT * FROM supplier_delay_case WHERE id = ?").param(id).query(SupplierDelays::row).optional();
  }

  public SupplierDelayCase get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("supplier.error.noCase", id)));
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
        case "OPEN", "WAITING_NEW_DATE", "RESOLVED", "DELIVERED" -> { // SupplierDelayStatus
          sql.append(" AND status = ?");
          params.add(s);
        }
        default -> throw new InvalidInputException("status", io.perfflow.Msg.of("supplier.error.status", status));
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
    return orders.order(orderId);
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
              AND detected_at >= ? AND detected_at < ?
            ORDER BY detected_at, id""")
        // the period's days in the company zone, as the emergency-response metric reads them
        .params(buyerId, java.sql.Timestamp.from(companyTime.startOf(period)), java.sql.Timestamp.from(companyTime.endOf(period)))
        .query(Long.class)
        .list();
  }

  /** The cases of a buyer's orders whose (current) promised date is in the period. */
  public List<Long> caseIdsOfOrdersPromisedIn(String buyerId, YearMonth period) {
    List<String> orderIds = orders.promisedIn(buyerId, period);
    if (orderIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT id FROM supplier_delay_case WHERE buyer_id = ? AND order_id = ANY(?) ORDER BY id")
        .params(buyerId, orderIds.toArray(String[]::new))
        .query(Long.class)
        .list();
  }

  static Map<String, Object> details(long caseId, int level, Object... pairs) {
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
        SupplierDelayStatus.valueOf(rs.getString("status")),
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
