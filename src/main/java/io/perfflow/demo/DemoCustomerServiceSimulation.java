package io.perfflow.demo;

import static io.perfflow.demo.DemoPerformance.factor;
import static io.perfflow.demo.DemoPerformance.lognormal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The customer-service desk: login windows and chat sessions per store account. On a shared
 * account (S-JD-1: carl and chen) the agents work alternating early/late shifts, and now and then
 * the next agent logs in a few minutes early (overlapping windows). Sessions are logged per store,
 * as a marketplace does; a few arrive at night when nobody is logged in.
 */
final class DemoCustomerServiceSimulation {
  static final String INSERT_LOGIN = "INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES (?, ?, ?, ?)";
  static final String INSERT_SESSION = """
      INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted,
          satisfaction, repeat_purchase) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

  private final Random random;
  private final DemoRows rows;
  private long nextSessionId = 1;

  DemoCustomerServiceSimulation(Random random, DemoRows rows) {
    this.random = random;
    this.rows = rows;
  }

  private record Window(String agentId, LocalDateTime from, LocalDateTime to) {}

  /** A month's level of one agent, KPI by KPI. */
  private record Level(double receptions, double conversion, double satisfaction, double responseSeconds, double repeat) {}

  void simulate(DemoCompany.DemoStore store, List<DemoCompany.DemoEmployee> agents, LocalDate first, LocalDate last) {
    List<String> customers = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      YearMonth month = YearMonth.from(day);
      for (Window window : windows(agents, day)) {
        rows.add(INSERT_LOGIN, window.agentId(), store.id(), window.from(), window.to());
        Level level = level(window.agentId(), month);
        double perDay = level.receptions() / month.lengthOfMonth();
        int receptions = (int) Math.max(0, Math.round(perDay + Math.sqrt(perDay) * random.nextGaussian()));
        for (int i = 0; i < receptions; i++) {
          addReception(store, window, level, customers);
        }
      }
      if (store.sharedAccount() && random.nextDouble() < 0.5) {
        addSession(store, customer(store, customers), day.atTime(21 + random.nextInt(2), random.nextInt(60)), 300, false, null, false);
      }
    }
  }

  private Level level(String agentId, YearMonth month) {
    Random r = random;
    return new Level(600 * factor(agentId, month, r), Math.min(0.6, 0.25 * factor(agentId, month, r)),
        Math.min(0.99, 1 - 0.10 / factor(agentId, month, r)), 30 / factor(agentId, month, r),
        Math.min(0.6, 0.20 * factor(agentId, month, r)));
  }

  // Alone: 09:00-18:00. Shared account: early 08:00-14:00 and late 14:00-20:00, swapped weekly.
  private List<Window> windows(List<DemoCompany.DemoEmployee> agents, LocalDate day) {
    List<String> present = agents.stream().filter(a -> !a.hiredOn().isAfter(day)).map(DemoCompany.DemoEmployee::id).toList();
    if (present.size() == 1) {
      return List.of(new Window(present.get(0), day.atTime(9, random.nextInt(10)), day.atTime(18, random.nextInt(20))));
    }
    List<Window> windows = new ArrayList<>();
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    for (int shift = 0; shift < Math.min(2, present.size()); shift++) {
      String agent = present.get((shift + week) % present.size());
      LocalDateTime from = day.atTime(8 + 6 * shift, 0);
      // The late agent sometimes logs in early and takes over the account.
      if (shift == 1 && random.nextDouble() < 0.2) {
        from = from.minusMinutes(5 + random.nextInt(20));
      }
      windows.add(new Window(agent, from, day.atTime(14 + 6 * shift, random.nextInt(5))));
    }
    return windows;
  }

  private void addReception(DemoCompany.DemoStore store, Window window, Level level, List<String> customers) {
    long minutes = java.time.Duration.between(window.from(), window.to()).toMinutes();
    LocalDateTime start = window.from().plusMinutes(random.nextInt((int) Math.max(1, minutes - 5)));
    String customer = customer(store, customers);
    boolean converted = random.nextDouble() < level.conversion();
    boolean repeat = converted && random.nextDouble() < level.repeat();
    boolean followUp = random.nextDouble() < 0.15;
    addSession(store, customer, start, level.responseSeconds(), converted && !followUp, rating(level), repeat && !followUp);
    if (followUp) {
      // The same customer asks again the same day: one effective reception, not two.
      LocalDateTime again = start.plusMinutes(10 + random.nextInt(110));
      if (again.toLocalDate().equals(start.toLocalDate())) {
        addSession(store, customer, again, level.responseSeconds(), converted, rating(level), repeat);
      }
    }
  }

  private Integer rating(Level level) {
    if (random.nextDouble() >= 0.4) {
      return null; // most customers do not rate
    }
    return random.nextDouble() < level.satisfaction() ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
  }

  private String customer(DemoCompany.DemoStore store, List<String> customers) {
    if (!customers.isEmpty() && random.nextDouble() < 0.3) {
      return customers.get(random.nextInt(customers.size()));
    }
    String customer = store.id() + "-C" + (customers.size() + 1);
    customers.add(customer);
    return customer;
  }

  private void addSession(DemoCompany.DemoStore store, String customer, LocalDateTime start, double responseSeconds,
      boolean converted, Integer satisfaction, boolean repeat) {
    int seconds = (int) Math.round(responseSeconds * lognormal(random, 0.5));
    rows.add(INSERT_SESSION, nextSessionId++, store.id(), customer, start, seconds, converted,
        satisfaction == null ? DemoRows.NULL_INTEGER : satisfaction, repeat);
  }
}
