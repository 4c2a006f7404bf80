package io.perfflow.hr;

import io.perfflow.InvalidInputException;
import io.perfflow.metrics.MetricDefinitions;
import io.perfflow.scorecard.Direction;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import io.perfflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scorecards (HR): every role's weight profiles, and one profile's KPIs in an editor whose weight
 * sum is shown live by {@code static/js/scorecard.js} (without JavaScript it is shown after saving);
 * the server's check ({@link Scorecards#save}: weights sum to 100, targets, known metrics) decides,
 * its messages next to the row and cell they are about.
 */
@PageController
public class ScorecardPages {
  /** Empty rows offered below a profile's KPIs, to add KPIs without JavaScript. */
  static final int SPARE_ROWS = 3;
  static final List<String> COLUMNS = List.of("code", "name", "unit", "direction", "target", "weight", "metric", "perspective");
  private static final Pattern KPI_FIELD = Pattern.compile("kpis\\[(\\d*)\\]\\.?(.*)");

  private final Scorecards scorecards;
  private final MetricDefinitions metrics;

  public ScorecardPages(Scorecards scorecards, MetricDefinitions metrics) {
    this.scorecards = scorecards;
    this.metrics = metrics;
  }

  /** One editor row: the cells as typed, and the errors per cell ("row" for the row as a whole). */
  public record Row(Map<String, String> cells, Map<String, String> errors) {}

  @GetMapping("/scorecards")
  String list(Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editScorecards"));
    model.addAttribute("profiles", scorecards.all());
    return "scorecards";
  }

  /** "Open" on the list page: the role and profile typed in. */
  @GetMapping(value = "/scorecards", params = {"role", "profile"})
  String open(@RequestParam String role, @RequestParam String profile, Authentication auth) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editScorecards"));
    return "redirect:/scorecards/" + org.springframework.web.util.UriUtils.encodePathSegment(role.strip(), java.nio.charset.StandardCharsets.UTF_8)
        + "/" + org.springframework.web.util.UriUtils.encodePathSegment(profile.strip(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @GetMapping("/scorecards/{role}/{profile}")
  String edit(@PathVariable String role, @PathVariable String profile, Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editScorecards"));
    List<Row> rows = new ArrayList<>();
    scorecards.find(role, profile).ifPresent(p -> p.kpis().forEach(k -> rows.add(new Row(cells(k), Map.of()))));
    return page(model, role, profile, rows, List.of(), scorecards.find(role, profile).isEmpty());
  }

  @PostMapping("/scorecards/{role}/{profile}")
  String save(@PathVariable String role, @PathVariable String profile, @RequestParam org.springframework.util.MultiValueMap<String, String> form,
      Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.editScorecards"));
    int n = COLUMNS.stream().mapToInt(c -> form.getOrDefault(c, List.of()).size()).max().orElse(0);
    List<Row> rows = new ArrayList<>();
    List<Kpi> kpis = new ArrayList<>();
    List<Integer> rowOfKpi = new ArrayList<>();
    boolean unparsable = false;
    for (int i = 0; i < n; i++) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (String c : COLUMNS) {
        List<String> values = form.getOrDefault(c, List.of());
        cells.put(c, i < values.size() ? values.get(i).strip() : "");
      }
      boolean blank = COLUMNS.stream().filter(c -> !c.equals("direction") && !c.equals("perspective")).allMatch(c -> cells.get(c).isEmpty());
      if (blank) {
        continue; // an unused spare row
      }
      Map<String, String> errors = new LinkedHashMap<>();
      BigDecimal target = number(cells.get("target"), "target", errors);
      BigDecimal weight = number(cells.get("weight"), "weight", errors);
      Direction direction = null;
      try {
        direction = cells.get("direction").isEmpty() ? null : Direction.valueOf(cells.get("direction"));
      } catch (IllegalArgumentException e) {
        errors.put("direction", "must be HIGHER_IS_BETTER or LOWER_IS_BETTER");
      }
      io.perfflow.scorecard.Perspective perspective = null;
      try {
        perspective = cells.get("perspective").isEmpty() ? null : io.perfflow.scorecard.Perspective.valueOf(cells.get("perspective"));
      } catch (IllegalArgumentException e) {
        errors.put("perspective", "must be empty or one of " + java.util.Arrays.toString(io.perfflow.scorecard.Perspective.values()));
      }
      unparsable |= !errors.isEmpty();
      rows.add(new Row(cells, errors));
      kpis.add(new Kpi(empty(cells.get("code")), empty(cells.get("name")), cells.get("unit"), direction, target, weight, empty(cells.get("metric")),
          perspective));
      rowOfKpi.add(rows.size() - 1);
    }
    List<String> general = new ArrayList<>();
    try {
      if (unparsable) {
        // Still ask the server's check about everything else, then report both.
        new WeightProfile(role, profile, kpis).validated();
        throw new InvalidInputException(List.of());
      }
      scorecards.save(new WeightProfile(role, profile, kpis), auth.getName());
      redirect.addFlashAttribute("flash", io.perfflow.Msg.of("hr.flash.scorecard", role + "/" + profile).current());
      return "redirect:/scorecards/" + org.springframework.web.util.UriUtils.encodePathSegment(role, java.nio.charset.StandardCharsets.UTF_8)
          + "/" + org.springframework.web.util.UriUtils.encodePathSegment(profile, java.nio.charset.StandardCharsets.UTF_8);
    } catch (InvalidInputException e) {
      for (var f : e.errors()) {
        Matcher m = KPI_FIELD.matcher(f.field());
        if (m.matches() && !m.group(1).isEmpty() && Integer.parseInt(m.group(1)) < rowOfKpi.size()) {
          Row row = rows.get(rowOfKpi.get(Integer.parseInt(m.group(1))));
          String cell = m.group(2).isEmpty() ? "row" : m.group(2);
          row.errors().merge(cell, f.message(), (a, b) -> a.contains(b) ? a : a + "; " + b);
        } else {
          general.add(f.message());
        }
      }
    }
    response.setStatus(400);
    return page(model, role, profile, rows, general, scorecards.find(role, profile).isEmpty());
  }

  private String page(Model model, String role, String profile, List<Row> rows, List<String> general, boolean isNew) {
    List<Row> all = new ArrayList<>(rows);
    for (int i = 0; i < SPARE_ROWS; i++) {
      Map<String, String> cells = new LinkedHashMap<>();
      COLUMNS.forEach(c -> cells.put(c, c.equals("direction") ? "HIGHER_IS_BETTER" : ""));
      all.add(new Row(cells, Map.of()));
    }
    BigDecimal sum = rows.stream().map(r -> parse(r.cells().get("weight"))).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    model.addAttribute("role", role);
    model.addAttribute("profile", profile);
    model.addAttribute("rows", all);
    model.addAttribute("generalErrors", general);
    model.addAttribute("hasRowErrors", rows.stream().anyMatch(r -> !r.errors().isEmpty()));
    model.addAttribute("weightSum", sum.stripTrailingZeros().toPlainString());
    model.addAttribute("isNew", isNew);
    model.addAttribute("metrics", metrics.all());
    model.addAttribute("directions", Direction.values());
    model.addAttribute("perspectives", io.perfflow.scorecard.Perspective.values());
    return "scorecard";
  }

  private static Map<String, String> cells(Kpi k) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("code", k.code());
    cells.put("name", k.name());
    cells.put("unit", k.unit() == null ? "" : k.unit());
    cells.put("direction", k.direction().name());
    cells.put("target", k.target().stripTrailingZeros().toPlainString());
    cells.put("weight", k.weight().stripTrailingZeros().toPlainString());
    cells.put("metric", k.metric());
    cells.put("perspective", k.perspective() == null ? "" : k.perspective().name());
    return cells;
  }

  private static BigDecimal number(String text, String field, Map<String, String> errors) {
    if (text.isEmpty()) {
      return null;
    }
    BigDecimal d = parse(text);
    if (d == null) {
      errors.put(field, "'" + io.perfflow.Texts.excerpt(text) + "' is not a number");
    }
    return d;
  }

  private static BigDecimal parse(String text) {
    try {
      return text == null || text.isEmpty() ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String empty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
