package io.perfflow.dashboard;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.Periods;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.review.CycleReports;
import io.perfflow.review.Review;
import io.perfflow.review.ReviewProcesses;
import io.perfflow.review.Reviews;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The three dashboards, each with its reader's rule: "my performance" (every employee, their own
 * data only), "my team" (a manager: the people below them in the manager chain; HR any manager's
 * team) and a cycle's statistics (HR only). The current period is the engine clock's month in the company time zone.
 */
@Service
public class Dashboards {
  /** The rating bands in their order (review-rating.dmn), for the histogram. */
  public static final List<String> RATINGS = List.of("EXCELLENT", "GOOD", "PASS", "FAIL");

  private final LiveScores live;
  private final Trends trends;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final Reviews reviews;
  private final CycleReports cycles;
  private final TaskInbox inbox;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public Dashboards(
      LiveScores live, Trends trends, Organisation organisation, AccessPolicy access, Reviews reviews, CycleReports cycles,
      TaskInbox inbox, EngineClock clock, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.live = live;
    this.trends = trends;
    this.organisation = organisation;
    this.access = access;
    this.reviews = reviews;
    this.cycles = cycles;
    this.inbox = inbox;
    this.clock = clock;
  }

  public record MyPerformance(
      String employeeId, String name, YearMonth current, LiveScores.LivePerformance live, Trends.Trend trend) {}

  public record LastReview(long reviewId, long cycleId, String period, String status, BigDecimal finalTotal, String rating) {}

  public record Member(
      String employeeId, String name, String role, String team, LiveScores.LivePerformance live, LastReview lastReview, Trends.Trend trend) {}

  public record Team(String managerId, String managerName, YearMonth current, List<Member> members) {}

  public record TeamAverage(String team, int reviews, int scored, BigDecimal averageFinalTotal) {}

  public record Adjustments(int reviewed, int adjusted, BigDecimal min, BigDecimal max, BigDecimal mean, Map<String, Integer> byPoints) {}

  public record LateStep(
      long reviewId, String employeeId, String employeeName, String team, String step, String assignee, List<String> candidateGroups,
      Instant due, long daysLate) {}

  public record CycleStats(
      long cycleId, String period, String status, int reviews, Map<String, Integer> ratings, List<TeamAverage> teams,
      Adjustments adjustments, List<LateStep> late, Instant asOf) {}

  public YearMonth currentPeriod() {
    return companyTime.period(clock.now());
  }

  /** The period asked for (default: the current one); a future period is refused (nothing to compute yet). */
  public YearMonth period(String text) {
    YearMonth current = currentPeriod();
    if (text == null || text.isBlank()) {
      return current;
    }
    YearMonth period = Periods.parse("period", text);
    if (period.isAfter(current)) {
      throw new InvalidInputException("period", io.perfflow.Msg.of("dashboard.error.future", text, current));
    }
    return period;
  }

  /** The caller's own KPIs for {@code period} so far and their last 12 months. Nobody reads another's. */
  public MyPerformance myPerformance(String actor, YearMonth period) {
    Employee me = organisation.get(actor);
    return new MyPerformance(me.id(), me.name(), period, live.of(me, period), trends.of(me.id(), period));
  }

  /**
   * The team of {@code managerId} (default the caller): the people below them in the manager
   * chain. Readable by that manager, their own managers above them and HR.
   */
  public Team team(String actor, String managerId, YearMonth period) {
    String manager = managerId == null || managerId.isBlank() ? actor : managerId;
    Employee head = organisation.find(manager)
        .orElseThrow(() -> new InvalidInputException("managerId", io.perfflow.Msg.of("dashboard.error.noEmployee", io.perfflow.Texts.excerpt(manager))));
    if (!actor.equals(manager) && !access.isHr(actor) && !access.isInManagerChain(actor, manager)) {
      throw new NotPermittedException(io.perfflow.Msg.of("dashboard.error.mayNotReadTeam", actor, manager));
    }
    List<Employee> members = organisation.all().stream()
        .filter(Employee::active)
        .filter(e -> !e.id().equals(manager) && access.isInManagerChain(manager, e.id()))
        .sorted(Comparator.comparing(Employee::team, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Employee::id))
        .toList();
    List<LiveScores.LivePerformance> values = live.of(members, period);
    Map<String, Trends.Trend> trend = trends.of(members.stream().map(Employee::id).toList(), period);
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Employee e = members.get(i);
      out.add(new Member(e.id(), e.name(), e.role(), e.team(), values.get(i), lastReview(e.id(), period), trend.get(e.id())));
    }
    return new Team(head.id(), head.name(), period, out);
  }

  /** The employee's newest review of a period before {@code current} (what the last cycle gave). */
  private LastReview lastReview(String employeeId, YearMonth current) {
    return reviews.list(null, employeeId).stream()
        .filter(r -> r.period().compareTo(current.toString()) < 0)
        .max(Comparator.comparing(Review::period).thenComparing(Review::id))
        .map(r -> new LastReview(r.id(), r.cycleId(), r.period(), r.status().name(), r.finalTotal(), r.rating()))
        .orElse(null);
  }

  /** A cycle's statistics for HR: ratings, averages per team, the managers' adjustments, the late steps. */
  public CycleStats cycle(String actor, long cycleId) {
    if (!access.isHr(actor)) {
      throw new NotPermittedException(io.perfflow.Msg.of("dashboard.error.mayNotReadStats", actor, cycleId));
    }
    var cycle = cycles.get(cycleId);
    List<Review> all = reviews.list(cycleId, null);
    Map<String, Integer> ratings = new LinkedHashMap<>();
    RATINGS.forEach(r -> ratings.put(r, 0));
    ratings.put("none", 0);
    Map<String, List<Review>> byTeam = new TreeMap<>();
    List<BigDecimal> adjustments = new ArrayList<>();
    for (Review r : all) {
      String rating = r.rating() != null && ratings.containsKey(r.rating()) ? r.rating() : "none";
      ratings.merge(rating, 1, Integer::sum);
      byTeam.computeIfAbsent(r.team() == null ? "(no team)" : r.team(), t -> new ArrayList<>()).add(r);
      if (r.adjustment() != null) {
        adjustments.add(r.adjustment());
      }
    }
    List<TeamAverage> teams = new ArrayList<>();
    byTeam.forEach((team, rs) -> {
      List<BigDecimal> finals = rs.stream().map(Review::finalTotal).filter(java.util.Objects::nonNull).toList();
      teams.add(new TeamAverage(team, rs.size(), finals.size(), mean(finals)));
    });
    Map<String, Integer> byPoints = new TreeMap<>(Comparator.comparing(BigDecimal::new));
    adjustments.forEach(a -> byPoints.merge(a.stripTrailingZeros().toPlainString(), 1, Integer::sum));
    Adjustments spread = new Adjustments(adjustments.size(), (int) adjustments.stream().filter(a -> a.signum() != 0).count(),
        adjustments.stream().min(BigDecimal::compareTo).orElse(null), adjustments.stream().max(BigDecimal::compareTo).orElse(null),
        mean(adjustments), byPoints);
    Instant now = clock.now();
    List<LateStep> late = new ArrayList<>();
    for (Review r : all) {
      for (UserTask t : inbox.open(null, null, ReviewProcesses.review(r.id()))) {
        if (t.due() != null && t.due().isBefore(now)) {
          late.add(new LateStep(r.id(), r.employeeId(), r.employeeName(), r.team(), t.name(), t.assignee(), t.candidateGroups(), t.due(),
              Duration.between(t.due(), now).toDays()));
        }
      }
    }
    late.sort(Comparator.comparing(LateStep::due).thenComparing(LateStep::reviewId));
    return new CycleStats(cycle.id(), cycle.period(), cycle.status(), all.size(), ratings, teams, spread, late, now);
  }

  private static BigDecimal mean(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
  }
}
