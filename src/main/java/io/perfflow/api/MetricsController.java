package io.perfflow.api;

import io.perfflow.audit.AuditLog;
import io.perfflow.metrics.MetricImportService;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual metric import (CSV or JSON) for platforms without an API: all rows or none. */
@RestController
@RequestMapping("/api/metrics")
public class MetricsController {
  private final MetricImportService imports;
  private final AuditLog audit;

  public MetricsController(MetricImportService imports, AuditLog audit) {
    this.imports = imports;
    this.audit = audit;
  }

  @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public Object importMetrics(@RequestBody String body, @RequestHeader("Content-Type") String contentType, Principal principal) {
    boolean json = contentType.startsWith(MediaType.APPLICATION_JSON_VALUE);
    var result = json ? imports.importJson(body, principal.getName()) : imports.importCsv(body, principal.getName());
    audit.append(principal.getName(), "METRICS_IMPORTED", null,
        Map.of("format", json ? "json" : "csv", "result", result));
    return result;
  }
}
