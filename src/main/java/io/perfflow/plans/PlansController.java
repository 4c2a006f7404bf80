package io.perfflow.plans;

import io.perfflow.NotFoundException;
import io.perfflow.NotPermittedException;
import io.perfflow.Periods;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Weekly plans. An employee writes their own plan ({@code POST /api/plans}); a plan is readable
 * by the employee, their manager chain and HR (the weekly review task goes to the manager).
 * "Today" is the engine clock's date in the company time zone, so moving the engine clock moves the plans' weeks too.
 */
@RestController
@RequestMapping("/api")
public class PlansController {
  private final WeeklyPlans plans;
  private final AccessPolicy access;
  private final Organisation organisation;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public PlansController(WeeklyPlans plans, AccessPolicy access, Organisation organisation, EngineClock clock,
      io.perfflow.CompanyTime companyTime) {
    this.plans = plans;
    this.access = access;
    this.organisation = organisation;
    this.clock = clock;
    this.companyTime = companyTime;
  }

  @PostMapping("/plans")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) WeeklyPlans.NewPlan body, Authentication auth) {
    WeeklyPlan plan = plans.create(auth.getName(), body, today());
    return json(plans.progress(plan, today()));
  }

  /**
   * Plans of {@code employeeId} (default: everyone the caller may read: themselves, the people
   * below them in the manager chain; HR everyone), optionally of one {@code week}.
   */
  @GetMapping("/plans")
  public List<Map<String, Object>> list(
      @RequestParam(required = false) String employeeId, @RequestParam(required = false) String week, Authentication auth) {
    if (week != null) {
      Periods.parseWeek("week", week);
    }
    String actor = auth.getName();
    if (employeeId != null) {
      Employee e = organisation.find(employeeId).orElse(null);
      if (e == null || !access.canReadEmployee(actor, e)) {
        // An unknown id answers like someone else's: nobody learns who exists.
        throw new NotPermittedException(io.perfflow.Msg.of("plans.error.mayNotReadPlans", actor, io.perfflow.Texts.excerpt(employeeId)));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (WeeklyPlan p : plans.list(employeeId, week)) {
      if (employeeId != null || readable(actor, p)) {
        out.add(summary(p));
      }
    }
    return out;
  }

  @GetMapping("/plans/{id}")
  public Map<String, Object> get(@PathVariable long id, Authentication auth) {
    WeeklyPlan plan = plans.find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noPlan", id)));
    if (!readable(auth.getName(), plan)) {
      throw new NotPermittedException(io.perfflow.Msg.of("plans.error.mayNotRead", auth.getName(), id));
    }
    return json(plans.progress(plan, today()));
  }

  private boolean readable(String actor, WeeklyPlan plan) {
    if (actor.equals(plan.employeeId())) {
      return true;
    }
    return organisation.find(plan.employeeId()).map(e -> access.canReadEmployee(actor, e)).orElse(access.isHr(actor));
  }

  private LocalDate today() {
    return companyTime.today(clock.now());
  }

  static Map<String, Object> summary(WeeklyPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("employeeId", p.employeeId());
    m.put("week", p.week());
    LocalDate monday = Periods.mondayOf(p.week());
    m.put("from", monday.toString());
    m.put("to", monday.plusDays(6).toString());
    m.put("role", p.role());
    m.put("profile", p.profile());
    m.put("status", p.status().name());
    m.put("createdAt", p.createdAt() == null ? null : p.createdAt().toString());
    m.put("averageCompletion", p.averageCompletion());
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("by", p.reviewedBy());
    review.put("at", p.reviewedAt() == null ? null : p.reviewedAt().toString());
    review.put("comment", p.reviewComment());
    review.put("accepted", p.status() == PlanStatus.ACCEPTED ? Boolean.TRUE : p.status() == PlanStatus.NOT_ACCEPTED ? Boolean.FALSE : null);
    m.put("review", review);
    m.put("itemCount", p.items().size());
    return m;
  }

  static Map<String, Object> json(WeeklyPlans.PlanProgress progress) {
    Map<String, Object> m = summary(progress.plan());
    m.remove("itemCount");
    m.put("asOf", progress.asOf().toString());
    m.put("daysElapsed", progress.daysElapsed());
    m.put("closedAt", progress.plan().closedAt() == null ? null : progress.plan().closedAt().toString());
    List<Map<String, Object>> items = new ArrayList<>();
    for (WeeklyPlans.ItemProgress ip : progress.items()) {
      PlanItem i = ip.item();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("position", i.position());
      line.put("title", i.title());
      line.put("kpi", i.kpi());
      line.put("metric", i.metric());
      line.put("goal", i.goal().name());
      line.put("unit", i.unit().name());
      line.put("targetChange", i.targetChange());
      line.put("baseline", i.baseline());
      line.put("baselineSource", i.baselineSource());
      line.put("current", ip.current());
      line.put("comparedTo", ip.comparedTo());
      line.put("progress", ip.progress());
      line.put("expectedProgress", ip.expectedProgress());
      line.put("completion", ip.completion());
      line.put("capped", ip.capped());
      line.put("lagging", i.lagging());
      line.put("note", ip.note());
      items.add(line);
    }
    m.put("items", items);
    return m;
  }
}
