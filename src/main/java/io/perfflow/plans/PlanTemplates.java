package io.perfflow.plans;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import io.perfflow.Periods;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import io.perfflow.org.Employee;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a new weekly plan starts from: the plan template of the employee's role's campaign that
 * overlaps the week (the earliest, if several), else the role's own template
 * ({@code plan_template_item}, data), of which only the items whose KPI is in the profile that
 * applies to the employee that week are offered (a new hire's profile has other KPIs).
 */
@Service
public class PlanTemplates {
  /** Where the items came from. */
  public enum Source { CAMPAIGN, ROLE, NONE }

  public record Template(String week, Source source, String profile, Campaigns.Campaign campaign, List<Campaigns.TemplateItem> items) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final Scorecards scorecards;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public PlanTemplates(JdbcClient jdbc, Campaigns campaigns, Scorecards scorecards, AuditLog audit, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.scorecards = scorecards;
    this.audit = audit;
    this.tx = tx;
  }

  /** A role's template as HR writes it: {@code PUT /api/plan-templates/{role}}. */
  public record TemplateInput(List<Campaigns.TemplateItem> items) {}

  /** The role's template items, or 404 when the role has no scorecard (there is nothing to link them to). */
  public List<Campaigns.TemplateItem> ofScoredRole(String role) {
    requireScorecard(role);
    return ofRole(role);
  }

  /**
   * Replaces the role's template (all or nothing; an empty list removes it). Every item's KPI must
   * be a KPI of one of the role's profiles (400 naming {@code items[i].kpi} and listing the codes);
   * which items a plan is offered still depends on the profile that applies that week. Audited as
   * {@code PLAN_TEMPLATE_SAVED} with the items before and after.
   */
  public List<Campaigns.TemplateItem> save(String role, TemplateInput in, String actor) {
    requireScorecard(role);
    List<FieldError> errors = new ArrayList<>();
    if (in == null || in.items() == null) {
      errors.add(new FieldError(in == null ? "body" : "items", io.perfflow.Msg.of("plans.error.roleTemplateBody")));
      throw new InvalidInputException(errors);
    }
    Set<String> kpis = new TreeSet<>();
    scorecards.all().stream().filter(p -> p.role().equals(role)).forEach(p -> p.kpis().forEach(k -> kpis.add(k.code())));
    Campaigns.checkItems("items", in.items(), item -> item.kpi() == null || !kpis.contains(item.kpi())
        ? io.perfflow.Msg.of("plans.error.roleTemplateKpi", Texts.excerpt(item.kpi()), role, kpis) : null, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return tx.execute(status -> {
      jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('perfflow-plan-template:' || ?))").param(role).query(rs -> {});
      List<Campaigns.TemplateItem> before = ofRole(role);
      jdbc.sql("DELETE FROM plan_template_item WHERE role = ?").param(role).update();
      List<Campaigns.TemplateItem> items = in.items();
      for (int i = 0; i < items.size(); i++) {
        Campaigns.TemplateItem item = items.get(i);
        jdbc.sql("INSERT INTO plan_template_item (role, position, title, kpi, goal, target_change, unit) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(role, i + 1, item.title().strip(), item.kpi(), item.goal().name(), item.targetChange(), item.unit().name()).update();
      }
      List<Campaigns.TemplateItem> after = ofRole(role);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("role", role);
      details.put("before", before);
      details.put("items", after);
      audit.append(actor, "PLAN_TEMPLATE_SAVED", null, details);
      return after;
    });
  }

  private void requireScorecard(String role) {
    if (role == null || role.length() > 100 || scorecards.find(role, Scorecards.NORMAL).isEmpty()) {
      throw new NotFoundException(io.perfflow.Msg.of("plans.error.roleNoScorecard", Texts.excerpt(role)));
    }
  }

  /** The role's template items (all of them, in order). */
  public List<Campaigns.TemplateItem> ofRole(String role) {
    return jdbc.sql("SELECT * FROM plan_template_item WHERE role = ? ORDER BY position").param(role)
        .query((rs, n) -> new Campaigns.TemplateItem(rs.getString("title"), rs.getString("kpi"),
            PlanGoal.valueOf(rs.getString("goal")), rs.getBigDecimal("target_change").stripTrailingZeros(),
            ChangeUnit.valueOf(rs.getString("unit"))))
        .list();
  }

  public Template forEmployee(Employee employee, String week) {
    LocalDate monday = Periods.mondayOf(week);
    String profile = null;
    Set<String> kpis = Set.of();
    if (scorecards.find(employee.role(), Scorecards.NORMAL).isPresent()) {
      profile = scorecards.selectProfile(employee.role(), employee.storeId(), employee.hiredOn(), Periods.monthOfWeek(week));
      kpis = scorecards.find(employee.role(), profile).map(WeightProfile::kpis).orElse(List.of()).stream()
          .map(Kpi::code).collect(Collectors.toSet());
    }
    Optional<Campaigns.Campaign> campaign = campaigns.during(employee.role(), monday, monday.plusDays(6));
    if (campaign.isPresent()) {
      return new Template(week, Source.CAMPAIGN, profile, campaign.get(), campaign.get().planTemplate());
    }
    Set<String> valid = kpis;
    List<Campaigns.TemplateItem> items = ofRole(employee.role()).stream().filter(i -> valid.contains(i.kpi())).toList();
    return new Template(week, items.isEmpty() ? Source.NONE : Source.ROLE, profile, null, items);
  }
}
