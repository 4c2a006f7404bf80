package io.perfflow.wellbeing;

import io.perfflow.api.AuditDetails;
import io.perfflow.api.TaskJson;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Organisation;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Wellbeing cases and the overview: HR only (SecurityConfiguration: /api/wellbeing/** needs
 * GROUP_hr; a manager or the employee gets 403). Every read of a case's details, and every
 * listing, is itself an audit event (who, when, which).
 */
@RestController
@RequestMapping("/api/wellbeing")
public class WellbeingCasesController {
  private final WellbeingCases cases;
  private final StressSignals signals;
  private final AuditLog audit;
  private final TaskInbox inbox;
  private final TaskJson taskJson;
  private final Organisation organisation;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public WellbeingCasesController(
      WellbeingCases cases, StressSignals signals, AuditLog audit, TaskInbox inbox, TaskJson taskJson, Organisation organisation, EngineClock clock,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.cases = cases;
    this.signals = signals;
    this.audit = audit;
    this.inbox = inbox;
    this.taskJson = taskJson;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** Cases, newest first; {@code status}: OPEN, RESOLVED or ESCALATED. */
  @GetMapping("/cases")
  public List<Map<String, Object>> list(@RequestParam(required = false) String status, Authentication auth) {
    List<WellbeingCase> list = cases.list(status);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("status", status == null ? "" : status.trim().toUpperCase());
    d.put("count", list.size());
    audit.append(auth.getName(), "WELLBEING_CASES_LISTED", null, d);
    return list.stream().map(this::summary).toList();
  }

  /** A case with the signals at opening, interviews (notes), interventions, follow-ups, tasks, timeline and outcome. */
  @GetMapping("/cases/{id}")
  public Map<String, Object> get(@PathVariable long id, Authentication auth) {
    WellbeingCase c = cases.get(id);
    audit.append(auth.getName(), "WELLBEING_CASE_READ", WellbeingProcesses.wellbeingCase(id), Map.of("caseId", id, "employeeId", c.employeeId()));
    Map<String, Object> body = summary(c);
    body.put("signalsAtOpening", AuditDetails.parse(c.signalsAtOpening()));
    body.put("signalsAtClose", c.signalsAtClose() == null ? null : AuditDetails.parse(c.signalsAtClose()));
    body.put("interviews", cases.interviews(id));
    body.put("interventions", cases.steps(id));
    body.put("followUps", cases.followUps(id).stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", f.round());
      m.put("asOf", f.asOf());
      m.put("level", f.level());
      m.put("signals", AuditDetails.parse(f.signals()));
      m.put("evaluatedAt", f.evaluatedAt());
      return m;
    }).toList());
    body.put("openTasks", inbox.open(null, null, WellbeingProcesses.wellbeingCase(id)).stream()
        .sorted(Comparator.comparingLong(UserTask::key)).map(taskJson::of).toList());
    body.put("timeline", cases.timeline(id).stream().map(AuditDetails::event).toList());
    return body;
  }

  /** Per team: RED, AMBER and GREEN counts and open cases, as of today and four weeks ago. */
  @GetMapping("/overview")
  public Map<String, Object> overview(Authentication auth) {
    Instant now = clock.now();
    LocalDate today = companyTime.today(now);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", today);
    body.put("fourWeeksAgo", today.minusWeeks(4));
    Map<String, Map<String, Object>> teams = new TreeMap<>();
    fill(teams, "now", signals.ofActiveEmployees(today), cases.openPerTeam(now));
    fill(teams, "fourWeeksAgo", signals.ofActiveEmployees(today.minusWeeks(4)), cases.openPerTeam(now.minus(java.time.Duration.ofDays(28))));
    body.put("teams", teams.values());
    audit.append(auth.getName(), "WELLBEING_OVERVIEW_READ", null, Map.of("asOf", today.toString()));
    return body;
  }

  private static void fill(Map<String, Map<String, Object>> teams, String when, List<StressAssessment> assessments, Map<String, Long> open) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (StressAssessment a : assessments) {
      String team = a.team() == null ? "" : a.team();
      Map<String, Long> c = counts.computeIfAbsent(team, k -> emptyCounts());
      c.merge(a.level().name(), 1L, Long::sum);
    }
    open.forEach((team, n) -> counts.computeIfAbsent(team, k -> emptyCounts()).put("openCases", n));
    counts.forEach((team, c) -> {
      Map<String, Object> t = teams.computeIfAbsent(team, k -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("team", k);
        m.put("now", emptyCounts());
        m.put("fourWeeksAgo", emptyCounts());
        return m;
      });
      t.put(when, c);
    });
  }

  private static Map<String, Long> emptyCounts() {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("RED", 0L);
    c.put("AMBER", 0L);
    c.put("GREEN", 0L);
    c.put("openCases", 0L);
    return c;
  }

  Map<String, Object> summary(WellbeingCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("employeeId", c.employeeId());
    m.put("employeeName", organisation.find(c.employeeId()).map(e -> e.name()).orElse(c.employeeId()));
    m.put("managerId", c.managerId());
    m.put("team", c.team());
    m.put("status", c.status());
    m.put("level", c.levelAtOpening());
    m.put("openedAsOf", c.openedAsOf());
    m.put("openedAt", c.openedAt());
    m.put("round", c.round());
    m.put("levelAtClose", c.levelAtClose());
    m.put("outcome", c.outcome());
    m.put("closedAt", c.closedAt());
    return m;
  }
}
