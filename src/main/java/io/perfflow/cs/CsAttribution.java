package io.perfflow.cs;

import io.perfflow.InvalidInputException;
import io.perfflow.LargestRemainder;
import io.perfflow.NotFoundException;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The login-window attribution of store-account sessions (views {@code cs_attributed_session}
 * and {@code cs_unattributed_session}, V50), as the metric queries use it: the per-store rule and
 * the report of what was attributed to whom and what to nobody.
 */
@Service
public class CsAttribution {
  /** The unattributed session ids a report lists (the count is always complete). */
  public static final int UNATTRIBUTED_LISTED = 100;
  static final int MAX_STORE_ID = 100;
  static final int SCALE = 4;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  public CsAttribution(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public record AgentShare(String agentId, BigDecimal sessions, BigDecimal effectiveReceptions, long overlapped) {}

  public record Report(
      String storeId, YearMonth period, AttributionRule rule, long sessions, long attributed, long unattributed, long overlapped,
      List<AgentShare> byAgent, List<Long> unattributedSessions) {}

  /** The store id, checked (400 naming {@code field}) and known in the company's store list (404). */
  public String requireStore(String field, String storeId) {
    if (storeId == null || storeId.isBlank()) {
      throw new InvalidInputException(field, io.perfflow.Msg.of("errors.required"));
    }
    if (storeId.length() > MAX_STORE_ID) {
      throw new InvalidInputException(field, io.perfflow.Msg.of("cs.error.storeLong", MAX_STORE_ID));
    }
    boolean known = jdbc.sql("SELECT count(*) FROM source.store WHERE id = ?").param(storeId).query(Long.class).single() > 0;
    if (!known) {
      throw new NotFoundException(io.perfflow.Msg.of("cs.error.noStore", Texts.excerpt(storeId)));
    }
    return storeId;
  }

  public record Store(String id, String name, String marketplace) {}

  /** The company's stores with a shared account first (the ones attribution is about), then by id. */
  public List<Store> stores() {
    return jdbc.sql("SELECT id, name, marketplace FROM source.store ORDER BY shared_account DESC, id LIMIT 1000")
        .query((rs, i) -> new Store(rs.getString("id"), rs.getString("name"), rs.getString("marketplace"))).list();
  }

  public AttributionRule ruleOf(String storeId) {
    Optional<String> rule = jdbc.sql("SELECT rule FROM perfflow.cs_attribution_rule WHERE store_id = ?").param(storeId).query(String.class).optional();
    return rule.map(AttributionRule::valueOf).orElse(AttributionRule.LAST_LOGIN);
  }

  /** Sets the store's rule (audited, with the rule it replaced); answers the previous rule. */
  @Transactional
  public AttributionRule setRule(String storeId, AttributionRule rule, String actor) {
    AttributionRule before = ruleOf(storeId);
    jdbc.sql("""
        INSERT INTO perfflow.cs_attribution_rule (store_id, rule, updated_by, updated_at) VALUES (?, ?, ?, now())
        ON CONFLICT (store_id) DO UPDATE SET rule = EXCLUDED.rule, updated_by = EXCLUDED.updated_by, updated_at = now()""")
        .params(storeId, rule.name(), actor).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("storeId", storeId);
    details.put("rule", rule.name());
    details.put("previousRule", before.name());
    audit.append(actor, "CS_ATTRIBUTION_RULE_SET", null, details);
    return before;
  }

  public Report report(String storeId, YearMonth period) {
    Map<String, Object> p = window(period);
    p.put("store", storeId);
    long sessions = jdbc.sql("""
        SELECT count(*) FROM source.cs_session
        WHERE store_id = :store AND started_at >= :start AND started_at < :end""").params(p).query(Long.class).single();
    long unattributed = jdbc.sql("""
        SELECT count(*) FROM perfflow.cs_unattributed_session
        WHERE store_id = :store AND started_at >= :start AND started_at < :end""").params(p).query(Long.class).single();
    Map<String, Object> counts = jdbc.sql("""
        SELECT count(DISTINCT id) AS attributed, count(DISTINCT id) FILTER (WHERE covering_agents > 1) AS overlapped
        FROM perfflow.cs_attributed_session
        WHERE store_id = :store AND started_at >= :start AND started_at < :end""").params(p).query().singleRow();
    List<AgentShare> raw = jdbc.sql("""
        WITH reception AS (
          SELECT agent_id, max(share) AS weight, sum(share) AS sessions, count(*) FILTER (WHERE covering_agents > 1) AS overlapped
          FROM perfflow.cs_attributed_session
          WHERE store_id = :store AND started_at >= :start AND started_at < :end
          GROUP BY agent_id, customer_id, started_at::date) -- started_at is company-local time: ::date is the company day
        SELECT agent_id, sum(sessions) AS sessions, sum(weight) AS receptions, sum(overlapped) AS overlapped
        FROM reception GROUP BY agent_id ORDER BY agent_id""").params(p)
        .query((rs, i) -> new AgentShare(rs.getString("agent_id"), rs.getBigDecimal("sessions"), rs.getBigDecimal("receptions"),
            rs.getLong("overlapped")))
        .list();
    long attributed = ((Number) counts.get("attributed")).longValue();
    // SPLIT shares are thirds and the like: rounded so that the agents' sessions sum to the attributed count.
    List<BigDecimal> sessionsRounded = LargestRemainder.round(raw.stream().map(AgentShare::sessions).toList(),
        BigDecimal.valueOf(attributed), SCALE);
    List<AgentShare> byAgent = new java.util.ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      AgentShare a = raw.get(i);
      byAgent.add(new AgentShare(a.agentId(), sessionsRounded.get(i), scaled(a.effectiveReceptions()), a.overlapped()));
    }
    List<Long> ids = jdbc.sql("""
        SELECT id FROM perfflow.cs_unattributed_session
        WHERE store_id = :store AND started_at >= :start AND started_at < :end
        ORDER BY started_at, id LIMIT :limit""").params(p).param("limit", UNATTRIBUTED_LISTED).query(Long.class).list();
    return new Report(storeId, period, ruleOf(storeId), sessions, attributed, unattributed,
        ((Number) counts.get("overlapped")).longValue(), byAgent, ids);
  }

  /** One store an agent worked on in the period: the store's counts and the agent's part of them. */
  public record AgentStore(
      String storeId, AttributionRule rule, long storeSessions, long storeUnattributed, long storeOverlapped,
      BigDecimal agentSessions, BigDecimal agentEffectiveReceptions, long agentOverlapped) {}

  /** The stores the agent was logged in to during the period, with the attribution behind their numbers. */
  public List<AgentStore> ofAgent(String agentId, YearMonth period) {
    Map<String, Object> p = window(period);
    p.put("agent", agentId);
    List<String> stores = jdbc.sql("""
        SELECT DISTINCT store_id FROM source.cs_login
        WHERE agent_id = :agent AND login_at < :end AND logout_at > :start ORDER BY store_id""")
        .params(p).query(String.class).list();
    return stores.stream().map(store -> {
      Report r = report(store, period);
      AgentShare mine = r.byAgent().stream().filter(a -> a.agentId().equals(agentId)).findFirst()
          .orElse(new AgentShare(agentId, scaled(BigDecimal.ZERO), scaled(BigDecimal.ZERO), 0));
      return new AgentStore(store, r.rule(), r.sessions(), r.unattributed(), r.overlapped(), mine.sessions(),
          mine.effectiveReceptions(), mine.overlapped());
    }).toList();
  }

  private static Map<String, Object> window(YearMonth period) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("start", Timestamp.valueOf(period.atDay(1).atStartOfDay()));
    p.put("end", Timestamp.valueOf(period.plusMonths(1).atDay(1).atStartOfDay()));
    return p;
  }

  private static BigDecimal scaled(BigDecimal v) {
    return (v == null ? BigDecimal.ZERO : v).setScale(SCALE, RoundingMode.HALF_UP);
  }
}
