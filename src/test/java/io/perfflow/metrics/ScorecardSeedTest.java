package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorecardSeedTest {
  private static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.fresh();
  }

  private record ProfileWeight(String role, String profile, BigDecimal weight) {}

  @Test
  void everyProfilesWeightsSumToExactly100() {
    List<ProfileWeight> sums = db.jdbc.sql("""
            SELECT p.role, p.profile, coalesce(sum(k.weight), 0) AS weight
            FROM perfflow.scorecard_profile p LEFT JOIN perfflow.scorecard_kpi k USING (role, profile)
            GROUP BY p.role, p.profile ORDER BY 1, 2""")
        .query(ProfileWeight.class).list();
    assertEquals(12, sums.size(), "8 seeded in V4, operations new-hire and campaign in V63, design/normal in V105,"
        + " marketplace-operator/normal (the balanced scorecard) in V106");
    for (ProfileWeight sum : sums) {
      assertEquals(0, new BigDecimal(100).compareTo(sum.weight()), sum.role() + "/" + sum.profile() + " sums to " + sum.weight());
    }
  }

  @Test
  void everyKpiReadsAnExistingMetricAndOnlyWhatNoSourceHoldsIsImportedOnly() {
    List<String> missing = db.jdbc.sql("""
            SELECT k.role || '/' || k.profile || '/' || k.code FROM perfflow.scorecard_kpi k
            LEFT JOIN perfflow.metric_definition m ON m.code = k.metric WHERE m.code IS NULL""")
        .query(String.class).list();
    assertTrue(missing.isEmpty(), "KPIs without a metric: " + missing);
    // Teamwork (a peer rating), design work (the design tool's tracking), gross margin (the finance
    // system: orders carry no cost) and ACoS (the advertising console) have no source table.
    assertEquals(List.of("ads.acos", "cs.teamwork-score", "design.assets-on-time", "design.detail-page-conversion", "marketplace.gross-margin"),
        db.jdbc.sql("SELECT code FROM perfflow.metric_definition WHERE query IS NULL ORDER BY code").query(String.class).list());
  }

  @Test
  void policiesAreSeeded() {
    assertEquals(0, new BigDecimal("1.2").compareTo(
        db.jdbc.sql("SELECT value FROM perfflow.scoring_setting WHERE name = 'completion_cap'").query(BigDecimal.class).single()));
    assertEquals(List.of("customer-service", "operations", "procurement"),
        db.jdbc.sql("SELECT role FROM perfflow.training_plan ORDER BY role").query(String.class).list());
    assertEquals(List.of("2025-11", "2025-12", "2026-11", "2026-12"),
        db.jdbc.sql("SELECT period FROM perfflow.peak_season ORDER BY period").query(String.class).list());
  }
}
