package io.perfflow.cs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.MetricValue;
import io.perfflow.metrics.SqlMetricSource;
import io.perfflow.metrics.TestDatabase;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login-window attribution (V50) on one hand-built store day, under both rules: an overlap of
 * two agents, one of three, a gap no window covers, a session on a day nobody worked, and repeat
 * enquiries of the same customer. Every number is worked out in the comments.
 *
 * <pre>
 * store S-T, 2026-10-05     09  10  11  12  12:30 12:45 13  14  17  18
 *   carl 09:00-13:00        |---------------------------|
 *   chen 12:00-17:00                    |----------------------------|
 *   cruz 12:30-12:45                        |-----|
 * sessions: 1 X 10:00 (carl)        2 X 12:15 (carl, chen)     3 Y 12:40 (carl, chen, cruz)
 *           4 Z 14:00 (chen)        7 Y 12:50 (carl, chen)     5 W 17:30 (nobody: gap)
 *           6 X 2026-10-06 08:00 (nobody)
 * </pre>
 */
class CsAttributionTest {
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private TestDatabase db;
  private CsAttribution attribution;

  @BeforeEach
  void storeDay() {
    db = TestDatabase.withDemoEmployees().withAppSearchPath();
    attribution = new CsAttribution(db.jdbc, new AuditLog(db.jdbc, new ObjectMapper()));
    db.jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES ('S-T', 'Test', 'JD', '2026-01-01', true)")
        .update();
    db.jdbc.sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES
          ('carl', 'S-T', '2026-10-05 09:00', '2026-10-05 13:00'),
          ('chen', 'S-T', '2026-10-05 12:00', '2026-10-05 17:00'),
          ('cruz', 'S-T', '2026-10-05 12:30', '2026-10-05 12:45')""").update();
    db.jdbc.sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted,
            satisfaction, repeat_purchase) VALUES
          (1, 'S-T', 'X', '2026-10-05 10:00', 20, false, 5, false),
          (2, 'S-T', 'X', '2026-10-05 12:15', 40, true, 3, true),
          (3, 'S-T', 'Y', '2026-10-05 12:40', 30, false, NULL, false),
          (4, 'S-T', 'Z', '2026-10-05 14:00', 10, true, 4, false),
          (5, 'S-T', 'W', '2026-10-05 17:30', 99, true, 1, true),
          (6, 'S-T', 'X', '2026-10-06 08:00', 99, true, 1, true),
          (7, 'S-T', 'Y', '2026-10-05 12:50', 60, false, 5, false)""").update();
  }

  private Map<String, BigDecimal> metrics() {
    List<String> codes = List.copyOf(CsReviewAttribution.ATTRIBUTED_METRICS);
    return new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)).read(List.of("carl", "chen", "cruz"), OCTOBER, codes).stream()
        .collect(Collectors.toMap(v -> v.employeeId() + "/" + v.metric(), MetricValue::value));
  }

  private static void assertMetric(Map<String, BigDecimal> values, String key, String expected) {
    assertThat(values).containsKey(key);
    assertThat(values.get(key)).as(key).isEqualByComparingTo(expected);
  }

  private static CsAttribution.AgentShare agent(CsAttribution.Report r, String id) {
    return r.byAgent().stream().filter(a -> a.agentId().equals(id)).findFirst().orElseThrow();
  }

  private static void assertCountsAddUp(CsAttribution.Report r) {
    assertThat(r.attributed() + r.unattributed()).isEqualTo(r.sessions());
    BigDecimal sum = r.byAgent().stream().map(CsAttribution.AgentShare::sessions).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(BigDecimal.valueOf(r.attributed()));
    assertThat(r.overlapped()).isLessThanOrEqualTo(r.attributed());
    assertThat(r.unattributedSessions()).hasSize((int) Math.min(r.unattributed(), CsAttribution.UNATTRIBUTED_LISTED));
  }

  @Test
  void lastLoginGivesAnOverlappedSessionToWhoeverLoggedInLast() {
    assertThat(attribution.ruleOf("S-T")).isEqualTo(AttributionRule.LAST_LOGIN);
    CsAttribution.Report r = attribution.report("S-T", OCTOBER);
    assertThat(r.rule()).isEqualTo(AttributionRule.LAST_LOGIN);
    assertThat(r.sessions()).isEqualTo(7);
    assertThat(r.attributed()).isEqualTo(5);
    assertThat(r.unattributed()).isEqualTo(2);
    assertThat(r.overlapped()).isEqualTo(3); // 2, 3 and 7
    assertThat(r.unattributedSessions()).containsExactly(5L, 6L); // the gap, and the day nobody worked
    // carl: 1; chen (logged in after carl): 2, 4, 7; cruz (last of the three): 3
    assertThat(agent(r, "carl").sessions()).isEqualByComparingTo("1");
    assertThat(agent(r, "chen").sessions()).isEqualByComparingTo("3");
    assertThat(agent(r, "cruz").sessions()).isEqualByComparingTo("1");
    assertThat(agent(r, "chen").effectiveReceptions()).isEqualByComparingTo("3"); // X, Z, Y
    assertThat(agent(r, "chen").overlapped()).isEqualTo(2);
    assertCountsAddUp(r);

    Map<String, BigDecimal> v = metrics();
    assertMetric(v, "carl/cs.effective-receptions", "1");
    assertMetric(v, "chen/cs.effective-receptions", "3");
    assertMetric(v, "cruz/cs.effective-receptions", "1");
    assertMetric(v, "carl/cs.conversion-rate", "0");
    assertMetric(v, "chen/cs.conversion-rate", "66.6667"); // X and Z converted, Y not
    assertMetric(v, "chen/cs.satisfaction-rate", "66.6667"); // ratings 3, 4, 5
    assertMetric(v, "carl/cs.satisfaction-rate", "100");
    assertThat(v).doesNotContainKey("cruz/cs.satisfaction-rate"); // session 3 was not rated
    assertMetric(v, "chen/cs.first-response-seconds", "36.6667"); // (40 + 10 + 60) / 3
    assertMetric(v, "cruz/cs.first-response-seconds", "30");
    assertMetric(v, "chen/cs.repeat-purchase-rate", "50"); // X repeat, Z not
    assertThat(v).doesNotContainKey("carl/cs.repeat-purchase-rate"); // no converted reception
  }

  @Test
  void splitGivesEachCoveringAgentAnEqualFraction() {
    AttributionRule before = attribution.setRule("S-T", AttributionRule.SPLIT, "hana");
    assertThat(before).isEqualTo(AttributionRule.LAST_LOGIN);
    assertThat(db.jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'CS_ATTRIBUTION_RULE_SET' AND actor = 'hana'")
        .query(Long.class).single()).isEqualTo(1);
    CsAttribution.Report r = attribution.report("S-T", OCTOBER);
    assertThat(r.rule()).isEqualTo(AttributionRule.SPLIT);
    // The rule changes who gets what, not what is attributed.
    assertThat(r.sessions()).isEqualTo(7);
    assertThat(r.attributed()).isEqualTo(5);
    assertThat(r.unattributed()).isEqualTo(2);
    assertThat(r.overlapped()).isEqualTo(3);
    // carl 1 + 1/2 + 1/3 + 1/2, chen 1/2 + 1/3 + 1 + 1/2, cruz 1/3: 7/3, 7/3, 1/3; rounded to sum to 5
    assertThat(agent(r, "carl").sessions()).isEqualByComparingTo("2.3334");
    assertThat(agent(r, "chen").sessions()).isEqualByComparingTo("2.3333");
    assertThat(agent(r, "cruz").sessions()).isEqualByComparingTo("0.3333");
    assertCountsAddUp(r);
    // A reception weighs the agent's largest share of it: carl X (1, 1/2) = 1, Y (1/3, 1/2) = 1/2
    assertThat(agent(r, "carl").effectiveReceptions()).isEqualByComparingTo("1.5");
    assertThat(agent(r, "chen").effectiveReceptions()).isEqualByComparingTo("2"); // X 1/2, Y 1/2, Z 1
    assertThat(agent(r, "cruz").effectiveReceptions()).isEqualByComparingTo("0.3333");
    assertThat(agent(r, "carl").overlapped()).isEqualTo(3);

    Map<String, BigDecimal> v = metrics();
    assertMetric(v, "carl/cs.effective-receptions", "1.5");
    assertMetric(v, "chen/cs.effective-receptions", "2");
    assertMetric(v, "cruz/cs.effective-receptions", "0.3333");
    assertMetric(v, "carl/cs.conversion-rate", "66.6667"); // X (1) converted, Y (1/2) not
    assertMetric(v, "chen/cs.conversion-rate", "75"); // X 1/2 + Z 1 of 2
    assertMetric(v, "cruz/cs.conversion-rate", "0");
    assertMetric(v, "carl/cs.satisfaction-rate", "75"); // 5 (1), 3 (1/2), 5 (1/2)
    assertMetric(v, "chen/cs.satisfaction-rate", "75"); // 3 (1/2), 4 (1), 5 (1/2)
    assertMetric(v, "carl/cs.first-response-seconds", "34.2857"); // (20 + 20 + 10 + 30) / (7/3)
    assertMetric(v, "chen/cs.first-response-seconds", "30"); // (20 + 10 + 10 + 30) / (7/3)
    assertMetric(v, "carl/cs.repeat-purchase-rate", "100"); // X converted through session 2, a repeat purchase
    assertMetric(v, "chen/cs.repeat-purchase-rate", "33.3333"); // X 1/2 of X 1/2 + Z 1

    // And back: the rule is data, the numbers follow it.
    assertThat(attribution.setRule("S-T", AttributionRule.LAST_LOGIN, "hana")).isEqualTo(AttributionRule.SPLIT);
    assertThat(agent(attribution.report("S-T", OCTOBER), "carl").sessions()).isEqualByComparingTo("1");
  }

  @Test
  void anAgentsStoresCarryTheStoreCountsAndTheirPart() {
    List<CsAttribution.AgentStore> stores = attribution.ofAgent("chen", OCTOBER);
    assertThat(stores).hasSize(1);
    CsAttribution.AgentStore s = stores.get(0);
    assertThat(s.storeId()).isEqualTo("S-T");
    assertThat(s.storeSessions()).isEqualTo(7);
    assertThat(s.storeUnattributed()).isEqualTo(2);
    assertThat(s.agentSessions()).isEqualByComparingTo("3");
    assertThat(s.agentEffectiveReceptions()).isEqualByComparingTo("3");
    assertThat(attribution.ofAgent("cleo", OCTOBER)).isEmpty(); // never logged in
    assertThat(attribution.ofAgent("chen", OCTOBER.plusMonths(1))).isEmpty();
  }
}
