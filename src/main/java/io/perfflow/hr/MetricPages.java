package io.perfflow.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfflow.InvalidInputException;
import io.perfflow.api.MetricsController;
import io.perfflow.metrics.MetricDefinitions;
import io.perfflow.source.SourceTable;
import io.perfflow.source.SourceTables;
import io.perfflow.web.PageController;
import io.perfflow.web.WebSupport;
import jakarta.servlet.http.HttpServletResponse;
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
 * Metric definitions: the list and one metric (everyone reads what a KPI measures, as
 * {@code GET /api/metrics/{code}}: a review's KPI line links here), with where its values come
 * from (the query and the source tables it reads, or "imported"); HR edits or creates one through
 * {@link MetricsController#define}, the query check's error shown under the query.
 */
@PageController
public class MetricPages {
  static final List<String> FIELDS = List.of("name", "unit", "description", "query", "datasource", "min", "max");
  private static final Pattern SOURCE_TABLE = Pattern.compile("(?i)\\bsource\\.([a-z_]+)");

  private final MetricDefinitions definitions;
  private final MetricsController api;
  private final ObjectMapper json;

  public MetricPages(MetricDefinitions definitions, MetricsController api, ObjectMapper json) {
    this.definitions = definitions;
    this.api = api;
    this.json = json;
  }

  @GetMapping("/metrics")
  String list(Model model) {
    model.addAttribute("metrics", definitions.all());
    return "metrics";
  }

  @GetMapping("/metrics/new")
  String create(Authentication auth, Model model) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.defineMetrics"));
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(f -> values.put(f, ""));
    return page(model, null, "", values, Map.of(), auth);
  }

  @PostMapping("/metrics")
  String saveNew(@RequestParam(defaultValue = "") String code, @RequestParam Map<String, String> form, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.defineMetrics"));
    if (definitions.find(code.strip()).isPresent()) {
      response.setStatus(400);
      return page(model, null, code, values(form), Map.of("code", "metric '" + code.strip() + "' exists already: edit it on its page"), auth);
    }
    return save(code.strip(), null, form, auth, model, response, redirect);
  }

  @GetMapping("/metrics/{code}")
  String metric(@PathVariable String code, Authentication auth, Model model) {
    MetricDefinitions.Definition d = definitions.get(code);
    return page(model, d, code, values(d), Map.of(), auth);
  }

  @PostMapping("/metrics/{code}")
  String change(@PathVariable String code, @RequestParam Map<String, String> form, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    HrPages.requireHr(auth, io.perfflow.Msg.of("hr.error.may.defineMetrics"));
    return save(code, definitions.get(code), form, auth, model, response, redirect);
  }

  private String save(String code, MetricDefinitions.Definition existing, Map<String, String> form, Authentication auth, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Map<String, String> values = values(form);
    ObjectNode body = json.createObjectNode();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String f : FIELDS) {
      String v = values.get(f);
      if (f.equals("min") || f.equals("max")) {
        if (!v.isBlank()) {
          try {
            body.put(f, new java.math.BigDecimal(v.strip()));
          } catch (NumberFormatException e) {
            errors.put(f, "'" + io.perfflow.Texts.excerpt(v) + "' is not a number");
          }
        }
      } else if (!v.isBlank() || !f.equals("query") && !f.equals("datasource")) {
        body.put(f, v);
      }
    }
    if (errors.isEmpty()) {
      try {
        boolean created = api.define(code, body, auth).getStatusCode().value() == 201;
        redirect.addFlashAttribute("flash", io.perfflow.Msg.of(created ? "hr.flash.metricCreated" : "hr.flash.metricSaved", code).current());
        return "redirect:/metrics/" + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
      } catch (InvalidInputException e) {
        errors.putAll(HrPages.byField(e));
      }
    }
    response.setStatus(400);
    return page(model, existing, code, values, errors, auth);
  }

  private String page(Model model, MetricDefinitions.Definition d, String code, Map<String, String> values, Map<String, String> errors,
      Authentication auth) {
    model.addAttribute("metric", d);
    model.addAttribute("code", code);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("usedBy", d == null ? List.of() : definitions.usedBy(d.code()));
    model.addAttribute("sources", d == null || d.query() == null || d.datasource() != null ? List.of() : sourcesOf(d.query()));
    model.addAttribute("canEdit", WebSupport.isHr(auth));
    Matcher line = Pattern.compile("at line (\\d+)").matcher(errors.getOrDefault("query", ""));
    model.addAttribute("queryErrorLine", line.find() ? line.group(1) : null);
    return "metric";
  }

  /** The source tables a query names, with what the ingestion API calls them. */
  static List<SourceTable> sourcesOf(String query) {
    java.util.Set<String> tables = new java.util.LinkedHashSet<>();
    Matcher m = SOURCE_TABLE.matcher(query);
    while (m.find()) {
      tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    return SourceTables.ALL.stream().filter(t -> tables.contains(t.table())).toList();
  }

  private static Map<String, String> values(MetricDefinitions.Definition d) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", d.name());
    values.put("unit", d.unit());
    values.put("description", d.description());
    values.put("query", d.query() == null ? "" : d.query());
    values.put("datasource", d.datasource() == null ? "" : d.datasource());
    values.put("min", d.min() == null ? "" : d.min().toPlainString());
    values.put("max", d.max() == null ? "" : d.max().toPlainString());
    return values;
  }

  private static Map<String, String> values(Map<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
    return values;
  }
}
