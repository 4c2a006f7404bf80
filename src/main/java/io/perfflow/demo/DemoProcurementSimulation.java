package io.perfflow.demo;

import static io.perfflow.demo.DemoPerformance.factor;
import static io.perfflow.demo.DemoPerformance.lognormal;
import static io.perfflow.demo.DemoPerformance.poisson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * The procurement ERP: purchase orders, monthly inventory and supplier incidents per buyer. Most
 * orders arrive on time; a buyer's weaker months have more late deliveries, and a few orders are
 * never delivered (still ORDERED weeks after the promised date: the supplier-delay escalation).
 */
final class DemoProcurementSimulation {
  static final List<String> SUPPLIERS = List.of(
      "Shenzhen Bright Electronics", "Yiwu Home Goods Co.", "Ningbo Kitchenware Ltd.", "Guangzhou Outdoor Gear",
      "Dongguan Packaging Works", "Xiamen Textile Trading", "Hangzhou Smart Gadgets", "Qingdao Logistics Partners");
  static final String INSERT_ORDER = """
      INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost,
          ordered_on, promised_on, delivered_on, status, returned_qty, complaints)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String INSERT_INVENTORY =
      "INSERT INTO source.inventory_month (buyer_id, period, cogs, avg_inventory_value) VALUES (?, ?, ?, ?)";
  static final String INSERT_INCIDENT = """
      INSERT INTO source.supplier_incident (id, buyer_id, supplier_id, kind, opened_at, responded_at)
      VALUES (?, ?, ?, ?, ?, ?)""";
  private static final List<String> ITEMS = List.of(
      "silicone baking mats", "LED camping lanterns", "bamboo cutting boards", "USB-C cables", "phone stands",
      "stainless water bottles", "storage baskets", "bluetooth earbuds", "yoga mats", "kitchen scales");

  private final Random random;
  private final DemoRows rows;
  private long nextIncidentId = 1;

  DemoProcurementSimulation(Random random, DemoRows rows) {
    this.random = random;
    this.rows = rows;
  }

  static String supplierId(int index) {
    return "SUP-" + (index + 1);
  }

  void simulate(String buyerId, YearMonth first, YearMonth last) {
    double inventoryLevel = 60_000 + random.nextInt(90_000);
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      int orders = 25 + random.nextInt(11);
      for (int i = 1; i <= orders; i++) {
        addOrder(buyerId, month, "PO-" + buyerId.toUpperCase() + "-" + month + "-" + String.format(java.util.Locale.ROOT, "%03d", i));
      }
      double averageInventory = inventoryLevel * (1 + 0.05 * random.nextGaussian());
      double cogs = averageInventory * factor(buyerId, month, random);
      rows.add(INSERT_INVENTORY, buyerId, month.toString(), money(cogs), money(averageInventory));
      addIncidents(buyerId, month);
    }
  }

  private void addOrder(String buyerId, YearMonth month, String id) {
    int quantity = 50 + random.nextInt(451);
    double budget = quantity * (2 + random.nextInt(39)) * 1.0;
    double reduction = 0.05 * factor(buyerId, month, random) + 0.03 * random.nextGaussian();
    LocalDate ordered = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    LocalDate promised = ordered.plusDays(7 + random.nextInt(14));
    double onTime = factor(buyerId, month, random);
    double lateShare = Math.min(0.6, 0.05 / (onTime * onTime));
    Object delivered;
    String status = "DELIVERED";
    if (random.nextDouble() < 0.01) {
      status = "CANCELLED";
      delivered = DemoRows.NULL_DATE;
    } else if (random.nextDouble() < lateShare) {
      if (random.nextDouble() < 0.15) {
        status = "ORDERED"; // the supplier never delivered
        delivered = DemoRows.NULL_DATE;
      } else {
        delivered = promised.plusDays(1 + random.nextInt(12));
      }
    } else {
      delivered = promised.minusDays(random.nextInt(4));
    }
    // Quality deficit (100 - score): about 10 points on target, split between returns and complaints.
    double deficit = 10 / factor(buyerId, month, random);
    boolean arrived = status.equals("DELIVERED");
    int returned = arrived ? (int) Math.round(quantity * deficit / 200 * lognormal(random, 0.5)) : 0;
    int complaints = arrived ? poisson(random, deficit / 20) : 0;
    rows.add(INSERT_ORDER, id, supplierId(random.nextInt(SUPPLIERS.size())), buyerId,
        ITEMS.get(random.nextInt(ITEMS.size())), quantity, money(budget), money(budget * (1 - reduction)),
        ordered, promised, delivered, status, Math.min(returned, quantity), complaints);
  }

  private void addIncidents(String buyerId, YearMonth month) {
    int incidents = 1 + random.nextInt(3);
    double responseFactor = factor(buyerId, month, random);
    for (int i = 0; i < incidents; i++) {
      var opened = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(random.nextInt(24), random.nextInt(60));
      long minutes = Math.round(60 * 24 / responseFactor * lognormal(random, 0.4));
      rows.add(INSERT_INCIDENT, nextIncidentId++, buyerId, supplierId(random.nextInt(SUPPLIERS.size())),
          random.nextBoolean() ? "SUPPLIER_OUTAGE" : "LOGISTICS_DELAY", opened, opened.plusMinutes(minutes));
    }
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
