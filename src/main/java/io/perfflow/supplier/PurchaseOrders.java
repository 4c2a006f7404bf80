package io.perfflow.supplier;

import io.perfflow.NotFoundException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The procurement ERP's purchase orders (schema {@code demo}, another system): the only class
 * that reads or writes them. A late order is undelivered, ORDERED and past its promised date.
 */
@Component
public class PurchaseOrders {
  private final JdbcClient jdbc;

  public PurchaseOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record LateOrder(String id, String buyerId, String supplierId, LocalDate promisedOn) {}

  /** Orders promised before {@code cutoff}, still ORDERED and undelivered, with sane data. */
  public List<LateOrder> lateOrders(LocalDate cutoff) {
    return jdbc.sql(
            """
            SELECT po.id, po.buyer_id, po.supplier_id, po.promised_on FROM source.purchase_order po
            WHERE po.status = 'ORDERED' AND po.delivered_on IS NULL AND po.promised_on < ? AND po.quantity > 0
            ORDER BY po.id""")
        .param(cutoff)
        .query((rs, n) -> new LateOrder(rs.getString("id"), rs.getString("buyer_id"), rs.getString("supplier_id"),
            rs.getObject("promised_on", LocalDate.class)))
        .list();
  }

  /**
   * Orders past {@code cutoff} the scan cannot judge because of bad data (a quantity that is not
   * positive, a delivery before the order date), each with what is wrong.
   */
  public List<SupplierDelays.BadRow> badLateRows(LocalDate cutoff) {
    return jdbc.sql(
            """
            SELECT po.id, po.quantity, po.ordered_on, po.delivered_on FROM source.purchase_order po
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
          return new SupplierDelays.BadRow(rs.getString("id"), problems);
        })
        .list();
  }

  /** Of {@code orderIds}, those delivered (on or after their order date). */
  public List<String> delivered(Collection<String> orderIds) {
    if (orderIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT id FROM source.purchase_order
            WHERE id = ANY(?) AND delivered_on IS NOT NULL AND delivered_on >= ordered_on ORDER BY id""")
        .param(orderIds.toArray(String[]::new))
        .query(String.class)
        .list();
  }

  /** A buyer's orders whose (current) promised date is in the period. */
  public List<String> promisedIn(String buyerId, YearMonth period) {
    return jdbc.sql(
            "SELECT id FROM source.purchase_order WHERE buyer_id = ? AND promised_on >= ? AND promised_on < ? ORDER BY id")
        .params(buyerId, period.atDay(1), period.plusMonths(1).atDay(1))
        .query(String.class)
        .list();
  }

  /** The order as the ERP holds it now, with its supplier's name. */
  public Map<String, Object> order(String orderId) {
    return jdbc.sql(
            """
            SELECT po.*, s.name AS supplier_name FROM source.purchase_order po
            LEFT JOIN source.supplier s ON s.id = po.supplier_id WHERE po.id = ?""")
        .param(orderId)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("supplier.error.noOrder", orderId)));
  }

  /** The buyer accepted a new date: the ERP's promised date moves (while the order is open). */
  public void movePromisedDate(String orderId, LocalDate newPromisedOn) {
    jdbc.sql("UPDATE source.purchase_order SET promised_on = ? WHERE id = ? AND status = 'ORDERED'").params(newPromisedOn, orderId).update();
  }

  public void cancel(String orderId) {
    jdbc.sql("UPDATE source.purchase_order SET status = 'CANCELLED' WHERE id = ? AND status = 'ORDERED'").param(orderId).update();
  }
}
