package io.perfflow.scorecard;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.audit.AuditLog;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scorecards (per role, named weight profiles) and the rule that picks the profile for a
 * review: new hires' profile, the store's stage for store-based roles, a campaign's profile,
 * the peak-season calendar, else normal (see {@link #selectProfile(String, String, LocalDate, YearMonth)}).
 */
@Service
public class Scorecards {
  public static final String NORMAL = "normal";
  public static final String PEAK_SEASON = "peak-season";
  public static final String NEW_HIRE = "new-hire";

  private final JdbcClient jdbc;
  private final AuditLog audit;

  public Scorecards(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<WeightProfile> all() {
    Map<String, List<Kpi>> byProfile = new LinkedHashMap<>();
    jdbc.sql("SELECT p.role, p.profile FROM scorecard_profile p ORDER BY p.role, p.profile")
        .query((rs, n) -> byProfile.put(rs.getString(1) + "/" + rs.getString(2), new ArrayList<>()))
        .list();
    jdbc.sql("SELECT * FROM scorecard_kpi ORDER BY role, profile, position")
        .query((rs, n) -> byProfile.get(rs.getString("role") + "/" + rs.getString("profile")).add(kpi(rs, n)))
        .list();
    List<WeightProfile> result = new ArrayList<>();
    byProfile.forEach(
        (key, kpis) -> {
          String[] parts = key.split("/", 2);
          result.add(new WeightProfile(parts[0], parts[1], kpis));
        });
    return result;
  }

  public Optional<WeightProfile> find(String role, String profile) {
    List<Kpi> kpis =
        jdbc.sql("SELECT * FROM scorecard_kpi WHERE role = ? AND profile = ? ORDER BY position")
            .params(role, profile)
            .query(Scorecards::kpi)
            .list();
    return kpis.isEmpty() ? Optional.empty() : Optional.of(new WeightProfile(role, profile, kpis));
  }

  public List<String> roles() {
    return jdbc.sql("SELECT DISTINCT role FROM scorecard_profile ORDER BY role").query(String.class).list();
  }

  /** Creates or replaces a profile after validating it (weights, targets, known metrics). */
  @Transactional
  public WeightProfile save(WeightProfile profile, String actor) {
    List<FieldError> errors = new ArrayList<>(profile.problems());
    if (profile.kpis() != null) {
      for (int i = 0; i < profile.kpis().size(); i++) {
        String metric = profile.kpis().get(i).metric();
        if (metric != null
            && jdbc.sql("SELECT count(*) FROM metric_definition WHERE code = ?").param(metric).query(Long.class).single() == 0) {
          errors.add(new FieldError("kpis[" + i + "].metric", io.perfflow.Msg.of("scorecard.error.unknownMetric", metric)));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.sql(
            """
            INSERT INTO scorecard_profile (role, profile, updated_by) VALUES (?, ?, ?)
            ON CONFLICT (role, profile) DO UPDATE SET updated_at = now(), updated_by = excluded.updated_by""")
        .params(profile.role(), profile.profile(), actor)
        .update();
    jdbc.sql("DELETE FROM scorecard_kpi WHERE role = ? AND profile = ?").params(profile.role(), profile.profile()).update();
    int position = 0;
    for (Kpi k : profile.kpis()) {
      jdbc.sql(
              """
              INSERT INTO scorecard_kpi (role, profile, position, code, name, unit, direction, target, weight, metric, perspective)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(profile.role(), profile.profile(), position++, k.code(), k.name(), k.unit(),
              k.direction().name(), k.target(), k.weight(), k.metric(), k.perspective() == null ? null : k.perspective().name())
          .update();
    }
    audit.append(actor, "SCORECARD_CHANGED", null,
        Map.of("role", profile.role(), "profile", profile.profile(), "kpis", profile.kpis()));
    return find(profile.role(), profile.profile()).orElseThrow();
  }

  /** As {@link #selectProfile(String, String, LocalDate, YearMonth)} for someone not newly hired. */
  public String selectProfile(String role, String storeId, YearMonth period) {
    return selectProfile(role, storeId, null, period);
  }

  /**
   * Which profile applies to an employee of {@code role} for {@code period}, first match wins:
   * <ol>
   *   <li>{@code new-hire} when the role has it and the employee was hired less than
   *       {@code scoring_setting.new_hire_months} (6) whole months before the period (hired in
   *       May: October is 5 months later and still new, November is not);
   *   <li>a store-stage profile when the role has them and the employee works on a store;
   *   <li>the profile of a campaign of the role that overlaps the period (the earliest one when
   *       several do): campaigns win over the peak-season calendar, they are the more specific plan;
   *   <li>{@code peak-season} when the period is in the peak-season calendar and the role has it;
   *   <li>{@code normal}.
   * </ol>
   */
  public String selectProfile(String role, String storeId, LocalDate hiredOn, YearMonth period) {
    if (hiredOn != null && find(role, NEW_HIRE).isPresent()) {
      // Whole months since the hiring month: hired in May, October is 5 (new), November 6 (not).
      long months = ChronoUnit.MONTHS.between(YearMonth.from(hiredOn), period);
      BigDecimal limit = jdbc.sql("SELECT value FROM scoring_setting WHERE name = 'new_hire_months'")
          .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
      if (months >= 0 && BigDecimal.valueOf(months).compareTo(limit) < 0) {
        return NEW_HIRE;
      }
    }
    if (storeId != null) {
      Optional<LocalDate> openedOn =
          jdbc.sql("SELECT opened_on FROM store WHERE id = ?").param(storeId).query(LocalDate.class).optional();
      if (openedOn.isPresent()) {
        long month = ChronoUnit.MONTHS.between(YearMonth.from(openedOn.get()), period) + 1;
        Optional<String> stage =
            jdbc.sql(
                    """
                    SELECT s.profile FROM store_stage_profile s
                    JOIN scorecard_profile p ON p.role = s.role AND p.profile = s.profile
                    WHERE s.role = ? AND ? >= s.from_month AND (s.to_month IS NULL OR ? <= s.to_month)
                    ORDER BY s.from_month LIMIT 1""")
                .params(role, month, month)
                .query(String.class)
                .optional();
        if (stage.isPresent()) {
          return stage.get();
        }
      }
    }
    Optional<String> campaign = jdbc.sql("""
            SELECT c.profile FROM campaign c
            JOIN scorecard_profile p ON p.role = c.role AND p.profile = c.profile
            WHERE c.role = ? AND c.from_day < ? AND c.to_day >= ?
            ORDER BY c.from_day, c.code LIMIT 1""")
        .params(role, period.plusMonths(1).atDay(1), period.atDay(1))
        .query(String.class).optional();
    if (campaign.isPresent()) {
      return campaign.get();
    }
    boolean peak =
        jdbc.sql("SELECT count(*) FROM peak_season WHERE period = ?").param(period.toString()).query(Long.class).single() > 0;
    if (peak && find(role, PEAK_SEASON).isPresent()) {
      return PEAK_SEASON;
    }
    if (find(role, NORMAL).isPresent()) {
      return NORMAL;
    }
    throw new InvalidInputException("role", io.perfflow.Msg.of("scorecard.error.noNormal", role, NORMAL));
  }

  public Map<String, String> peakSeasons() {
    Map<String, String> result = new LinkedHashMap<>();
    jdbc.sql("SELECT period, name FROM peak_season ORDER BY period")
        .query((rs, n) -> result.put(rs.getString(1), rs.getString(2)))
        .list();
    return result;
  }

  @Transactional
  public void savePeakSeason(String period, String name, String actor) {
    io.perfflow.Periods.parse("period", period);
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInputException("name", io.perfflow.Msg.of("scorecard.error.peakName"));
    }
    jdbc.sql("INSERT INTO peak_season (period, name) VALUES (?, ?) ON CONFLICT (period) DO UPDATE SET name = excluded.name")
        .params(period, name)
        .update();
    audit.append(actor, "PEAK_SEASON_SET", null, Map.of("period", period, "name", name));
  }

  @Transactional
  public void deletePeakSeason(String period, String actor) {
    io.perfflow.Periods.parse("period", period);
    if (jdbc.sql("DELETE FROM peak_season WHERE period = ?").param(period).update() == 0) {
      return; // nothing was removed: no audit event
    }
    audit.append(actor, "PEAK_SEASON_REMOVED", null, Map.of("period", period));
  }

  private static Kpi kpi(ResultSet rs, int row) throws SQLException {
    return new Kpi(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("unit"),
        Direction.valueOf(rs.getString("direction")),
        rs.getBigDecimal("target").stripTrailingZeros(),
        rs.getBigDecimal("weight").stripTrailingZeros(),
        rs.getString("metric"),
        rs.getString("perspective") == null ? null : Perspective.valueOf(rs.getString("perspective")));
  }
}
