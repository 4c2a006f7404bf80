package io.perfflow.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.Localizable;
import io.perfflow.Msg;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import io.perfflow.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The career ladders (tables {@code career_ladder}, {@code career_level}): reading, and HR's
 * replacement of a whole ladder, validated first with every problem named by level and criterion.
 */
@Service
public class CareerLadders {
  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  static final int MAX_LEVELS = 20;
  static final int MAX_CRITERIA = 20;
  static final BigDecimal MAX_PAY = new BigDecimal("1000000000");
  static final BigDecimal MAX_ALLOWANCE = new BigDecimal("1000");

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public CareerLadders(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public List<Ladder> all() {
    return jdbc.sql("SELECT track FROM career_ladder ORDER BY track").query(String.class).list().stream().map(this::get).toList();
  }

  public Optional<Ladder> find(String track) {
    if (track == null) {
      return Optional.empty();
    }
    Optional<String> name = jdbc.sql("SELECT name FROM career_ladder WHERE track = ?").param(track).query(String.class).optional();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<Ladder.Level> levels = jdbc.sql(
            "SELECT position, code, name, allowance_percent, pay_min, pay_max, criteria::text AS criteria FROM career_level WHERE track = ? ORDER BY position")
        .param(track)
        .query((rs, n) -> new Ladder.Level(
            rs.getInt("position"), rs.getString("code"), rs.getString("name"), rs.getBigDecimal("allowance_percent"),
            rs.getBigDecimal("pay_min") == null && rs.getBigDecimal("pay_max") == null ? null
                : new Ladder.PayBand(rs.getBigDecimal("pay_min"), rs.getBigDecimal("pay_max")),
            parseStored(rs.getString("code"), rs.getString("criteria"))))
        .list();
    return Optional.of(new Ladder(track, name.get(), levels));
  }

  public Ladder get(String track) {
    return find(track).orElseThrow(() -> new NotFoundException(Msg.of("promotion.error.ladderNotFound", track)));
  }

  /** Replaces the ladder {@code track} (creating it) with {@code body}; nothing is written unless all of it is valid. */
  @Transactional
  public Ladder replace(String track, JsonNode body, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (track == null || !CODE.matcher(track).matches()) {
      throw new InvalidInputException("track", Msg.of("promotion.error.track", io.perfflow.Texts.excerpt(track)));
    }
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", Msg.of("promotion.error.ladderBody"));
    }
    String name = text(body, "name", "name", 200, errors);
    if (name == null) {
      name = find(track).map(Ladder::name).orElse(track);
    }
    JsonNode levelsNode = body.path("levels");
    List<Ladder.Level> levels = new ArrayList<>();
    if (!levelsNode.isArray() || levelsNode.isEmpty()) {
      errors.add(new FieldError("levels", Msg.of("promotion.error.levelsEmpty")));
    } else if (levelsNode.size() > MAX_LEVELS) {
      errors.add(new FieldError("levels", Msg.of("promotion.error.tooManyLevels", MAX_LEVELS, levelsNode.size())));
    } else {
      Set<String> codes = new HashSet<>();
      Set<String> metrics = new HashSet<>(jdbc.sql("SELECT code FROM metric_definition").query(String.class).list());
      for (int i = 0; i < levelsNode.size(); i++) {
        JsonNode l = levelsNode.get(i);
        String at = "levels[" + i + "]";
        if (!l.isObject()) {
          errors.add(new FieldError(at, Msg.of("promotion.error.levelObject")));
          continue;
        }
        String code = text(l, "code", at + ".code", 63, errors);
        Localizable where = Msg.of("promotion.error.level", code == null ? "#" + (i + 1) : code);
        if (code == null) {
          errors.add(new FieldError(at + ".code", at(where, Msg.of("promotion.error.codeRequired"))));
        } else if (!CODE.matcher(code).matches()) {
          errors.add(new FieldError(at + ".code", at(where, Msg.of("promotion.error.codeFormat"))));
        } else if (!codes.add(code)) {
          errors.add(new FieldError(at + ".code", at(where, Msg.of("promotion.error.codeTwice"))));
        }
        String levelName = text(l, "name", at + ".name", 200, errors);
        if (levelName == null) {
          errors.add(new FieldError(at + ".name", at(where, Msg.of("promotion.error.nameRequired"))));
        }
        BigDecimal allowance = number(l.get("allowancePercent"), at + ".allowancePercent", at(where, Msg.verbatim("allowancePercent")), BigDecimal.ZERO, MAX_ALLOWANCE, 2, errors);
        Ladder.PayBand band = null;
        JsonNode b = l.get("payBand");
        if (b != null && !b.isNull()) {
          if (!b.isObject()) {
            errors.add(new FieldError(at + ".payBand", at(where, Msg.of("promotion.error.payBand"))));
          } else {
            BigDecimal min = number(b.get("min"), at + ".payBand.min", at(where, Msg.verbatim("payBand.min")), BigDecimal.ZERO, MAX_PAY, 2, errors);
            BigDecimal max = number(b.get("max"), at + ".payBand.max", at(where, Msg.verbatim("payBand.max")), BigDecimal.ZERO, MAX_PAY, 2, errors);
            if (min == null || max == null) {
              if (!errors.stream().anyMatch(e -> e.field().startsWith(at + ".payBand"))) {
                errors.add(new FieldError(at + ".payBand", at(where, Msg.of("promotion.error.payBandBoth"))));
              }
            } else if (min.compareTo(max) > 0) {
              errors.add(new FieldError(at + ".payBand", at(where, Msg.of("promotion.error.payBandOrder", min.toPlainString(), max.toPlainString()))));
            } else {
              band = new Ladder.PayBand(min, max);
            }
          }
        }
        List<Criterion> criteria = criteria(l.get("criteria"), at, where, metrics, errors);
        levels.add(new Ladder.Level(i + 1, code, levelName, allowance, band, criteria));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.sql("""
            INSERT INTO career_ladder (track, name, updated_by, updated_at) VALUES (?, ?, ?, now())
            ON CONFLICT (track) DO UPDATE SET name = excluded.name, updated_by = excluded.updated_by, updated_at = now()""")
        .params(track, name, actor)
        .update();
    jdbc.sql("DELETE FROM career_level WHERE track = ?").param(track).update();
    for (Ladder.Level l : levels) {
      jdbc.sql("""
              INSERT INTO career_level (track, position, code, name, allowance_percent, pay_min, pay_max, criteria)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
          .params(track, l.position(), l.code(), l.name(), l.allowancePercent(),
              l.payBand() == null ? null : l.payBand().min(), l.payBand() == null ? null : l.payBand().max(),
              toJson(l.criteria().stream().map(CareerLadders::criterionJson).toList()))
          .update();
    }
    return get(track);
  }

  /** A ladder as the API shows it. */
  public static Map<String, Object> json(Ladder ladder) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("track", ladder.track());
    out.put("name", ladder.name());
    List<Map<String, Object>> levels = new ArrayList<>();
    for (Ladder.Level l : ladder.levels()) {
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("code", l.code());
      level.put("name", l.name());
      level.put("allowancePercent", l.allowancePercent());
      level.put("payBand", l.payBand() == null ? null : Map.of("min", l.payBand().min(), "max", l.payBand().max()));
      level.put("criteria", l.criteria().stream().map(CareerLadders::criterionJson).toList());
      levels.add(level);
    }
    out.put("levels", levels);
    return out;
  }

  static Map<String, Object> criterionJson(Criterion c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", c.type().name());
    switch (c.type()) {
      case METRIC -> {
        m.put("metric", c.metric());
        if (c.label() != null) m.put("label", c.label());
        if (c.atLeast() != null) m.put("atLeast", c.atLeast());
        if (c.atMost() != null) m.put("atMost", c.atMost());
        m.put("over", (c.over() == null ? Criterion.Over.LATEST : c.over()).name());
        if (c.n() != null) m.put("n", c.n());
      }
      case RATING -> {
        m.put("atLeast", c.rating().name());
        m.put("lastReviews", c.lastReviews());
      }
      case REPORTS -> m.put("atLeast", c.atLeast().intValue());
      case TIME_IN_LEVEL -> m.put("months", c.months());
    }
    return m;
  }

  // --- parsing --------------------------------------------------------------------------------

  private List<Criterion> parseStored(String level, String text) {
    try {
      List<FieldError> errors = new ArrayList<>();
      List<Criterion> criteria = criteria(json.readTree(text), "level " + level, Msg.of("promotion.error.level", level), null, errors);
      if (!errors.isEmpty()) {
        throw new IllegalStateException("Stored criteria of level " + level + " are invalid: " + errors);
      }
      return criteria;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored criteria of level " + level + " are not JSON", e);
    }
  }

  /** Parses a level's criteria; {@code metrics} null = do not check that the metrics exist. */
  static List<Criterion> criteria(JsonNode node, String at, Localizable where, Set<String> metrics, List<FieldError> errors) {
    List<Criterion> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      errors.add(new FieldError(at + ".criteria", at(where, Msg.of("promotion.error.criteriaList"))));
      return out;
    }
    if (node.size() > MAX_CRITERIA) {
      errors.add(new FieldError(at + ".criteria", at(where, Msg.of("promotion.error.tooManyCriteria", MAX_CRITERIA, node.size()))));
      return out;
    }
    for (int j = 0; j < node.size(); j++) {
      JsonNode c = node.get(j);
      String f = at + ".criteria[" + j + "]";
      Localizable w = Msg.of("promotion.error.criterion", where, j + 1);
      if (!c.isObject()) {
        errors.add(new FieldError(f, at(w, Msg.of("promotion.error.criterionObject"))));
        continue;
      }
      String typeText = c.path("type").isTextual() ? c.path("type").asText() : null;
      Criterion.Type type = parseEnum(Criterion.Type.class, typeText);
      if (type == null) {
        errors.add(new FieldError(f + ".type", at(w, Msg.of("promotion.error.type", io.perfflow.Texts.excerpt(typeText)))));
        continue;
      }
      w = Msg.of("promotion.error.criterionType", w, type);
      int before = errors.size();
      Criterion parsed = switch (type) {
        case METRIC -> {
          String metric = c.path("metric").isTextual() ? c.path("metric").asText() : null;
          if (metric == null || metric.isBlank() || metric.length() > 100) {
            errors.add(new FieldError(f + ".metric", at(w, Msg.of("promotion.error.metricRequired"))));
          } else if (metrics != null && !metrics.contains(metric)) {
            errors.add(new FieldError(f + ".metric", at(w, Msg.of("promotion.error.noMetric", io.perfflow.Texts.excerpt(metric)))));
          }
          String label = text(c, "label", f + ".label", 200, errors);
          BigDecimal atLeast = number(c.get("atLeast"), f + ".atLeast", at(w, Msg.verbatim("atLeast")), null, MAX_PAY, 4, errors);
          BigDecimal atMost = number(c.get("atMost"), f + ".atMost", at(w, Msg.verbatim("atMost")), null, MAX_PAY, 4, errors);
          if (atLeast == null && atMost == null && errors.size() == before) {
            errors.add(new FieldError(f + ".atLeast", at(w, Msg.of("promotion.error.bound"))));
          }
          String overText = c.path("over").isTextual() ? c.path("over").asText() : null;
          Criterion.Over over = overText == null && (c.get("over") == null || c.get("over").isNull()) ? Criterion.Over.LATEST : parseEnum(Criterion.Over.class, overText);
          if (over == null) {
            errors.add(new FieldError(f + ".over", at(w, Msg.of("promotion.error.over", io.perfflow.Texts.excerpt(overText)))));
          }
          Integer n = integer(c.get("n"), f + ".n", at(w, Msg.verbatim("n")), 1, CriteriaEvaluator.LOOKBACK_MONTHS, errors);
          if (over != null && over != Criterion.Over.LATEST && n == null && !errors.stream().anyMatch(e -> e.field().equals(f + ".n"))) {
            errors.add(new FieldError(f + ".n", at(w, Msg.of("promotion.error.nRequired", CriteriaEvaluator.LOOKBACK_MONTHS, over))));
          }
          yield Criterion.metric(metric, label, atLeast, atMost, over, over == Criterion.Over.LATEST ? null : n);
        }
        case RATING -> {
          String ratingText = c.path("atLeast").isTextual() ? c.path("atLeast").asText() : null;
          Criterion.Rating rating = parseEnum(Criterion.Rating.class, ratingText);
          if (rating == null) {
            errors.add(new FieldError(f + ".atLeast", at(w, Msg.of("promotion.error.rating", io.perfflow.Texts.excerpt(c.path("atLeast").asText())))));
          }
          Integer last = integer(c.get("lastReviews"), f + ".lastReviews", at(w, Msg.verbatim("lastReviews")), 1, 12, errors);
          yield Criterion.rating(rating, last == null ? 1 : last);
        }
        case REPORTS -> {
          Integer least = integer(c.get("atLeast"), f + ".atLeast", at(w, Msg.verbatim("atLeast")), 0, 1000, errors);
          if (least == null && errors.size() == before) {
            errors.add(new FieldError(f + ".atLeast", at(w, Msg.of("promotion.error.reportsRequired"))));
          }
          yield Criterion.reports(least == null ? 0 : least);
        }
        case TIME_IN_LEVEL -> {
          Integer months = integer(c.get("months"), f + ".months", at(w, Msg.verbatim("months")), 0, 600, errors);
          if (months == null && errors.size() == before) {
            errors.add(new FieldError(f + ".months", at(w, Msg.of("promotion.error.monthsRequired"))));
          }
          yield Criterion.timeInLevel(months == null ? 0 : months);
        }
      };
      if (errors.size() == before) {
        out.add(parsed);
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String key, String field, int max, List<FieldError> errors) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.add(new FieldError(field, Msg.of("promotion.error.notText", key)));
      return null;
    }
    String s = v.asText().strip();
    if (s.indexOf('\0') >= 0) {
      errors.add(new FieldError(field, Msg.of("promotion.error.nul", key)));
      return null;
    }
    if (s.length() > max) {
      errors.add(new FieldError(field, Msg.of("promotion.error.textLong", key, max)));
      return null;
    }
    return s.isEmpty() ? null : s;
  }

  static BigDecimal number(JsonNode v, String field, Localizable what, BigDecimal min, BigDecimal max, int decimals, List<FieldError> errors) {
    if (v == null || v.isNull()) {
      return null;
    }
    Optional<BigDecimal> parsed = v.isNumber() ? Numbers.parse(v.toString()) : Optional.empty();
    if (parsed.isEmpty()) {
      errors.add(new FieldError(field, Msg.of("promotion.error.notANumber", what, io.perfflow.Texts.excerpt(v.toString()))));
      return null;
    }
    Optional<io.perfflow.Msg> problem = Numbers.problem(parsed.get(), min, max, decimals);
    if (problem.isPresent()) {
      errors.add(new FieldError(field, Msg.of("promotion.error.numberProblem", what, problem.get())));
      return null;
    }
    return parsed.get();
  }

  private static Integer integer(JsonNode v, String field, Localizable what, int min, int max, List<FieldError> errors) {
    BigDecimal n = number(v, field, what, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0, errors);
    return n == null ? null : n.intValueExact();
  }

  /** {@code where: text}, e.g. "level 'senior': code is required". */
  static Msg at(Localizable where, Localizable text) {
    return Msg.of("promotion.error.at", where, text);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
