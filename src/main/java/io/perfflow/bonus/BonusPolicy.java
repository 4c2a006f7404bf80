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

  /**
   * The policy form of {@code /bonus-pools}: one {@code years factor} per line of tenure factors
   * ({@code 3 1.1}), one {@code level factor} per line of level factors ({@code L2 1.2}), the FAIL
   * choice and the lead's percentage. Always the whole policy (an empty list: every factor 1). A
   * line that cannot be read is a 400 naming its list and line; the rest is checked by
   * {@link #change}.
   */
  static Policy fromForm(String tenure, String levels, String failGetsShare, String maxLeadMovePercent) {
    List<FieldError> errors = new ArrayList<>();
    List<TenureFactor> tenureFactors = new ArrayList<>();
    List<LevelFactor> levelFactors = new ArrayList<>();
    String[] tenureLines = lines(tenure);
    String[] levelLines = lines(levels);
    // more lines than rows allowed (blank ones aside, change() counts the rows): refused before reading them
    if (tenureLines.length > MAX_ROWS * 2 || levelLines.length > MAX_ROWS * 2) {
      throw new InvalidInputException(tenureLines.length > MAX_ROWS * 2 ? "tenureFactors" : "levelFactors",
          io.perfflow.Msg.of("bonus.error.tooManyRows", MAX_ROWS));
    }
    for (int i = 0; i < tenureLines.length; i++) {
      String line = tenureLines[i].strip();
      if (line.isEmpty()) continue;
      String[] parts = line.split("[\\s:=]+");
      java.util.Optional<BigDecimal> factor = parts.length == 2 ? Numbers.parse(parts[1]) : java.util.Optional.empty();
      if (parts.length != 2 || !parts[0].matches("\\d{1,3}") || factor.isEmpty()) {
        errors.add(new FieldError("tenureFactors", io.perfflow.Msg.of("bonus.error.tenureLine", i + 1)));
      } else {
        tenureFactors.add(new TenureFactor(Integer.parseInt(parts[0]), factor.get()));
      }
    }
    for (int i = 0; i < levelLines.length; i++) {
      String line = levelLines[i].strip();
      if (line.isEmpty()) continue;
      int cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
      String level = cut < 0 ? "" : line.substring(0, cut).strip().replaceFirst("\\s*[:=]$", "");
      java.util.Optional<BigDecimal> factor = cut < 0 ? java.util.Optional.empty() : Numbers.parse(line.substring(cut + 1));
      if (level.isEmpty() || factor.isEmpty()) {
        errors.add(new FieldError("levelFactors", io.perfflow.Msg.of("bonus.error.levelLine", i + 1)));
      } else {
        levelFactors.add(new LevelFactor(level, factor.get()));
      }
    }
    Boolean fail = switch (failGetsShare == null ? "" : failGetsShare.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new FieldError("failGetsShare", io.perfflow.Msg.of("errors.required")));
        yield null;
      }
    };
    BigDecimal percent = null;
    if (maxLeadMovePercent == null || maxLeadMovePercent.isBlank()) {
      errors.add(new FieldError("maxLeadMovePercent", io.perfflow.Msg.of("errors.required")));
    } else {
      percent = Numbers.parse(maxLeadMovePercent.strip()).orElse(null);
      if (percent == null) {
        errors.add(new FieldError("maxLeadMovePercent", io.perfflow.Msg.of("bonus.error.percentNumber")));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Policy(tenureFactors, levelFactors, fail, percent);
  }

  /** The line (from 1) of a form's list that holds its {@code row}-th row (from 0; blank lines hold none). */
  static int lineOf(String text, int row) {
    String[] lines = lines(text);
    for (int i = 0, seen = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && seen++ == row) return i + 1;
    }
    return row + 1;
  }

  private static String[] lines(String text) {
    return text == null || text.isBlank() ? new String[0] : text.split("\\R", -1);
  }

  /** The policy as the form shows it: one {@code years factor} / {@code level factor} per line. */
  static Map<String, String> formValues(Policy p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tenureFactors", String.join("\n", p.tenureFactors().stream().map(t -> t.minYears() + " " + t.factor().toPlainString()).toList()));
    m.put("levelFactors", String.join("\n", p.levelFactors().stream().map(l -> l.level() + " " + l.factor().toPlainString()).toList()));
    m.put("failGetsShare", String.valueOf(p.failGetsShare()));
    m.put("maxLeadMovePercent", p.maxLeadMovePercent().stripTrailingZeros().toPlainString());
    return m;
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
