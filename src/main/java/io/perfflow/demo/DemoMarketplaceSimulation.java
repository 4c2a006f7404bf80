package io.perfflow.demo;

import static io.perfflow.demo.DemoPerformance.factor;
import static io.perfflow.demo.DemoPerformance.lognormal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Orders and daily visitors of every store. Operator stores sell ~1200 orders a month (×1.5 in
 * November and December) scaled by the operator's performance; conversion, order value,
 * after-sales and retention follow the same factor around the scorecard targets.
 */
final class DemoMarketplaceSimulation {
  static final String INSERT_ORDER =
      "INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount, after_sales) VALUES (?, ?, ?, ?, ?, ?)";
  static final String INSERT_TRAFFIC = "INSERT INTO source.store_traffic (store_id, day, visitors) VALUES (?, ?, ?)";

  private final Random random;
  private final DemoRows rows;
  private long nextOrderId = 1;

  DemoMarketplaceSimulation(Random random, DemoRows rows) {
    this.random = random;
    this.rows = rows;
  }

  void simulate(DemoCompany.DemoStore store, String operatorId, YearMonth first, YearMonth last) {
    List<String> earlierCustomers = new ArrayList<>();
    Set<String> known = new HashSet<>();
    int newCustomers = 0;
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      boolean peak = month.getMonthValue() >= 11;
      double volume = (operatorId == null ? 400 : 1200) * (peak ? 1.5 : 1.0);
      int orders = (int) Math.round(volume * factor(operatorId, month, random));
      double retention = Math.min(0.6, 0.20 * factor(operatorId, month, random));
      double averageValue = 25 * Math.sqrt(factor(operatorId, month, random));
      double afterSales = Math.min(0.5, 0.05 / factor(operatorId, month, random));
      double conversion = 3 * factor(operatorId, month, random) / 100;

      List<String> monthCustomers = new ArrayList<>();
      int[] ordersByDay = new int[month.lengthOfMonth()];
      for (int i = 0; i < orders; i++) {
        String customer;
        if (!monthCustomers.isEmpty() && random.nextDouble() < 0.08) {
          customer = monthCustomers.get(random.nextInt(monthCustomers.size()));
        } else if (!earlierCustomers.isEmpty() && random.nextDouble() < retention) {
          customer = earlierCustomers.get(random.nextInt(earlierCustomers.size()));
        } else {
          customer = store.id() + "-C" + (++newCustomers);
        }
        monthCustomers.add(customer);
        int day = random.nextInt(ordersByDay.length);
        ordersByDay[day]++;
        BigDecimal amount = BigDecimal.valueOf(Math.max(1, averageValue * lognormal(random, 0.5))).setScale(2, RoundingMode.HALF_UP);
        rows.add(INSERT_ORDER, nextOrderId++, store.id(), month.atDay(day + 1), customer, amount, random.nextDouble() < afterSales);
      }
      long buyers = monthCustomers.stream().distinct().count();
      addTraffic(store, month, ordersByDay, buyers / conversion);
      for (String customer : monthCustomers) {
        if (known.add(customer)) {
          earlierCustomers.add(customer);
        }
      }
    }
  }

  // Visitors follow the orders of each day, so busy days have more traffic.
  private void addTraffic(DemoCompany.DemoStore store, YearMonth month, int[] ordersByDay, double visitors) {
    int orders = 0;
    for (int n : ordersByDay) {
      orders += n;
    }
    for (int day = 0; day < ordersByDay.length; day++) {
      double share = (ordersByDay[day] + 1.0) / (orders + ordersByDay.length);
      LocalDate date = month.atDay(day + 1);
      rows.add(INSERT_TRAFFIC, store.id(), date, (int) Math.round(visitors * share));
    }
  }
}
