package io.perfflow.plans;

import io.perfflow.NotFoundException;
import io.perfflow.Periods;
import io.perfflow.access.AccessPolicy;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.time.LocalDate;
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
 * template a weekly plan starts from: the items of the caller's role's campaign overlapping the
 * week, else the role's own template ({@link PlanTemplates}).
 */
@RestController
@RequestMapping("/api")
public class CampaignsController {
  private final Campaigns campaigns;
  private final CampaignNotices notices;
  private final PlanTemplates templates;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public CampaignsController(Campaigns campaigns, CampaignNotices notices, PlanTemplates templates, Organisation organisation,
      AccessPolicy access, EngineClock clock, io.perfflow.CompanyTime companyTime) {
    this.campaigns = campaigns;
    this.notices = notices;
    this.templates = templates;
    this.access = access;
    this.organisation = organisation;
    this.clock = clock;
    this.companyTime = companyTime;
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
    return json(campaigns.find(code).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noCampaign", io.perfflow.Texts.excerpt(code)))));
  }

  /**
   * The notices sent to procurement about a campaign (every revision): HR sees all of them, a buyer
   * their own (anyone else an empty list).
   */
  @GetMapping("/campaigns/{code}/notices")
  public List<Map<String, Object>> notices(@PathVariable String code, Authentication auth) {
    campaigns.find(code).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noCampaign", io.perfflow.Texts.excerpt(code))));
    boolean hr = access.isHr(auth.getName());
    return notices.ofCampaign(code).stream().filter(n -> hr || n.buyerId().equals(auth.getName())).map(CampaignsController::json).toList();
  }

  static Map<String, Object> json(CampaignNotices.Notice n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("campaign", n.campaignCode());
    m.put("revision", n.revision());
    m.put("phase", n.phase().name());
    m.put("buyerId", n.buyerId());
    m.put("stores", n.stores());
    m.put("expectedUplift", n.expectedUplift());
    Map<String, Object> cover = new LinkedHashMap<>();
    cover.put("inventoryPeriod", n.cover().period());
    cover.put("avgInventoryValue", n.cover().avgInventoryValue());
    cover.put("dailyCogs", n.cover().dailyCogs());
    cover.put("days", n.cover().coverDays());
    cover.put("daysWithUplift", n.cover().coverDaysWithUplift());
    m.put("stockCover", cover);
    m.put("status", n.status().name());
    m.put("sentAt", n.sentAt() == null ? null : n.sentAt().toString());
    m.put("acknowledgedBy", n.acknowledgedBy());
    m.put("acknowledgedAt", n.acknowledgedAt() == null ? null : n.acknowledgedAt().toString());
    m.put("buyerComment", n.buyerComment());
    return m;
  }

  /** What the caller's plan for {@code week} (default: the current week) starts from. */
  @GetMapping("/plans/template")
  public Map<String, Object> template(@RequestParam(required = false) String week, Authentication auth) {
    String w = week == null ? companyTime.week(clock.now()) : week;
    Periods.parseWeek("week", w);
    Employee me = organisation.find(auth.getName()).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("plans.error.noEmployee", auth.getName())));
    PlanTemplates.Template t = templates.forEmployee(me, w);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("week", w);
    body.put("source", t.source().name());
    body.put("profile", t.profile());
    body.put("campaign", t.campaign() == null ? null : json(t.campaign()));
    body.put("items", t.items());
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
    m.put("stores", c.stores());
    m.put("expectedUplift", c.expectedUplift());
    m.put("revision", c.revision());
    return m;
  }
}
