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

  public MetricsController(MetricImportService imports, MetricDefinitions definitions, AuditLog audit) {
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
  public ResponseEntity<Map<String, Object>> define(@PathVariable String code, @RequestBody MetricDefinitions.Change change, Principal principal) {
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
