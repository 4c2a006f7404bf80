package io.perfflow.dashboard;

import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.org.Employee;
import io.perfflow.review.ReviewScoring;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import io.perfflow.scoring.Scoring;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An employee's KPIs for a period so far, computed live from the metric sources the way a review
 * would compute them for the same window: the same profile choice ({@link Scorecards#selectProfile}),
 * the same values (the metrics' queries with imported values in their place,
 * {@link MetricCollector#collect}) and the same scoring ({@link Scoring#score} with the review's
 * completion cap). A KPI without a value yet is listed without a score and the total stays empty
 * (a review would stop there too). Results are cached for {@code perfflow.dashboards.live-cache-ttl}
 * (PT3M) per employee and period, so a dashboard does not run every metric query on each view.
 */
@Component
public class LiveScores {
  public record LiveLine(
      String kpi, String name, String unit, String direction, String metric, BigDecimal target, BigDecimal weight,
      BigDecimal actual, String source, BigDecimal completion, BigDecimal score) {}

  /** {@code total} is null until every KPI has a value ({@code missing} names those without). */
  public record LivePerformance(
      String employeeId, String period, String role, String profile, List<LiveLine> lines, BigDecimal total,
      List<String> missing, Instant computedAt) {}

  private record Key(String employeeId, YearMonth period) {}

  private record Cached(Instant at, LivePerformance value) {}

  private final Scorecards scorecards;
  private final MetricCollector collector;
  private final ReviewScoring scoring;
  private final Duration ttl;
  private final Clock clock;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  public LiveScores(
      Scorecards scorecards, MetricCollector collector, ReviewScoring scoring,
      @Value("${perfflow.dashboards.live-cache-ttl:PT3M}") Duration ttl) {
    this.scorecards = scorecards;
    this.collector = collector;
    this.scoring = scoring;
    this.ttl = ttl;
    this.clock = Clock.systemUTC();
  }

  public LivePerformance of(Employee employee, YearMonth period) {
    return of(List.of(employee), period).get(0);
  }

  /** Each employee's live KPIs, in the order given; those not cached are read set-based (one query per metric). */
  public List<LivePerformance> of(List<Employee> employees, YearMonth period) {
    Instant now = clock.instant();
    Map<String, LivePerformance> found = new HashMap<>();
    List<Employee> toRead = new ArrayList<>();
    for (Employee e : employees) {
      Cached c = cache.get(new Key(e.id(), period));
      if (c != null && c.at().plus(ttl).isAfter(now)) {
        found.put(e.id(), c.value());
      } else {
        toRead.add(e);
      }
    }
    if (!toRead.isEmpty()) {
      for (LivePerformance p : compute(toRead, period, now)) {
        found.put(p.employeeId(), p);
        cache.put(new Key(p.employeeId(), period), new Cached(now, p));
      }
      // Keep the cache bounded to what is still fresh.
      cache.values().removeIf(c -> !c.at().plus(ttl).isAfter(now));
    }
    return employees.stream().map(e -> found.get(e.id())).toList();
  }

  private List<LivePerformance> compute(List<Employee> employees, YearMonth period, Instant now) {
    Map<String, Optional<WeightProfile>> profiles = new LinkedHashMap<>();
    Set<String> metrics = new LinkedHashSet<>();
    for (Employee e : employees) {
      Optional<WeightProfile> profile = profile(e, period);
      profiles.put(e.id(), profile);
      profile.ifPresent(p -> p.kpis().forEach(k -> metrics.add(k.metric())));
    }
    Map<String, Map<String, CollectedMetric>> values = new HashMap<>();
    for (CollectedMetric v : collector.collect(employees.stream().map(Employee::id).toList(), period, metrics)) {
      values.computeIfAbsent(v.employeeId(), id -> new HashMap<>()).put(v.metric(), v);
    }
    BigDecimal cap = scoring.completionCap();
    List<LivePerformance> out = new ArrayList<>();
    for (Employee e : employees) {
      Optional<WeightProfile> profile = profiles.get(e.id());
      if (profile.isEmpty()) {
        out.add(new LivePerformance(e.id(), period.toString(), e.role(), null, List.of(), null, List.of(), now));
        continue;
      }
      Map<String, CollectedMetric> mine = values.getOrDefault(e.id(), Map.of());
      List<String> missing = new ArrayList<>();
      List<Scoring.KpiInput> inputs = new ArrayList<>();
      for (Kpi k : profile.get().kpis()) {
        CollectedMetric v = mine.get(k.metric());
        if (v == null) {
          missing.add(k.code());
        } else {
          inputs.add(new Scoring.KpiInput(k.code(), k.direction(), k.target(), k.weight(), v.value()));
        }
      }
      Scoring.Result result = Scoring.score(inputs, cap);
      Map<String, Scoring.KpiScore> scores = new HashMap<>();
      result.lines().forEach(s -> scores.put(s.code(), s));
      List<LiveLine> lines = new ArrayList<>();
      for (Kpi k : profile.get().kpis()) {
        CollectedMetric v = mine.get(k.metric());
        Scoring.KpiScore s = scores.get(k.code());
        lines.add(new LiveLine(k.code(), k.name(), k.unit(), k.direction().name(), k.metric(), k.target(), k.weight(),
            v == null ? null : v.value(), v == null ? null : v.source(),
            s == null ? null : s.completion(), s == null ? null : s.score()));
      }
      out.add(new LivePerformance(e.id(), period.toString(), e.role(), profile.get().profile(), lines,
          missing.isEmpty() ? result.total() : null, missing, now));
    }
    return out;
  }

  private Optional<WeightProfile> profile(Employee e, YearMonth period) {
    if (e.role() == null || !scorecards.roles().contains(e.role())) {
      return Optional.empty();
    }
    try {
      return scorecards.find(e.role(), scorecards.selectProfile(e.role(), e.storeId(), period));
    } catch (io.perfflow.InvalidInputException noNormalProfile) {
      return Optional.empty();
    }
  }
}
