package io.perfflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A company of a given size, written into PerfFlow's employee table and the company-systems schema
 * ({@code source}) with PostgreSQL {@code COPY}: the bulk path, about a million rows in a few
 * seconds. The proportions follow the default size of the benchmark (10,000 employees: 10 M
 * marketplace orders, 500 k purchase orders, 2 M customer-service sessions, a year of attendance),
 * so any size keeps the same shape. Deterministic: the same size gives the same rows.
 *
 * <p>Layout: 40 % operators (one store each), 20 % buyers, 40 % customer-service agents (five share
 * one store account, one login window per working day). Everyone reports to the demo company's
 * manager of their role. Ids start with {@code b-} so they never meet the demo's.
 */
final class CompanyGenerator {
  static final String PREFIX = "b-";
  /** The benchmark's review period: the last month of the year the data covers. */
  static final YearMonth PERIOD = YearMonth.of(2026, 6);
  static final LocalDate FIRST_DAY = PERIOD.minusMonths(11).atDay(1);
  static final LocalDate END = PERIOD.plusMonths(1).atDay(1);

  record Company(List<String> operators, List<String> buyers, List<String> agents, long rows) {
    List<String> all() {
      List<String> all = new ArrayList<>(operators);
      all.addAll(buyers);
      all.addAll(agents);
      return all;
    }
  }

  private final DataSource dataSource;
  private final SplittableRandom random = new SplittableRandom(20261203);
  private long rows;

  CompanyGenerator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Company generate(int employees) throws SQLException, IOException {
    int operators = Math.max(1, employees * 4 / 10);
    int buyers = Math.max(1, employees * 2 / 10);
    int agents = Math.max(5, employees - operators - buyers);
    List<String> ops = ids("op", operators);
    List<String> buy = ids("buy", buyers);
    List<String> cs = ids("cs", agents);
    try (Connection c = dataSource.getConnection()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      copy(pg, "perfflow.employee (id, name, email, role, team, manager_id, store_id, hired_on, level, base_pay, password_hash)", out -> {
        // Not a usable password: benchmark people are read, never logged in as (the inbox user is set separately).
        for (String id : ops) out.accept(employee(id, "operations", "olivia", "b-store-" + id));
        for (String id : buy) out.accept(employee(id, "procurement", "paul", ""));
        for (String id : cs) out.accept(employee(id, "customer-service", "cora", ""));
      });
      copy(pg, "source.store (id, name, marketplace, opened_on, shared_account)", out -> {
        for (String id : ops) out.accept(line("b-store-" + id, "Store " + id, "Amazon", "2023-01-01", "false"));
        for (int g = 0; g < groups(cs); g++) out.accept(line("b-cs-store-" + g, "Shared store " + g, "JD", "2025-09-01", "true"));
      });
      marketplace(pg, ops);
      procurement(pg, buy);
      customerService(pg, cs);
      attendanceAndTraining(pg, ops, buy, cs);
      // A settled database, as autovacuum leaves it: statistics, and the visibility map that lets
      // PostgreSQL answer from an index alone (a freshly copied table has none).
      try (var st = c.createStatement()) {
        st.execute("VACUUM ANALYZE perfflow.employee");
        st.execute("VACUUM ANALYZE perfflow.cs_attributed_reception");
        st.execute("VACUUM ANALYZE perfflow.store_order_day");
        for (String t : List.of("store", "store_traffic", "marketplace_order", "supplier", "purchase_order", "inventory_month",
            "supplier_incident", "cs_login", "cs_session", "attendance", "training_progress")) {
          st.execute("VACUUM ANALYZE source." + t);
        }
        // A VACUUM cannot mark pages all-visible while another transaction's snapshot is older than
        // their rows (autovacuum's ANALYZE of a table just copied holds one): seen as 18 of 4,278
        // pages of store_traffic and 208 of 5,814 of cs_attributed_reception, which made the planner
        // cost index-only scans as heap fetches. Vacuum again what is not settled yet, a few rounds.
        for (int round = 0; round < 5; round++) {
          List<String> unsettled = new ArrayList<>();
          try (var rs = st.executeQuery("""
              SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind = 'r' AND n.nspname IN ('perfflow', 'source') AND c.relpages > 100 AND c.relallvisible < 0.95 * c.relpages""")) {
            while (rs.next()) unsettled.add(rs.getString(1));
          }
          if (unsettled.isEmpty()) break;
          for (String t : unsettled) st.execute("VACUUM " + t);
        }
      }
    }
    return new Company(ops, buy, cs, rows);
  }

  private static List<String> ids(String kind, int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) ids.add(PREFIX + kind + "-" + i);
    return ids;
  }

  private static int groups(List<String> agents) {
    return (agents.size() + 4) / 5;
  }

  private static String employee(String id, String role, String manager, String store) {
    return line(id, "Bench " + id, id + "@bench.example", role, role, manager, store, "2023-06-01", "L1", "8000", "{noop}x");
  }

  /** 2,500 orders per operator per year (10 M for 10,000 employees), with daily store traffic. */
  private void marketplace(PGConnection pg, List<String> ops) throws SQLException, IOException {
    long[] orderId = {1_000_000_000L};
    copy(pg, "source.marketplace_order (id, store_id, order_day, customer_id, amount, after_sales)", out -> {
      for (String op : ops) {
        String store = "b-store-" + op;
        for (int i = 0; i < 2500; i++) {
          LocalDate day = FIRST_DAY.plusDays(random.nextInt(365));
          out.accept(line(Long.toString(orderId[0]++), store, day.toString(), store + "-c" + random.nextInt(400),
              money(5 + random.nextInt(60)), random.nextInt(20) == 0 ? "true" : "false"));
        }
      }
    });
    copy(pg, "source.store_traffic (store_id, day, visitors)", out -> {
      for (String op : ops) {
        for (LocalDate d = FIRST_DAY; d.isBefore(END); d = d.plusDays(1)) {
          out.accept(line("b-store-" + op, d.toString(), Integer.toString(150 + random.nextInt(150))));
        }
      }
    });
  }

  /** 250 purchase orders per buyer per year (500 k for 10,000 employees), monthly inventory, incidents. */
  private void procurement(PGConnection pg, List<String> buyers) throws SQLException, IOException {
    copy(pg, "source.supplier (id, name)", out -> {
      for (int s = 0; s < 200; s++) out.accept(line("b-sup-" + s, "Supplier " + s));
    });
    copy(pg, "source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost, ordered_on, promised_on, "
        + "delivered_on, status, returned_qty, complaints)", out -> {
      long n = 0;
      for (String buyer : buyers) {
        for (int i = 0; i < 250; i++) {
          LocalDate ordered = FIRST_DAY.plusDays(random.nextInt(350));
          LocalDate promised = ordered.plusDays(7 + random.nextInt(14));
          boolean delivered = promised.isBefore(END.minusDays(20)) || random.nextBoolean();
          LocalDate deliveredOn = promised.plusDays(random.nextInt(10) - 4);
          int quantity = 10 + random.nextInt(200);
          out.accept(line("b-po-" + (n++), "b-sup-" + random.nextInt(200), buyer, "item-" + random.nextInt(1000),
              Integer.toString(quantity), money(1000 + random.nextInt(4000)), money(900 + random.nextInt(4300)),
              ordered.toString(), promised.toString(), delivered ? deliveredOn.toString() : "",
              delivered ? "DELIVERED" : "ORDERED", Integer.toString(random.nextInt(20) == 0 ? 1 : 0), Integer.toString(random.nextInt(30) == 0 ? 1 : 0)));
        }
      }
    });
    copy(pg, "source.inventory_month (buyer_id, period, cogs, avg_inventory_value)", out -> {
      for (String buyer : buyers) {
        for (YearMonth m = YearMonth.from(FIRST_DAY); !m.isAfter(PERIOD); m = m.plusMonths(1)) {
          out.accept(line(buyer, m.toString(), money(80_000 + random.nextInt(40_000)), money(20_000 + random.nextInt(10_000))));
        }
      }
    });
    copy(pg, "source.supplier_incident (id, buyer_id, supplier_id, kind, opened_at, responded_at)", out -> {
      long n = 2_000_000_000L;
      for (String buyer : buyers) {
        for (int i = 0; i < 10; i++) {
          var opened = FIRST_DAY.plusDays(random.nextInt(360)).atTime(9 + random.nextInt(8), random.nextInt(60));
          out.accept(line(Long.toString(n++), buyer, "b-sup-" + random.nextInt(200), random.nextBoolean() ? "SUPPLIER_OUTAGE" : "LOGISTICS_DELAY",
              opened.toString(), opened.plusMinutes(10 + random.nextInt(600)).toString()));
        }
      }
    });
  }

  /**
   * Five agents share a store account; each logs in for one window per working day (windows of
   * neighbours overlap by an hour, and the evening has no one: unattributed sessions). 500
   * sessions per agent per year (2 M for 10,000 employees).
   */
  private void customerService(PGConnection pg, List<String> agents) throws SQLException, IOException {
    copy(pg, "source.cs_login (agent_id, store_id, login_at, logout_at)", out -> {
      for (int i = 0; i < agents.size(); i++) {
        String store = "b-cs-store-" + (i / 5);
        int shiftStart = 8 + (i % 5) * 2; // 08:00, 10:00, ... each window 3 h: an hour overlaps the next
        for (LocalDate d = FIRST_DAY; d.isBefore(END); d = d.plusDays(1)) {
          if (d.getDayOfWeek().getValue() > 5) continue;
          out.accept(line(agents.get(i), store, d.atTime(shiftStart, 0).toString(), d.atTime(shiftStart + 3, 0).toString()));
        }
      }
    });
    copy(pg, "source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted, satisfaction, repeat_purchase)", out -> {
      long n = 3_000_000_000L;
      int stores = groups(agents);
      long sessions = agents.size() * 500L;
      for (long s = 0; s < sessions; s++) {
        int store = (int) (s % stores);
        var started = FIRST_DAY.plusDays(random.nextInt(365)).atTime(8 + random.nextInt(14), random.nextInt(60));
        boolean converted = random.nextInt(4) == 0;
        out.accept(line(Long.toString(n++), "b-cs-store-" + store, "b-cust-" + random.nextInt(50_000), started.toString(),
            Integer.toString(5 + random.nextInt(120)), Boolean.toString(converted), Integer.toString(1 + random.nextInt(5)),
            Boolean.toString(converted && random.nextInt(3) == 0)));
      }
    });
  }

  /** A year of attendance for everyone (working days), and two courses each in the learning system. */
  private void attendanceAndTraining(PGConnection pg, List<String> ops, List<String> buy, List<String> cs) throws SQLException, IOException {
    List<String> everyone = new ArrayList<>(ops);
    everyone.addAll(buy);
    everyone.addAll(cs);
    copy(pg, "source.attendance (employee_id, day, hours, leave_day)", out -> {
      for (String id : everyone) {
        for (LocalDate d = FIRST_DAY; d.isBefore(END); d = d.plusDays(1)) {
          if (d.getDayOfWeek().getValue() > 5) continue;
          boolean leave = random.nextInt(60) == 0;
          out.accept(line(id, d.toString(), leave ? "0" : String.format(Locale.ROOT, "%.1f", 7 + random.nextInt(40) / 10.0), Boolean.toString(leave)));
        }
      }
    });
    copy(pg, "source.training_progress (employee_id, course, percent, updated_on)", out -> {
      for (String id : everyone) {
        out.accept(line(id, "advanced-operations", Integer.toString(50 + random.nextInt(51)), PERIOD.atDay(1).toString()));
        out.accept(line(id, "product-selection", Integer.toString(random.nextInt(101)), PERIOD.atDay(2).toString()));
      }
    });
  }

  private static String money(int whole) {
    return whole + ".00";
  }

  /** One CSV line; an empty cell is NULL (COPY's CSV default). Values here never hold commas or quotes. */
  private static String line(String... cells) {
    return String.join(",", cells) + "\n";
  }

  /** Streams the lines {@code producer} gives into one COPY, in 1 MB chunks (bounded memory at any size). */
  private void copy(PGConnection pg, String table, Producer producer) throws SQLException, IOException {
    CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv)");
    StringBuilder chunk = new StringBuilder(1 << 20);
    long[] count = {0};
    try {
      producer.produce(lineText -> {
        chunk.append(lineText);
        count[0]++;
        if (chunk.length() >= (1 << 20)) {
          write(in, chunk);
        }
      });
      write(in, chunk);
      in.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
    rows += count[0];
  }

  private static void write(CopyIn in, StringBuilder chunk) {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    try {
      in.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
    }
    chunk.setLength(0);
  }

  @FunctionalInterface
  interface Producer {
    void produce(Consumer<String> out) throws SQLException, IOException;
  }
}
