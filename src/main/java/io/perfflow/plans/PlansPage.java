package io.perfflow.plans;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.NotPermittedException;
import io.perfflow.Periods;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /plans}: the employee's weekly plans. This week's plan with its baseline, progress and
 * completion per item, or, before it is written, the form prefilled from the campaign's or the
 * role's template (the same checks as {@code POST /api/plans}); the earlier weeks with the lead's
 * weekly review; for a lead, the plans of their team. {@code /plans/{id}}: one plan, readable by the
 * employee, their manager chain and HR (as the API).
 */
@PageController
public class PlansPage {
  /** Rows of the form: the template's items and empty ones up to this many. */
  static final int FORM_ROWS = 5;
  private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](.*)");

  private final WeeklyPlans plans;
  private final PlanTemplates templates;
  private final Scorecards scorecards;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public PlansPage(WeeklyPlans plans, PlanTemplates templates, Scorecards scorecards, Organisation organisation, AccessPolicy access,
      EngineClock clock, io.perfflow.CompanyTime companyTime) {
    this.plans = plans;
    this.templates = templates;
    this.scorecards = scorecards;
    this.organisation = organisation;
    this.access = access;
    this.clock = clock;
    this.companyTime = companyTime;
  }

  /** A row of the plan form, as text (what was typed is shown again after a refusal). */
  public record Row(String title, String kpi, String goal, String targetChange, String unit) {}

  @GetMapping("/plans")
  public String plans(Authentication auth, Model model) {
    Employee me = me(auth);
    String week = Periods.weekOf(today());
    PlanTemplates.Template t = templates.forEmployee(me, week);
    List<Row> rows = new ArrayList<>();
    for (Campaigns.TemplateItem i : t.items()) {
      rows.add(new Row(i.title(), i.kpi(), i.goal() == null ? "" : i.goal().name(),
          i.targetChange() == null ? "" : i.targetChange().stripTrailingZeros().toPlainString(), i.unit() == null ? "" : i.unit().name()));
    }
    return page(model, me, t, rows, Map.of());
  }

  @PostMapping("/plans")
  public String write(@RequestParam MultiValueMap<String, String> form, Authentication auth, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Employee me = me(auth);
    String week = Periods.weekOf(today());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < WeeklyPlans.MAX_ITEMS; i++) {
      String title = form.getFirst("title" + i);
      if (title == null) {
        break;
      }
      rows.add(new Row(title, value(form, "kpi" + i), value(form, "goal" + i), value(form, "targetChange" + i), value(form, "unit" + i)));
    }
    // Rows left empty are not items; an item's errors are shown on its row.
    List<Integer> rowOf = new ArrayList<>();
    List<WeeklyPlans.NewItem> items = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.title().isBlank() && r.targetChange().isBlank()) {
        continue;
      }
      BigDecimal change = null;
      if (!r.targetChange().isBlank()) {
        change = io.perfflow.Numbers.parse(r.targetChange()).orElse(null);
        if (change == null) {
          errors.put("row" + i + ".targetChange", "must be a number, e.g. 2 or -10");
        }
      }
      rowOf.add(i);
      items.add(new WeeklyPlans.NewItem(r.title(), r.kpi().isBlank() ? null : r.kpi(), enumOf(PlanGoal.class, r.goal()), change,
          enumOf(ChangeUnit.class, r.unit())));
    }
    PlanTemplates.Template t = templates.forEmployee(me, week);
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return page(model, me, t, rows, errors);
    }
    try {
      WeeklyPlan plan = plans.create(me.id(), new WeeklyPlans.NewPlan(week, items), today());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("plans.flash.written", week, plan.items().size()).current());
      return "redirect:/plans";
    } catch (InvalidInputException ex) {
      response.setStatus(400);
      ex.errors().forEach(f -> errors.merge(rowField(f.field(), rowOf), f.message(), (a, b) -> a + "; " + b));
      return page(model, me, t, rows, errors);
    } catch (io.perfflow.ConflictException ex) {
      response.setStatus(409);
      errors.put("items", ex.getMessage());
      return page(model, me, t, rows, errors);
    }
  }

  @GetMapping("/plans/{id}")
  public String plan(@PathVariable long id, Authentication auth, Model model) {
    WeeklyPlan plan = plans.find(id).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noPlan", id)));
    String actor = auth.getName();
    boolean readable = actor.equals(plan.employeeId())
        || organisation.find(plan.employeeId()).map(e -> access.canReadEmployee(actor, e)).orElse(access.isHr(actor));
    if (!readable) {
      throw new NotPermittedException(io.perfflow.Msg.of("plans.error.mayNotRead", actor, id));
    }
    model.addAttribute("progress", plans.progress(plan, today()));
    model.addAttribute("employee", organisation.find(plan.employeeId()).orElse(null));
    model.addAttribute("own", actor.equals(plan.employeeId()));
    return "plan";
  }

  private String page(Model model, Employee me, PlanTemplates.Template t, List<Row> rows, Map<String, String> errors) {
    String week = t.week();
    LocalDate monday = Periods.mondayOf(week);
    List<Row> padded = new ArrayList<>(rows);
    while (padded.size() < Math.max(FORM_ROWS, rows.size()) && padded.size() < WeeklyPlans.MAX_ITEMS) {
      padded.add(new Row("", "", "IMPROVE", "", "POINTS"));
    }
    List<WeeklyPlan> mine = plans.list(me.id(), null);
    WeeklyPlan current = mine.stream().filter(p -> p.week().equals(week)).findFirst().orElse(null);
    List<Kpi> kpis = t.profile() == null ? List.of() : scorecards.find(me.role(), t.profile()).map(p -> p.kpis()).orElse(List.of());
    List<WeeklyPlan> team = new ArrayList<>();
    String previous = Periods.weekOf(monday.minusDays(7));
    for (String w : List.of(week, previous)) {
      for (WeeklyPlan p : plans.list(null, w)) {
        if (!p.employeeId().equals(me.id()) && access.isInManagerChain(me.id(), p.employeeId())) {
          team.add(p);
        }
      }
    }
    model.addAttribute("me", me);
    model.addAttribute("week", week);
    model.addAttribute("from", monday);
    model.addAttribute("to", monday.plusDays(6));
    model.addAttribute("template", t);
    model.addAttribute("kpis", kpis);
    model.addAttribute("rows", padded);
    model.addAttribute("errors", errors);
    model.addAttribute("current", current == null ? null : plans.progress(current, today()));
    model.addAttribute("earlier", mine.stream().filter(p -> !p.week().equals(week)).toList());
    model.addAttribute("team", team);
    return "plans";
  }

  /** {@code items[2].kpi} → {@code row5.kpi} (the form row item 2 came from); other fields stay. */
  static String rowField(String field, List<Integer> rowOf) {
    Matcher m = ITEM_FIELD.matcher(field);
    if (m.matches()) {
      int item = Integer.parseInt(m.group(1));
      if (item < rowOf.size()) {
        return "row" + rowOf.get(item) + m.group(2);
      }
    }
    return field;
  }

  private static String value(MultiValueMap<String, String> form, String name) {
    String v = form.getFirst(name);
    return v == null ? "" : v.strip();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    try {
      return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Employee me(Authentication auth) {
    return organisation.find(auth.getName()).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noEmployee", auth.getName())));
  }

  private LocalDate today() {
    return companyTime.today(clock.now());
  }
}
