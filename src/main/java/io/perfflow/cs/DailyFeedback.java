package io.perfflow.cs;

import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.MetricValue;
import io.perfflow.metrics.SqlMetricSource;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import io.perfflow.scoring.Scoring;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of a customer-service team's day, as the daily mail and {@code GET /api/cs/daily}
 * show them: per agent with sessions that day, effective receptions and conversion (the monthly
 * metric queries over one day, so the same attribution) with their rank in the team (ties share
 * a rank: 1, 1, 3), and today's score with the agent's scorecard profile against the team
 * average. On the last working day of the week ({@link CsWorkingCalendar}: Friday unless the
 * calendar says otherwise) the week's top performers too.
 */
@Service
public class DailyFeedback {
  static final String RECEPTIONS = "cs.effective-receptions";
  static final String CONVERSION = "cs.conversion-rate";
  static final List<String> METRICS = List.of(RECEPTIONS, CONVERSION, "cs.satisfaction-rate", "cs.first-response-seconds",
      "cs.repeat-purchase-rate");
  static final String AGENT_ROLE = "customer-service";

  private final JdbcClient jdbc;
  private final SqlMetricSource metrics;
  private final Organisation organisation;
  private final Scorecards scorecards;
  private final AuditLog audit;
  private final CsWorkingCalendar calendar;

  public DailyFeedback(JdbcClient jdbc, SqlMetricSource metrics, Organisation organisation, Scorecards scorecards, AuditLog audit,
      CsWorkingCalendar calendar) {
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.metrics = metrics;
    this.organisation = organisation;
    this.scorecards = scorecards;
    this.audit = audit;
  }

  public record AgentDay(
      String agentId, String name, BigDecimal effectiveReceptions, int receptionsRank, BigDecimal conversionRate, Integer conversionRank,
      BigDecimal score, String profile, boolean dailyFeedbackMail) {}

  public record TeamDay(
      String team, LocalDate date, List<AgentDay> agents, BigDecimal teamAverageScore, List<Map<String, Object>> weekTop) {}

  /** The team's active customer-service agents. */
  List<Employee> agents(String team) {
    return organisation.all().stream().filter(e -> e.active() && AGENT_ROLE.equals(e.role()) && team.equals(e.team())).toList();
  }

  /** The managers of the team's agents (who get the team table). */
  public List<String> leadsOf(String team) {
    return agents(team).stream().map(Employee::managerId).filter(java.util.Objects::nonNull).distinct().sorted().toList();
  }

  public List<String> teams() {
    return organisation.all().stream().filter(e -> e.active() && AGENT_ROLE.equals(e.role())).map(Employee::team).distinct().sorted()
        .toList();
  }

  public TeamDay of(String team, LocalDate date) {
    List<Employee> agents = agents(team);
    Map<String, Employee> byId = agents.stream().collect(Collectors.toMap(Employee::id, Function.identity()));
    Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
    for (MetricValue v : metrics.read(byId.keySet(), date, date.plusDays(1), METRICS)) {
      values.computeIfAbsent(v.employeeId(), k -> new LinkedHashMap<>()).put(v.metric(), v.value());
    }
    // Agents with sessions that day.
    List<String> active = values.entrySet().stream()
        .filter(e -> e.getValue().getOrDefault(RECEPTIONS, BigDecimal.ZERO).signum() > 0)
        .map(Map.Entry::getKey).sorted().toList();
    Map<String, Integer> receptionRanks = ranks(active, id -> values.get(id).get(RECEPTIONS));
    Map<String, Integer> conversionRanks = ranks(active.stream().filter(id -> values.get(id).get(CONVERSION) != null).toList(),
        id -> values.get(id).get(CONVERSION));
    List<AgentDay> rows = new ArrayList<>();
    for (String id : active) {
      Employee e = byId.get(id);
      String profile = scorecards.selectProfile(e.role(), e.storeId(), YearMonth.from(date));
      BigDecimal score = dayScore(scorecards.find(e.role(), profile).orElse(null), values.get(id), date);
      rows.add(new AgentDay(id, e.name(), values.get(id).get(RECEPTIONS), receptionRanks.get(id), values.get(id).get(CONVERSION),
          conversionRanks.get(id), score, profile, wantsMail(id)));
    }
    rows.sort(Comparator.comparingInt(AgentDay::receptionsRank).thenComparing(AgentDay::agentId));
    List<BigDecimal> scores = rows.stream().map(AgentDay::score).filter(java.util.Objects::nonNull).toList();
    BigDecimal average = scores.isEmpty() ? null
        : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    return new TeamDay(team, date, rows, average, calendar.isLastWorkingDayOfWeek(date) ? weekTop(byId, date) : List.of());
  }

  /**
   * The week's last working day ({@link CsWorkingCalendar}): the week's top performers by effective
   * receptions (Monday to that day), ties included.
   */
  private List<Map<String, Object>> weekTop(Map<String, Employee> agents, LocalDate lastWorkingDay) {
    LocalDate monday = lastWorkingDay.with(DayOfWeek.MONDAY);
    Map<String, BigDecimal> week = new LinkedHashMap<>();
    for (MetricValue v : metrics.read(agents.keySet(), monday, lastWorkingDay.plusDays(1), List.of(RECEPTIONS))) {
      if (v.value().signum() > 0) {
        week.put(v.employeeId(), v.value());
      }
    }
    Map<String, Integer> ranks = ranks(List.copyOf(week.keySet()), week::get);
    return week.keySet().stream().filter(id -> ranks.get(id) == 1).sorted().map(id -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agentId", id);
      m.put("name", agents.get(id).name());
      m.put("effectiveReceptions", week.get(id));
      return m;
    }).toList();
  }

  /** Competition ranking, highest first: equal values share a rank and the next rank skips (1, 1, 3). */
  static Map<String, Integer> ranks(List<String> ids, Function<String, BigDecimal> value) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.comparing(value).reversed().thenComparing(Comparator.naturalOrder()));
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      String id = sorted.get(i);
      boolean tie = i > 0 && value.apply(sorted.get(i - 1)).compareTo(value.apply(id)) == 0;
      ranks.put(id, tie ? ranks.get(sorted.get(i - 1)) : i + 1);
    }
    return ranks;
  }

  /**
   * Today's score with the profile: the KPIs that have a value today, weights renormalised to
   * 100; a count KPI's monthly target (unit {@code receptions}) is divided by the days of the month.
   */
  static BigDecimal dayScore(WeightProfile profile, Map<String, BigDecimal> values, LocalDate date) {
    if (profile == null) {
      return null;
    }
    List<Scoring.KpiInput> inputs = new ArrayList<>();
    BigDecimal weights = BigDecimal.ZERO;
    for (Kpi k : profile.kpis()) {
      BigDecimal actual = values.get(k.metric());
      if (actual == null) {
        continue;
      }
      BigDecimal target = "receptions".equals(k.unit())
          ? k.target().divide(BigDecimal.valueOf(date.lengthOfMonth()), MathContext.DECIMAL64) : k.target();
      inputs.add(new Scoring.KpiInput(k.code(), k.direction(), target, k.weight(), actual));
      weights = weights.add(k.weight());
    }
    if (inputs.isEmpty()) {
      return null;
    }
    BigDecimal total = Scoring.score(inputs, new BigDecimal("1.2")).total();
    return total.multiply(BigDecimal.valueOf(100)).divide(weights, 2, RoundingMode.HALF_UP);
  }

  public boolean wantsMail(String employeeId) {
    return jdbc.sql("SELECT daily_feedback FROM employee_preference WHERE employee_id = ?").param(employeeId).query(Boolean.class)
        .optional().orElse(true);
  }

  @Transactional
  public void setDailyFeedback(String employeeId, boolean on, String actor) {
    jdbc.sql("""
        INSERT INTO employee_preference (employee_id, daily_feedback, updated_at) VALUES (?, ?, now())
        ON CONFLICT (employee_id) DO UPDATE SET daily_feedback = EXCLUDED.daily_feedback, updated_at = now()""")
        .params(employeeId, on).update();
    audit.append(actor, "EMPLOYEE_PREFERENCE_SET", null, Map.of("employeeId", employeeId, "dailyFeedback", on));
  }

  /** The day's run: claimed once per day; records the recognitions. Answers false when the day had run. */
  @Transactional
  public boolean claimRun(LocalDate date) {
    return jdbc.sql("INSERT INTO cs_daily_run (day) VALUES (?) ON CONFLICT (day) DO NOTHING").param(date).update() == 1;
  }

  /** Records the day's recognitions of the team (rank 1 in receptions, in conversion; the week's last working day: the week's top). */
  @Transactional
  public List<Map<String, Object>> recordRecognitions(TeamDay day) {
    List<Map<String, Object>> given = new ArrayList<>();
    for (AgentDay a : day.agents()) {
      if (a.receptionsRank() == 1) {
        given.add(recognise(day, a.agentId(), "RECEPTIONS_TOP", "effective receptions #1 on " + day.date()));
      }
      if (a.conversionRank() != null && a.conversionRank() == 1) {
        given.add(recognise(day, a.agentId(), "CONVERSION_TOP", "conversion #1 on " + day.date()));
      }
    }
    for (Map<String, Object> w : day.weekTop()) {
      given.add(recognise(day, (String) w.get("agentId"), "WEEK_TOP", "top performer of the week ending " + day.date()));
    }
    return given;
  }

  private Map<String, Object> recognise(TeamDay day, String employeeId, String kind, String label) {
    String reward = jdbc.sql("SELECT reward FROM cs_recognition_reward WHERE kind = ?").param(kind).query(String.class).optional()
        .orElse(null);
    jdbc.sql("""
        INSERT INTO cs_recognition (day, employee_id, team, kind, label, reward) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (day, employee_id, kind) DO NOTHING""").params(day.date(), employeeId, day.team(), kind, label, reward).update();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("employeeId", employeeId);
    m.put("kind", kind);
    m.put("label", label);
    m.put("reward", reward);
    return m;
  }

  /** An employee's recognitions, newest first. */
  public List<Map<String, Object>> recognitionsOf(String employeeId) {
    return jdbc.sql("SELECT day, kind, label, reward FROM cs_recognition WHERE employee_id = ? ORDER BY day DESC, kind")
        .param(employeeId)
        .query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("day", rs.getObject("day", LocalDate.class).toString());
          m.put("kind", rs.getString("kind"));
          m.put("label", rs.getString("label"));
          m.put("reward", rs.getString("reward"));
          return m;
        })
        .list();
  }

  /** The kinds of recognition, in the order the rewards are shown. */
  public static final List<String> RECOGNITION_KINDS = List.of("RECEPTIONS_TOP", "CONVERSION_TOP", "WEEK_TOP");

  static final int MAX_REWARD = 200;

  /** What each kind of recognition earns (no row: no reward named). */
  public List<Map<String, Object>> rewards() {
    Map<String, String> rows = new LinkedHashMap<>();
    jdbc.sql("SELECT kind, reward FROM cs_recognition_reward").query((rs, i) -> rows.put(rs.getString("kind"), rs.getString("reward"))).list();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String kind : RECOGNITION_KINDS) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind);
      m.put("reward", rows.get(kind));
      out.add(m);
    }
    return out;
  }

  /**
   * Sets what a kind of recognition earns from the next recognition on (those given keep theirs);
   * an empty text names no reward. 400 naming {@code kind} or {@code reward}; audited
   * {@code CS_RECOGNITION_REWARD_SET} with the previous reward.
   */
  @Transactional
  public Map<String, Object> setReward(String kind, String reward, String actor) {
    if (kind == null || !RECOGNITION_KINDS.contains(kind)) {
      throw new io.perfflow.InvalidInputException("kind", io.perfflow.Msg.of("cs.error.kind", io.perfflow.Texts.excerpt(kind), RECOGNITION_KINDS));
    }
    if (reward == null) {
      throw new io.perfflow.InvalidInputException("reward", io.perfflow.Msg.of("cs.error.rewardRequired"));
    }
    String text = reward.strip();
    if (text.length() > MAX_REWARD || text.chars().anyMatch(Character::isISOControl)) {
      throw new io.perfflow.InvalidInputException("reward", io.perfflow.Msg.of("cs.error.rewardLong", MAX_REWARD));
    }
    String before = jdbc.sql("SELECT reward FROM cs_recognition_reward WHERE kind = ?").param(kind).query(String.class).optional().orElse(null);
    if (text.isEmpty()) {
      jdbc.sql("DELETE FROM cs_recognition_reward WHERE kind = ?").param(kind).update();
    } else {
      jdbc.sql("INSERT INTO cs_recognition_reward (kind, reward) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET reward = EXCLUDED.reward")
          .params(kind, text).update();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind);
    details.put("reward", text.isEmpty() ? null : text);
    details.put("previousReward", before);
    audit.append(actor, "CS_RECOGNITION_REWARD_SET", null, details);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("kind", kind);
    answer.put("reward", text.isEmpty() ? null : text);
    answer.put("previousReward", before);
    return answer;
  }
}
