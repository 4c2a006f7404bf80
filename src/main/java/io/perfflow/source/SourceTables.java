package io.perfflow.source;

import static io.perfflow.source.SourceColumn.bigint;
import static io.perfflow.source.SourceColumn.bool;
import static io.perfflow.source.SourceColumn.date;
import static io.perfflow.source.SourceColumn.decimal;
import static io.perfflow.source.SourceColumn.integer;
import static io.perfflow.source.SourceColumn.oneOf;
import static io.perfflow.source.SourceColumn.period;
import static io.perfflow.source.SourceColumn.ref;
import static io.perfflow.source.SourceColumn.text;
import static io.perfflow.source.SourceColumn.timestamp;

import io.perfflow.source.SourceTable.RowProblem;
import io.perfflow.source.SourceTable.RowRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every source table the metrics read, as the ingestion API accepts it. The descriptors mirror the
 * tables of schema {@code source} (V2, V10, V30, V40, V107): same types, same checks, so a file that passes
 * them never meets a database constraint. {@code docs/data.md} is kept equal to them by
 * {@code SourceTablesDocTest}. Attendance is received by {@code POST /api/source/attendance}
 * (wellbeing), documented in the same file.
 */
public final class SourceTables {
  private SourceTables() {}

  static final String STORE = "store";
  static final String SUPPLIER = "supplier";

  public static final List<SourceTable> ALL = List.of(
      new SourceTable("stores", "store", "Marketplace stores (shops). Operators are measured on the store their employee record names; customer-service agents on the stores they log in to.",
          List.of(
              text("id", "id", 100, "the store's id in the marketplace systems"),
              text("name", "name", 200, "display name"),
              text("marketplace", "marketplace", 100, "marketplace, e.g. Amazon, Wish, JD"),
              date("openedOn", "opened_on", "the day the store opened (store age picks the customer-service profile)"),
              bool("sharedAccount", "shared_account", "several agents log in to the same store account")),
          List.of("id"), List.of()),
      new SourceTable("store-traffic", "store_traffic", "Visitors per store and day (conversion rate's denominator).",
          List.of(
              ref("storeId", "store_id", STORE, "the store"),
              date("day", "day", "the day"),
              integer("visitors", "visitors", "visitors", 0L, (long) Integer.MAX_VALUE, "distinct visitors that day")),
          List.of("storeId", "day"), List.of()),
      new SourceTable("orders", "marketplace_order", "Marketplace orders.",
          List.of(
              bigint("id", "id", "the order's id in the marketplace"),
              ref("storeId", "store_id", STORE, "the store the order was placed in"),
              date("orderDay", "order_day", "the day it was placed"),
              text("customerId", "customer_id", 100, "the buyer (retention and conversion count distinct customers)"),
              decimal("amount", "amount", "USD", 12, 2, "0", null, "order value"),
              bool("afterSales", "after_sales", "an after-sales case was opened for it")),
          List.of("id"), List.of()),
      new SourceTable("suppliers", "supplier", "Suppliers of the procurement ERP.",
          List.of(
              text("id", "id", 100, "the supplier's id in the ERP"),
              text("name", "name", 200, "name")),
          List.of("id"), List.of()),
      new SourceTable("purchase-orders", "purchase_order", "Purchase orders of the procurement ERP. The supplier-delay scan looks for ORDERED ones past their promised day.",
          List.of(
              text("id", "id", 100, "the order's id in the ERP"),
              ref("supplierId", "supplier_id", SUPPLIER, "the supplier"),
              text("buyerId", "buyer_id", 100, "the buyer (a PerfFlow employee id)"),
              text("item", "item", 200, "what was ordered"),
              // V10 dropped the check: the ERP can hold a bad quantity, the delay scan reports it.
              integer("quantity", "quantity", "units", (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, "units ordered (the delay scan reports a non-positive one)"),
              decimal("budgetCost", "budget_cost", "USD", 12, 2, "0.01", null, "budgeted cost"),
              decimal("actualCost", "actual_cost", "USD", 12, 2, "0", null, "actual cost"),
              date("orderedOn", "ordered_on", "the day it was ordered"),
              date("promisedOn", "promised_on", "the day the supplier promised delivery"),
              date("deliveredOn", "delivered_on", "the day it was delivered; empty until then").optional(),
              oneOf("status", "status", List.of("ORDERED", "DELIVERED", "CANCELLED"), "DELIVERED exactly when deliveredOn is set"),
              integer("returnedQty", "returned_qty", "units", 0L, (long) Integer.MAX_VALUE, "units returned").optional("0"),
              integer("complaints", "complaints", "complaints", 0L, (long) Integer.MAX_VALUE, "quality complaints").optional("0")),
          List.of("id"),
          List.of(new RowRule("status is DELIVERED exactly when deliveredOn is set", row -> {
            boolean delivered = "DELIVERED".equals(row.get("status"));
            if (delivered != (row.get("deliveredOn") != null)) {
              return Optional.of(new RowProblem("deliveredOn", delivered ? "is required when status is DELIVERED" : "must be empty unless status is DELIVERED"));
            }
            return Optional.empty();
          }))),
      new SourceTable("inventory", "inventory_month", "Inventory per buyer and month (inventory turnover = COGS / average inventory value).",
          List.of(
              text("buyerId", "buyer_id", 100, "the buyer"),
              period("period", "period", "the month"),
              decimal("cogs", "cogs", "USD", 14, 2, "0", null, "cost of goods sold in the month"),
              decimal("avgInventoryValue", "avg_inventory_value", "USD", 14, 2, "0.01", null, "average inventory value in the month")),
          List.of("buyerId", "period"), List.of()),
      new SourceTable("store-buyers", "store_buyer", "Which buyer purchases for which store (procurement ERP). A campaign's notice to procurement goes to the buyers of its stores.",
          List.of(
              ref("storeId", "store_id", STORE, "the store"),
              text("buyerId", "buyer_id", 100, "the buyer (a PerfFlow employee id: only employees get the notice)")),
          List.of("storeId", "buyerId"), List.of()),
      new SourceTable("supplier-incidents", "supplier_incident", "Supplier outages and logistics delays a buyer had to handle.",
          List.of(
              bigint("id", "id", "the incident's id"),
              text("buyerId", "buyer_id", 100, "the buyer"),
              ref("supplierId", "supplier_id", SUPPLIER, "the supplier, if one is concerned").optional(),
              oneOf("kind", "kind", List.of("SUPPLIER_OUTAGE", "LOGISTICS_DELAY"), "what happened"),
              timestamp("openedAt", "opened_at", "when it was opened"),
              timestamp("respondedAt", "responded_at", "when the buyer responded; empty while nobody has").optional()),
          List.of("id"),
          List.of(new RowRule("respondedAt is not before openedAt", row -> before(row, "respondedAt", "openedAt", false)))),
      new SourceTable("cs-logins", "cs_login", "Who was logged in to a (possibly shared) store account when; attributes chat sessions to agents.",
          List.of(
              text("agentId", "agent_id", 100, "the agent (a PerfFlow employee id)"),
              ref("storeId", "store_id", STORE, "the store account"),
              timestamp("loginAt", "login_at", "login"),
              timestamp("logoutAt", "logout_at", "logout, after the login")),
          List.of("agentId", "storeId", "loginAt"),
          List.of(new RowRule("logoutAt is after loginAt", row -> before(row, "logoutAt", "loginAt", true)),
              new RowRule("a login window lasts at most 24 hours", SourceTables::atMostADay))),
      new SourceTable("cs-sessions", "cs_session", "Chat sessions as the marketplace logs them: per store account, not per agent.",
          List.of(
              bigint("id", "id", "the session's id"),
              ref("storeId", "store_id", STORE, "the store account"),
              text("customerId", "customer_id", 100, "the customer"),
              timestamp("startedAt", "started_at", "when the session started"),
              integer("firstResponseSeconds", "first_response_seconds", "seconds", 0L, (long) Integer.MAX_VALUE, "time to the first answer"),
              bool("converted", "converted", "the customer bought"),
              integer("satisfaction", "satisfaction", "points 1-5", 1L, 5L, "the customer's rating; empty if not rated").optional(),
              bool("repeatPurchase", "repeat_purchase", "the purchase was by a customer who had bought before")),
          List.of("id"), List.of()),
      new SourceTable("training", "training_progress", "Course progress from the learning system.",
          List.of(
              text("employeeId", "employee_id", 100, "the employee"),
              text("course", "course", 200, "the course"),
              decimal("percent", "percent", "%", 5, 1, "0", "100", "completion"),
              date("updatedOn", "updated_on", "the day of this progress reading")),
          List.of("employeeId", "course", "updatedOn"), List.of()),
      // Career ladders (V40, issue 12).
      new SourceTable("skill-assessments", "skill_assessment", "Skills assessments (career ladders read the latest score up to the end of a period).",
          List.of(
              text("employeeId", "employee_id", 100, "the employee"),
              text("skill", "skill", 200, "the skill assessed"),
              decimal("score", "score", "points", 5, 1, "0", "100", "the assessed score"),
              date("assessedOn", "assessed_on", "the day of the assessment")),
          List.of("employeeId", "skill", "assessedOn"), List.of()),
      new SourceTable("product-launches", "product_launch", "Product launches an employee took part in (career ladders).",
          List.of(
              text("employeeId", "employee_id", 100, "the employee"),
              text("product", "product", 200, "the product launched"),
              date("launchedOn", "launched_on", "the launch day")),
          List.of("employeeId", "product"), List.of()));

  public static Optional<SourceTable> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** {@code later} (if set) must be after {@code earlier} ({@code strict}) or not before it. */
  /**
   * A login window is a shift, not a week: attribution looks for the windows covering a session
   * only among the logins of the day before it (V85), which keeps its cost flat as years of logins
   * pile up.
   */
  private static Optional<RowProblem> atMostADay(Map<String, Object> row) {
    if (row.get("logoutAt") instanceof LocalDateTime out && row.get("loginAt") instanceof LocalDateTime in
        && out.isAfter(in.plusHours(24))) {
      return Optional.of(new RowProblem("logoutAt", "must be at most 24 hours after loginAt (" + in + "), got " + out));
    }
    return Optional.empty();
  }

  private static Optional<RowProblem> before(Map<String, Object> row, String later, String earlier, boolean strict) {
    Object l = row.get(later);
    Object e = row.get(earlier);
    if (l instanceof LocalDateTime a && e instanceof LocalDateTime b && (strict ? !a.isAfter(b) : a.isBefore(b))) {
      return Optional.of(new RowProblem(later, "must be " + (strict ? "after " : "at or after ") + earlier + " (" + b + "), got " + a));
    }
    if (l instanceof LocalDate a && e instanceof LocalDate b && (strict ? !a.isAfter(b) : a.isBefore(b))) {
      return Optional.of(new RowProblem(later, "must be " + (strict ? "after " : "at or after ") + earlier + " (" + b + "), got " + a));
    }
    return Optional.empty();
  }
}
