package io.perfflow.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills schema source (the company systems' data, simulated) with 2025-06 to 2026-12 of data for the demo
 * company's stores and employees. Deterministic: fixed seeds, so every machine gets the same data
 * and the same ratings. Runs only when source.store is empty.
 */
@Component
public class DemoSourceDataGenerator {
  public static final YearMonth FIRST_MONTH = YearMonth.of(2025, 6);
  public static final YearMonth LAST_MONTH = YearMonth.of(2026, 12);
  private static final long SEED = 20_250_601L;
  private static final Logger log = LoggerFactory.getLogger(DemoSourceDataGenerator.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public DemoSourceDataGenerator(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Generates the demo data unless source.store already has rows; true when it generated. */
  public boolean generateIfEmpty() {
    long started = System.nanoTime();
    Boolean generated = transaction.execute(status -> {
      // Two instances starting at once: the second waits here, then finds the data.
      jdbc.execute("LOCK TABLE source.store IN EXCLUSIVE MODE");
      if (jdbc.queryForObject("SELECT count(*) FROM source.store", Long.class) > 0) {
        return false;
      }
      DemoRows rows = generate();
      rows.writeTo(jdbc);
      addSupplierDelayHistory();
      return true;
    });
    if (Boolean.TRUE.equals(generated)) {
      log.info("Generated the demo company systems' data in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
    return Boolean.TRUE.equals(generated);
  }

  /**
   * The supplier-delay cases PerfFlow would have handled in the simulated past: one per order
   * delivered more than two days late, detected three days after its promised date at 09:00 UTC
   * and resolved by the buyer (EXPEDITE) after the buyer's average incident response time of that
   * month, so the emergency-response KPI (which reads the cases) follows the simulated buyer.
   */
  private void addSupplierDelayHistory() {
    jdbc.update(
        """
        INSERT INTO perfflow.supplier_delay_case (order_id, buyer_id, supplier_id, promised_on, days_late, detected_at,
            status, level, max_level, action, action_comment, resolved_by, resolved_at, resolved_at_level, closed_at, outcome)
        SELECT po.id, po.buyer_id, po.supplier_id, po.promised_on, 3, d.detected, 'RESOLVED', 1, 1, 'EXPEDITE',
               'demo history', po.buyer_id, d.detected + r.response, 1, d.detected + r.response, 'resolved: EXPEDITE'
        FROM source.purchase_order po
        CROSS JOIN LATERAL (SELECT CAST(po.promised_on + 3 + TIME '09:00' AS timestamp) AT TIME ZONE 'UTC' AS detected) d
        CROSS JOIN LATERAL (
          SELECT coalesce(avg(i.responded_at - i.opened_at), INTERVAL '24 hours') AS response FROM source.supplier_incident i
          WHERE i.buyer_id = po.buyer_id AND i.responded_at IS NOT NULL
            AND date_trunc('month', i.opened_at) = date_trunc('month', CAST(po.promised_on + 3 AS timestamp))) r
        WHERE po.status = 'DELIVERED' AND po.delivered_on > po.promised_on + 2
        ORDER BY po.id""");
  }

  private DemoRows generate() {
    DemoRows rows = new DemoRows();
    addStoresAndSuppliers(rows);
    var marketplace = new DemoMarketplaceSimulation(new Random(SEED), rows);
    for (DemoCompany.DemoStore store : DemoCompany.STORES) {
      String operator = staff("operations").stream().filter(e -> store.id().equals(e.storeId()))
          .map(DemoCompany.DemoEmployee::id).findFirst().orElse(null);
      marketplace.simulate(store, operator, later(FIRST_MONTH, YearMonth.from(store.openedOn())), LAST_MONTH);
    }
    var procurement = new DemoProcurementSimulation(new Random(SEED + 1), rows);
    for (DemoCompany.DemoEmployee buyer : staff("procurement")) {
      procurement.simulate(buyer.id(), later(FIRST_MONTH, YearMonth.from(buyer.hiredOn())), LAST_MONTH);
    }
    var customerService = new DemoCustomerServiceSimulation(new Random(SEED + 2), rows);
    for (DemoCompany.DemoStore store : DemoCompany.STORES) {
      List<DemoCompany.DemoEmployee> agents =
          staff("customer-service").stream().filter(e -> store.id().equals(e.storeId())).toList();
      if (!agents.isEmpty()) {
        LocalDate first = later(FIRST_MONTH, YearMonth.from(store.openedOn())).atDay(1);
        customerService.simulate(store, agents, first.isBefore(store.openedOn()) ? store.openedOn() : first, LAST_MONTH.atEndOfMonth());
      }
    }
    var workforce = new DemoWorkforceSimulation(new Random(SEED + 3), rows);
    for (DemoCompany.DemoEmployee employee : DemoCompany.EMPLOYEES) {
      workforce.simulate(employee, later(FIRST_MONTH, YearMonth.from(employee.hiredOn())), LAST_MONTH);
    }
    return rows;
  }

  private static void addStoresAndSuppliers(DemoRows rows) {
    for (DemoCompany.DemoStore store : DemoCompany.STORES) {
      rows.add("INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES (?, ?, ?, ?, ?)",
          store.id(), store.name(), store.marketplace(), store.openedOn(), store.sharedAccount());
    }
    for (int i = 0; i < DemoProcurementSimulation.SUPPLIERS.size(); i++) {
      rows.add("INSERT INTO source.supplier (id, name) VALUES (?, ?)",
          DemoProcurementSimulation.supplierId(i), DemoProcurementSimulation.SUPPLIERS.get(i));
    }
  }

  private static List<DemoCompany.DemoEmployee> staff(String role) {
    return DemoCompany.EMPLOYEES.stream().filter(e -> e.role().equals(role)).toList();
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }
}
