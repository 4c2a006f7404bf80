package io.perfflow.plans;

import io.perfflow.NotFoundException;
import io.perfflow.Periods;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns (HR writes them: SecurityConfiguration; everyone logged in reads them) and the plan
 * template a weekly plan starts from: the items of the caller's role's campaign overlapping the week.
 */
@RestController
@RequestMapping("/api")
public class CampaignsController {
  private final Campaigns campaigns;
  private final Organisation organisation;
  private final EngineClock clock;

  public CampaignsController(Campaigns campaigns, Organisation organisation, EngineClock clock) {
    this.campaigns = campaigns;
    this.organisation = organisation;
    this.clock = clock;
  }

  @PutMapping("/campaigns/{code}")
  public Map<String, Object> save(
      @PathVariable String code, @RequestBody(required = false) Campaigns.CampaignInput body, Authentication auth) {
    return json(campaigns.save(code, body, auth.getName()));
  }

  @GetMapping("/campaigns")
  public List<Map<String, Object>> list() {
    return campaigns.all().stream().map(CampaignsController::json).toList();
  }

  @GetMapping("/campaigns/{code}")
  public Map<String, Object> get(@PathVariable String code) {
    return json(campaigns.find(code).orElseThrow(() -> new NotFoundException("No campaign '" + io.perfflow.Texts.excerpt(code) + "'")));
  }

  /** What the caller's plan for {@code week} (default: the current week) starts from. */
  @GetMapping("/plans/template")
  public Map<String, Object> template(@RequestParam(required = false) String week, Authentication auth) {
    String w = week == null ? Periods.weekOf(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC)) : week;
    LocalDate monday = Periods.parseWeek("week", w);
    Employee me = organisation.find(auth.getName()).orElseThrow(() -> new NotFoundException("No employee '" + auth.getName() + "'"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("week", w);
    var campaign = campaigns.during(me.role(), monday, monday.plusDays(6));
    body.put("campaign", campaign.map(CampaignsController::json).orElse(null));
    body.put("items", campaign.map(Campaigns.Campaign::planTemplate).orElse(List.of()));
    return body;
  }

  static Map<String, Object> json(Campaigns.Campaign c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code());
    m.put("name", c.name());
    m.put("from", c.from().toString());
    m.put("to", c.to().toString());
    m.put("role", c.role());
    m.put("profile", c.profile());
    m.put("planTemplate", c.planTemplate());
    return m;
  }
}
