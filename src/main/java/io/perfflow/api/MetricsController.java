package io.perfflow.api;

import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.MetricDefinitions;
import io.perfflow.metrics.MetricImportService;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metric definitions (everyone reads what a KPI measures; HR defines them) and the manual metric
 * import (CSV or JSON) for platforms without an API: all rows or none.
 */
@RestController
@RequestMapping("/api/metrics")
public class MetricsController {
  private final MetricImportService imports;
  private final MetricDefinitions definitions;
  private final AuditLog audit;

  private final com.fasterxml.jackson.databind.ObjectMapper json;

  public MetricsController(MetricImportService imports, MetricDefinitions definitions, AuditLog audit, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.json = json;
    this.imports = imports;
    this.definitions = definitions;
    this.audit = audit;
  }

  @GetMapping
  public List<Map<String, Object>> all() {
    return definitions.all().stream().map(d -> json(d, null)).toList();
  }

  @GetMapping("/{code}")
  public Map<String, Object> one(@PathVariable String code) {
    return json(definitions.get(code), definitions.usedBy(code));
  }

  @PutMapping("/{code}")
  public ResponseEntity<Map<String, Object>> define(@PathVariable String code, @RequestBody String text, Principal principal) {
    com.fasterxml.jackson.databind.JsonNode body;
    try {
      // Decimals as BigDecimal (min/max keep every digit; 1e2147483647 is refused by the range check, not rounded to infinity).
      body = json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new io.perfflow.InvalidInputException("body", io.perfflow.Msg.of("metrics.error.notJson", e.getOriginalMessage()));
    }
    return define(code, body, principal);
  }

  /** {@link #define(String, String, Principal)} with the body already read (the metric pages). */
  public ResponseEntity<Map<String, Object>> define(String code, com.fasterxml.jackson.databind.JsonNode body, Principal principal) {
    MetricDefinitions.Change change = change(body);
    boolean created = definitions.save(code, change, principal.getName());
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(json(definitions.get(code), definitions.usedBy(code)));
  }

  @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public Object importMetrics(@RequestBody String body, @RequestHeader("Content-Type") String contentType, Principal principal) {
    boolean json = contentType.startsWith(MediaType.APPLICATION_JSON_VALUE);
    var result = json ? imports.importJson(body, principal.getName()) : imports.importCsv(body, principal.getName());
    audit.append(principal.getName(), "METRICS_IMPORTED", null,
        Map.of("format", json ? "json" : "csv", "result", result));
    return result;
  }

  /** The fields of {@code PUT /api/metrics/{code}}: any other is a 400 naming it (a misspelt "querry" must not silently drop the query). */
  static final List<String> FIELDS = java.util.Arrays.stream(MetricDefinitions.Change.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).toList();

  private MetricDefinitions.Change change(com.fasterxml.jackson.databind.JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new io.perfflow.InvalidInputException("body", io.perfflow.Msg.of("metrics.error.definitionObject", String.join(", ", FIELDS)));
    }
    List<io.perfflow.InvalidInputException.FieldError> unknown = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        unknown.add(new io.perfflow.InvalidInputException.FieldError(io.perfflow.Texts.excerpt(name),
            io.perfflow.Msg.of("metrics.error.unknownField", String.join(", ", FIELDS))));
      }
    });
    if (!unknown.isEmpty()) {
      throw new io.perfflow.InvalidInputException(unknown);
    }
    try {
      return json.treeToValue(body, MetricDefinitions.Change.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "body" : e.getPath().get(0).getFieldName();
      throw new io.perfflow.InvalidInputException(field, e.getOriginalMessage() != null && e.getOriginalMessage().contains(io.perfflow.config.NoNulStrings.MESSAGE)
          ? io.perfflow.Msg.of("metrics.error.nulValue") : io.perfflow.Msg.of("metrics.error.wrongType"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new io.perfflow.InvalidInputException("body", io.perfflow.Msg.of("metrics.error.notADefinition", e.getOriginalMessage()));
    }
  }

  private static Map<String, Object> json(MetricDefinitions.Definition d, List<MetricDefinitions.Usage> usedBy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("name", d.name());
    m.put("unit", d.unit());
    m.put("description", d.description());
    m.put("kind", d.kind());
    m.put("query", d.query());
    m.put("datasource", d.datasource());
    m.put("min", d.min());
    m.put("max", d.max());
    m.put("updatedAt", d.updatedAt());
    m.put("updatedBy", d.updatedBy());
    if (usedBy != null) {
      m.put("usedBy", usedBy);
    }
    return m;
  }
}
