package io.perfflow.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo company: a small cross-border e-commerce team with marketplace operators, buyers and
 * customer-service agents, their managers, finance and HR. Seeded at startup in embedded mode
 * (perfflow.demo.enabled) so that a fresh machine has someone to review.
 */
public final class DemoCompany {
  private DemoCompany() {}

  public record DemoEmployee(
      String id,
      String name,
      String role,
      String team,
      String managerId,
      String storeId,
      LocalDate hiredOn,
      String level,
      BigDecimal basePay,
      List<String> groups) {
    public String email() {
      return id + "@perfflow.example";
    }
  }

  public record DemoGroup(String id, String name, String headId) {}

  /** Stores of the simulated marketplace system; opened-on drives the customer-service stage. */
  public record DemoStore(String id, String name, String marketplace, LocalDate openedOn, boolean sharedAccount) {}

  public static final List<DemoStore> STORES =
      List.of(
          new DemoStore("S-WISH-1", "Wish home goods", "Wish", LocalDate.of(2023, 3, 1), false),
          new DemoStore("S-WISH-2", "Wish gadgets", "Wish", LocalDate.of(2023, 9, 1), false),
          new DemoStore("S-AMZ-1", "Amazon outdoor", "Amazon", LocalDate.of(2024, 2, 1), false),
          new DemoStore("S-AMZ-2", "Amazon kitchen", "Amazon", LocalDate.of(2024, 8, 1), false),
          new DemoStore("S-JD-1", "JD flagship (shared account)", "JD", LocalDate.of(2024, 5, 1), true),
          new DemoStore("S-VIP-MID", "VIP store opened in June", "VIP", LocalDate.of(2026, 6, 1), true),
          new DemoStore("S-VIP-NEW", "VIP store opened in September", "VIP", LocalDate.of(2026, 9, 1), true));

  public static final List<DemoGroup> GROUPS =
      List.of(
          new DemoGroup("hr", "Human resources", "hana"),
          new DemoGroup("ops-managers", "Operations managers", "olivia"),
          new DemoGroup("procurement-managers", "Procurement managers", "paul"),
          new DemoGroup("finance-managers", "Finance managers", "fiona"),
          new DemoGroup("cs-leads", "Customer-service leads", "cora"));

  private static DemoEmployee e(
      String id, String name, String role, String team, String manager, String store,
      String hired, String level, int basePay, String... groups) {
    return new DemoEmployee(
        id, name, role, team, manager, store, LocalDate.parse(hired), level,
        BigDecimal.valueOf(basePay).setScale(2), List.of(groups));
  }

  public static final List<DemoEmployee> EMPLOYEES =
      List.of(
          e("admin", "HR Administrator", "hr", "hr", null, null, "2020-01-01", "HR-3", 9000, "hr"),
          e("hana", "Hana Li", "hr", "hr", null, null, "2019-04-01", "HR-4", 11000, "hr"),
          e("olivia", "Olivia Wang", "operations-manager", "operations", null, null, "2021-02-01", "M-2", 14000, "ops-managers"),
          e("oscar", "Oscar Huang", "operations", "operations", "olivia", "S-WISH-1", "2023-03-01", "junior-operator", 7000),
          e("owen", "Owen Zhao", "operations", "operations", "olivia", "S-WISH-2", "2023-09-15", "mid-level-operator", 8500),
          e("opal", "Opal Sun", "operations", "operations", "olivia", "S-AMZ-1", "2024-02-01", "junior-operator", 7200),
          e("otto", "Otto Lin", "operations", "operations", "olivia", "S-AMZ-2", "2024-08-01", "operations-assistant", 6000),
          e("paul", "Paul Zhang", "procurement-manager", "procurement", null, null, "2020-06-01", "M-2", 13500, "procurement-managers"),
          e("fiona", "Fiona Chen", "finance-manager", "finance", null, null, "2019-11-01", "M-2", 14500, "finance-managers"),
          e("priya", "Priya Patel", "procurement", "procurement", "paul", null, "2022-05-01", "buyer-2", 8000),
          e("pedro", "Pedro Gomez", "procurement", "procurement", "paul", null, "2023-01-10", "buyer-1", 7000),
          e("petra", "Petra Novak", "procurement", "procurement", "paul", null, "2024-03-01", "buyer-1", 6800),
          e("cora", "Cora Liu", "customer-service-lead", "customer-service", null, null, "2021-07-01", "team-lead", 9000, "cs-leads"),
          e("carl", "Carl Wu", "customer-service", "customer-service", "cora", "S-JD-1", "2024-05-01", "agent", 5500),
          e("chen", "Chen Jie", "customer-service", "customer-service", "cora", "S-JD-1", "2024-06-01", "agent", 5500),
          e("cruz", "Cruz Ma", "customer-service", "customer-service", "cora", "S-VIP-MID", "2026-06-01", "agent", 5000),
          e("cleo", "Cleo Xu", "customer-service", "customer-service", "cora", "S-VIP-NEW", "2026-09-01", "agent", 5000));
}
