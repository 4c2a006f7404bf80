package io.perfflow.review;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cycles")
public class CyclesController {
  private final Cycles cycles;
  private final CycleReports reports;
  private final io.perfflow.access.AccessPolicy access;
  private final CycleResultsCsv results;
  private final io.perfflow.audit.AuditLog audit;

  public CyclesController(Cycles cycles, CycleReports reports, io.perfflow.access.AccessPolicy access, CycleResultsCsv results, io.perfflow.audit.AuditLog audit) {
    this.results = results;
    this.audit = audit;
    this.access = access;
    this.reports = reports;
    this.cycles = cycles;
  }

  public record StartCycle(String period, List<String> roles, List<String> employeeIds) {}

  @PostMapping
  public ResponseEntity<Map<String, Object>> start(@RequestBody StartCycle body, Principal principal) {
    Cycle cycle = cycles.start(body.period(), body.roles(), body.employeeIds(), principal.getName());
    return ResponseEntity.created(URI.create("/api/cycles/" + cycle.id()))
        .body(Map.of("id", cycle.id(), "processInstanceKey", cycle.processInstanceKey(), "period", cycle.period(), "status", cycle.status()));
  }

  @GetMapping
  public List<Cycle> list(Principal principal) {
    List<Cycle> all = reports.list();
    return access.isHr(principal.getName()) ? all : all.stream().map(Cycle::withoutEmployeeScope).toList();
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Principal principal) {
    CycleReports.Progress p = reports.progress(id);
    Cycle c = p.cycle();
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("id", c.id());
    body.put("period", c.period());
    body.put("status", c.status());
    body.put("statusReason", c.statusReason());
    body.put("processInstanceKey", c.processInstanceKey());
    body.put("startedBy", c.startedBy());
    body.put("startedAt", c.startedAt());
    body.put("closedAt", c.closedAt());
    body.put("reviews", p.reviews());
    body.put("byStatus", p.byStatus());
    body.put("finished", p.finished());
    body.put("progress", p.progress());
    // Ratings are confidential: each caller sees the lines they may read (AccessPolicy).
    body.put("rankings", access.visibleRankings(principal.getName(), id, reports.rankings(id)));
    return body;
  }

  /** HR: every review of the cycle with its KPI lines, as CSV (SecurityConfiguration); the export is audited. */
  @GetMapping("/{id}/results.csv")
  public ResponseEntity<String> resultsCsv(@PathVariable long id, Principal principal) {
    String csv = results.csv(id);
    audit.append(principal.getName(), "CYCLE_RESULTS_EXPORTED", null, Map.of("cycleId", id));
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"cycle-" + id + "-results.csv\"")
        .body(csv);
  }

  @PostMapping("/{id}/restart")
  public Cycle restart(@PathVariable long id, Principal principal) {
    return cycles.restart(id, principal.getName());
  }
}
