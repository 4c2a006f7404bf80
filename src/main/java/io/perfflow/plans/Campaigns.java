package io.perfflow.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.Numbers;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns (618: June 1–18, Double 11: November 1–11): a date range for one role with a plan
 * template (the items a weekly plan of a week overlapping the campaign starts from) and optionally
 * a scorecard profile that applies to review periods overlapping it ({@code Scorecards.selectProfile}:
 * a campaign wins over the peak-season calendar). This class alone writes the {@code campaign}
 * table; the profile rule reads it.
 */
@Service
public class Campaigns {
  static final int MAX_DAYS = 92;
  private static final BigDecimal MAX_CHANGE = new BigDecimal("1000000");

  private final JdbcClient jdbc;
  private final Scorecards scorecards;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final CampaignNotices notices;

  public Campaigns(JdbcClient jdbc, Scorecards scorecards, AuditLog audit, ObjectMapper json, TransactionTemplate tx,
      @Lazy CampaignNotices notices) {
    this.jdbc = jdbc;
    this.scorecards = scorecards;
    this.audit = audit;
    this.json = json;
    this.tx = tx;
    this.notices = notices;
  }

  public record TemplateItem(String title, String kpi, PlanGoal goal, BigDecimal targetChange, ChangeUnit unit) {}

  public record CampaignInput(
      String name, String from, String to, String role, List<TemplateItem> planTemplate, String profile,
      List<String> stores, BigDecimal expectedUplift) {
    public CampaignInput(String name, String from, String to, String role, List<TemplateItem> planTemplate, String profile) {
      this(name, from, to, role, planTemplate, profile, null, null);
    }
  }

  /**
   * A campaign; {@code stores} and {@code expectedUplift} (percent more orders) are what procurement
   * is told ({@link CampaignNotices}); {@code revision} counts its saves.
   */
  public record Campaign(
      String code, String name, LocalDate from, LocalDate to, String role, List<TemplateItem> planTemplate, String profile,
      List<String> stores, BigDecimal expectedUplift, int revision) {}

  static final int MAX_STORES = 50;
  private static final BigDecimal MAX_UPLIFT = new BigDecimal("1000");

  /**
   * Validates and stores the campaign (all or nothing), then, once committed, hands it to
   * {@link CampaignNotices}: a campaign with stores starts a campaign-notice instance, and an
   * earlier save's instance is superseded.
   */
  public Campaign save(String code, CampaignInput in, String actor) {
    Saved saved = tx.execute(status -> store(code, in, actor));
    notices.campaignSaved(saved.campaign(), saved.previousRevision());
    return find(code).orElseThrow();
  }

  private record Saved(Campaign campaign, Integer previousRevision) {}

  private Saved store(String code, CampaignInput in, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,49}")) {
      errors.add(new FieldError("code", io.perfflow.Msg.of("plans.error.campaignCode", Texts.excerpt(code))));
    }
    if (in == null) {
      errors.add(new FieldError("body", io.perfflow.Msg.of("plans.error.campaignBody")));
      throw new InvalidInputException(errors);
    }
    if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
      errors.add(new FieldError("name", io.perfflow.Msg.of("plans.error.campaignName")));
    }
    LocalDate from = date("from", in.from(), errors);
    LocalDate to = date("to", in.to(), errors);
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.add(new FieldError("to", io.perfflow.Msg.of("plans.error.endsBefore", from)));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        errors.add(new FieldError("to", io.perfflow.Msg.of("plans.error.campaignLong", MAX_DAYS)));
      }
    }
    WeightProfile profile = null;
    if (in.role() == null || in.role().isBlank() || in.role().length() > 100) {
      errors.add(new FieldError("role", io.perfflow.Msg.of("errors.required")));
    } else if (scorecards.find(in.role(), Scorecards.NORMAL).isEmpty()) {
      errors.add(new FieldError("role", io.perfflow.Msg.of("plans.error.roleNoScorecard", Texts.excerpt(in.role()))));
    } else {
      String name = in.profile() == null ? Scorecards.NORMAL : in.profile();
      Optional<WeightProfile> found = name.length() > 100 ? Optional.empty() : scorecards.find(in.role(), name);
      if (found.isEmpty()) {
        errors.add(new FieldError("profile", io.perfflow.Msg.of("plans.error.noProfile", in.role(), Texts.excerpt(name))));
      } else {
        profile = found.get();
      }
    }
    List<TemplateItem> items = in.planTemplate() == null ? List.of() : in.planTemplate();
    Set<String> kpis = profile == null ? Set.of() : profile.kpis().stream().map(Kpi::code).collect(Collectors.toSet());
    WeightProfile chosen = profile;
    checkItems("planTemplate", items, item -> chosen != null && (item.kpi() == null || !kpis.contains(item.kpi()))
        ? io.perfflow.Msg.of("plans.error.templateKpi", Texts.excerpt(item.kpi()), chosen.role() + "/" + chosen.profile(), kpis) : null, errors);
    List<String> stores = in.stores() == null ? List.of() : in.stores();
    if (stores.size() > MAX_STORES) {
      errors.add(new FieldError("stores", io.perfflow.Msg.of("plans.error.tooManyStores", MAX_STORES, stores.size())));
    } else {
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < stores.size(); i++) {
        String store = stores.get(i);
        if (store == null || store.isBlank() || store.length() > 100 || store.indexOf('\u0000') >= 0) {
          errors.add(new FieldError("stores[" + i + "]", io.perfflow.Msg.of("plans.error.storeId")));
        } else if (!seen.add(store)) {
          errors.add(new FieldError("stores[" + i + "]", io.perfflow.Msg.of("plans.error.storeTwice", store)));
        } else if (jdbc.sql("SELECT count(*) FROM source.store WHERE id = ?").param(store).query(Long.class).single() == 0) {
          errors.add(new FieldError("stores[" + i + "]", io.perfflow.Msg.of("plans.error.noStore", Texts.excerpt(store))));
        }
      }
    }
    if (in.expectedUplift() != null) {
      Optional<io.perfflow.Msg> range = Numbers.problem(in.expectedUplift(), new BigDecimal("0.01"), MAX_UPLIFT, 2);
      range.ifPresent(p -> errors.add(new FieldError("expectedUplift", io.perfflow.Msg.of("plans.error.uplift", p))));
      if (range.isEmpty() && stores.isEmpty()) {
        errors.add(new FieldError("stores", io.perfflow.Msg.of("plans.error.upliftStores")));
      }
    } else if (!stores.isEmpty()) {
      errors.add(new FieldError("expectedUplift", io.perfflow.Msg.of("plans.error.upliftRequired")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Integer previous = jdbc.sql("SELECT revision FROM campaign WHERE code = ? FOR UPDATE").param(code).query(Integer.class).optional().orElse(null);
    String template;
    try {
      template = json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.sql("""
            INSERT INTO campaign (code, name, from_day, to_day, role, plan_template, profile, updated_by, stores, expected_uplift)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, from_day = excluded.from_day, to_day = excluded.to_day,
              role = excluded.role, plan_template = excluded.plan_template, profile = excluded.profile,
              updated_by = excluded.updated_by, updated_at = now(), stores = excluded.stores,
              expected_uplift = excluded.expected_uplift, revision = campaign.revision + 1, notice_process_key = NULL""")
        .params(code, in.name().strip(), from, to, in.role(), template, in.profile(), actor,
            stores.toArray(String[]::new), in.expectedUplift()).update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("code", code);
    details.put("name", in.name().strip());
    details.put("from", from.toString());
    details.put("to", to.toString());
    details.put("role", in.role());
    details.put("profile", in.profile());
    details.put("planTemplate", items);
    details.put("stores", stores);
    details.put("expectedUplift", in.expectedUplift());
    Campaign saved = find(code).orElseThrow();
    details.put("revision", saved.revision());
    audit.append(actor, "CAMPAIGN_SAVED", null, details);
    return new Saved(saved, previous);
  }

  /**
   * The checks of a template's items (a campaign's or a role's, {@link PlanTemplates#save}): at most
   * as many as a plan has, a title, a goal, a unit, a target change that fits the goal (as for plan
   * items); {@code kpiProblem} says what is wrong with an item's KPI (null: nothing). Errors name
   * {@code <field>[i].<part>}.
   */
  static void checkItems(String field, List<TemplateItem> items, java.util.function.Function<TemplateItem, io.perfflow.Msg> kpiProblem,
      List<FieldError> errors) {
    if (items.size() > WeeklyPlans.MAX_ITEMS) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("plans.error.templateItems", WeeklyPlans.MAX_ITEMS, items.size())));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      TemplateItem item = items.get(i);
      String at = field + "[" + i + "]";
      if (item == null) {
        errors.add(new FieldError(at, io.perfflow.Msg.of("errors.required")));
        continue;
      }
      if (item.title() == null || item.title().isBlank() || item.title().length() > WeeklyPlans.MAX_TITLE) {
        errors.add(new FieldError(at + ".title", io.perfflow.Msg.of("plans.error.templateTitle", WeeklyPlans.MAX_TITLE)));
      }
      io.perfflow.Msg kpi = kpiProblem.apply(item);
      if (kpi != null) {
        errors.add(new FieldError(at + ".kpi", kpi));
      }
      if (item.goal() == null) {
        errors.add(new FieldError(at + ".goal", io.perfflow.Msg.of("plans.error.goal")));
      }
      if (item.unit() == null) {
        errors.add(new FieldError(at + ".unit", io.perfflow.Msg.of("plans.error.unit")));
      }
      Optional<io.perfflow.Msg> range = Numbers.problem(item.targetChange(), MAX_CHANGE.negate(), MAX_CHANGE, 4);
      io.perfflow.Msg sign = range.isEmpty() && item.goal() != null ? PlanCompletion.targetProblem(item.goal(), item.targetChange()) : null;
      if (range.isPresent() || sign != null) {
        errors.add(range.isPresent() ? new FieldError(at + ".targetChange", range.get()) : new FieldError(at + ".targetChange", sign));
      }
    }
  }

  public Optional<Campaign> find(String code) {
    return jdbc.sql("SELECT * FROM campaign WHERE code = ?").param(code).query(this::campaign).optional();
  }

  public List<Campaign> all() {
    return jdbc.sql("SELECT * FROM campaign ORDER BY from_day, code").query(this::campaign).list();
  }

  /** The earliest campaign of {@code role} that overlaps the days {@code from}..{@code to}, if any. */
  public Optional<Campaign> during(String role, LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT * FROM campaign WHERE role = ? AND from_day <= ? AND to_day >= ? ORDER BY from_day, code LIMIT 1")
        .params(role, to, from).query(this::campaign).optional();
  }

  private Campaign campaign(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    List<TemplateItem> items;
    try {
      items = List.of(json.readValue(rs.getString("plan_template"), TemplateItem[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("campaign " + rs.getString("code") + " has an unreadable plan template", e);
    }
    java.sql.Array stores = rs.getArray("stores");
    BigDecimal uplift = rs.getBigDecimal("expected_uplift");
    return new Campaign(rs.getString("code"), rs.getString("name"), rs.getObject("from_day", LocalDate.class),
        rs.getObject("to_day", LocalDate.class), rs.getString("role"), items, rs.getString("profile"),
        stores == null ? List.of() : List.of((String[]) stores.getArray()), uplift == null ? null : uplift.stripTrailingZeros(),
        rs.getInt("revision"));
  }

  private static LocalDate date(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("plans.error.dateRequired")));
      return null;
    }
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("plans.error.date", Texts.excerpt(text))));
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("plans.error.date", text)));
      return null;
    }
  }
}
