package io.perfflow.plans;

import io.perfflow.Periods;
import io.perfflow.org.Employee;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

  public PlanTemplates(JdbcClient jdbc, Campaigns campaigns, Scorecards scorecards) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.scorecards = scorecards;
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
