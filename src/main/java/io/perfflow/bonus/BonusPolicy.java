package io.perfflow.bonus;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.Numbers;
import io.perfflow.Texts;
import io.perfflow.audit.AuditLog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool policy HR edits: the tenure factors, the level factors, whether a FAIL rating gets a
 * share and how much of a pool the lead may move. Every change is checked as a whole (400 naming
 * the field or row, nothing written) and audited ({@code BONUS_POLICY_SET}, with the values
 * before and after). A pool already allocated keeps its numbers; the next allocation reads the new
 * policy.
 */
@Service
public class BonusPolicy {
  static final int MAX_ROWS = 100;
  static final int MAX_LEVEL = 50;
  static final int MAX_YEARS = 80;
  static final BigDecimal MAX_FACTOR = new BigDecimal("100");

  private final JdbcClient jdbc;
  private final AuditLog audit;

  public BonusPolicy(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public record TenureFactor(Integer minYears, BigDecimal factor) {}

  public record LevelFactor(String level, BigDecimal factor) {}

  /** The policy; in a change every field may be left out (null: unchanged), a list replaces its table. */
  public record Policy(List<TenureFactor> tenureFactors, List<LevelFactor> levelFactors, Boolean failGetsShare,
      BigDecimal maxLeadMovePercent) {}

  public Policy current() {
    return new Policy(
        jdbc.sql("SELECT min_years, factor FROM bonus_tenure_factor ORDER BY min_years")
            .query((rs, i) -> new TenureFactor(rs.getInt("min_years"), rs.getBigDecimal("factor").stripTrailingZeros())).list(),
        jdbc.sql("SELECT level, factor FROM bonus_level_factor ORDER BY level")
            .query((rs, i) -> new LevelFactor(rs.getString("level"), rs.getBigDecimal("factor").stripTrailingZeros())).list(),
        Boolean.parseBoolean(setting("fail_gets_share", "false")),
        new BigDecimal(setting("max_lead_move_percent", "10")));
  }

  @Transactional
  public Policy change(Policy in, String actor) {
    if (in == null || (in.tenureFactors() == null && in.levelFactors() == null && in.failGetsShare() == null
        && in.maxLeadMovePercent() == null)) {
      throw new InvalidInputException("tenureFactors", io.perfflow.Msg.of("bonus.error.nothingToChange"));
    }
    List<FieldError> errors = new ArrayList<>();
    if (in.tenureFactors() != null) {
      if (in.tenureFactors().size() > MAX_ROWS) {
        errors.add(new FieldError("tenureFactors", io.perfflow.Msg.of("bonus.error.tooManyRows", MAX_ROWS)));
      } else {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < in.tenureFactors().size(); i++) {
          TenureFactor t = in.tenureFactors().get(i);
          String row = "tenureFactors[" + i + "]";
          if (t == null) {
            errors.add(new FieldError(row, io.perfflow.Msg.of("bonus.error.emptyRow")));
            continue;
          }
          if (t.minYears() == null || t.minYears() < 0 || t.minYears() > MAX_YEARS) {
            errors.add(new FieldError(row + ".minYears", io.perfflow.Msg.of("bonus.error.minYears", MAX_YEARS)));
          } else if (!seen.add(t.minYears())) {
            errors.add(new FieldError(row + ".minYears", io.perfflow.Msg.of("bonus.error.yearsTwice", t.minYears())));
          }
          factorProblem(t.factor(), row + ".factor", errors);
        }
      }
    }
    if (in.levelFactors() != null) {
      if (in.levelFactors().size() > MAX_ROWS) {
        errors.add(new FieldError("levelFactors", io.perfflow.Msg.of("bonus.error.tooManyRows", MAX_ROWS)));
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.levelFactors().size(); i++) {
          LevelFactor l = in.levelFactors().get(i);
          String row = "levelFactors[" + i + "]";
          if (l == null) {
            errors.add(new FieldError(row, io.perfflow.Msg.of("bonus.error.emptyRow")));
            continue;
          }
          if (l.level() == null || l.level().isBlank()) {
            errors.add(new FieldError(row + ".level", io.perfflow.Msg.of("errors.required")));
          } else if (l.level().length() > MAX_LEVEL || l.level().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(row + ".level", io.perfflow.Msg.of("bonus.error.levelLong", MAX_LEVEL)));
          } else if (!seen.add(l.level())) {
            errors.add(new FieldError(row + ".level", io.perfflow.Msg.of("bonus.error.levelTwice", l.level())));
          }
          factorProblem(l.factor(), row + ".factor", errors);
        }
      }
    }
    if (in.maxLeadMovePercent() != null) {
      Numbers.problem(in.maxLeadMovePercent(), BigDecimal.ZERO, new BigDecimal("100"), 2)
          .ifPresent(p -> errors.add(new FieldError("maxLeadMovePercent", p)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Policy before = current();
    if (in.tenureFactors() != null) {
      jdbc.sql("DELETE FROM bonus_tenure_factor").update();
      in.tenureFactors().forEach(t -> jdbc.sql("INSERT INTO bonus_tenure_factor (min_years, factor) VALUES (?, ?)")
          .params(t.minYears(), t.factor()).update());
    }
    if (in.levelFactors() != null) {
      jdbc.sql("DELETE FROM bonus_level_factor").update();
      in.levelFactors().forEach(l -> jdbc.sql("INSERT INTO bonus_level_factor (level, factor) VALUES (?, ?)")
          .params(l.level(), l.factor()).update());
    }
    if (in.failGetsShare() != null) {
      setSetting("fail_gets_share", in.failGetsShare().toString());
    }
    if (in.maxLeadMovePercent() != null) {
      setSetting("max_lead_move_percent", in.maxLeadMovePercent().stripTrailingZeros().toPlainString());
    }
    Policy after = current();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("before", asMap(before));
    details.put("after", asMap(after));
    audit.append(actor, "BONUS_POLICY_SET", null, details);
    return after;
  }

  private static void factorProblem(BigDecimal factor, String field, List<FieldError> errors) {
    Numbers.problem(factor, BigDecimal.ZERO, MAX_FACTOR, 4).ifPresent(p -> errors.add(new FieldError(field, p)));
  }

  static Map<String, Object> asMap(Policy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tenureFactors", p.tenureFactors().stream().map(t -> t.minYears() + "y: " + t.factor().toPlainString()).toList());
    m.put("levelFactors", p.levelFactors().stream().map(l -> l.level() + ": " + l.factor().toPlainString()).toList());
    m.put("failGetsShare", p.failGetsShare());
    m.put("maxLeadMovePercent", p.maxLeadMovePercent().toPlainString());
    return m;
  }

  private String setting(String key, String fallback) {
    return jdbc.sql("SELECT value FROM bonus_pool_setting WHERE key = ?").param(key).query(String.class).optional().orElse(fallback);
  }

  private void setSetting(String key, String value) {
    jdbc.sql("INSERT INTO bonus_pool_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
        .params(key, value).update();
  }
}
