package io.perfflow.wellbeing;

import io.perfflow.InvalidInputException;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.EngineClock;
import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wellbeing API. Signals are HR's only (SecurityConfiguration: /api/wellbeing/** needs
 * GROUP_hr) and every read of them is audited (who, whose, as of when); pulse answers are the
 * employee's own and HR's. The attendance source import is HR's.
 */
@RestController
@RequestMapping("/api")
public class WellbeingController {
  private final StressSignals signals;
  private final PulseAnswers pulse;
  private final AttendanceImport attendance;
  private final AuditLog audit;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;
  private final AccessPolicy access;
  private final io.perfflow.engine.ProcessLauncher launcher;

  public WellbeingController(
      StressSignals signals, PulseAnswers pulse, AttendanceImport attendance, AuditLog audit, EngineClock clock, AccessPolicy access,
      io.perfflow.engine.ProcessLauncher launcher, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.access = access;
    this.launcher = launcher;
    this.signals = signals;
    this.pulse = pulse;
    this.attendance = attendance;
    this.audit = audit;
    this.clock = clock;
  }

  /** Each signal with its value, threshold, window and whether it fired, and the level. */
  @GetMapping("/wellbeing/signals/{employeeId}")
  public Map<String, Object> signals(@PathVariable String employeeId, @RequestParam(required = false) String asOf, Authentication auth) {
    LocalDate day = asOf(asOf);
    StressAssessment a = signals.of(employeeId, day);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("employeeId", employeeId);
    details.put("asOf", day.toString());
    audit.append(auth.getName(), "WELLBEING_SIGNALS_READ", null, details);
    return body(a);
  }

  record ScanRequest(String asOf) {}

  /**
   * Runs the stress scan now (a stress-scan instance, HR only) as of {@code asOf} (default: the
   * engine's today) and answers what it did.
   */
  @PostMapping("/wellbeing/scan")
  public Map<String, Object> scan(@RequestBody(required = false) ScanRequest request, Authentication auth) {
    LocalDate day = asOf(request == null ? null : request.asOf());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("asOf", day.toString());
    variables.put("requested", true);
    Map<String, Object> result = launcher.startAndAwait(WellbeingProcesses.SCAN, variables, java.time.Duration.ofSeconds(120));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", day.toString());
    for (String key : List.of("evaluated", "red", "amber", "opened", "openedCaseIds", "headsUps")) {
      body.put(key, result.get(key));
    }
    return body;
  }

  record PulseRequest(Integer pressure, String comment) {}

  /** The caller's pulse answer for today (engine clock); a second one today replaces the first. */
  @PostMapping("/pulse")
  public Map<String, Object> answer(@RequestBody PulseRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInputException("pressure", io.perfflow.Msg.of("errors.required"));
    }
    return json(pulse.answer(auth.getName(), request.pressure(), request.comment()));
  }

  /** An employee's pulse answers (newest first): the employee's own, or anyone's for HR (audited). */
  @GetMapping("/pulse")
  public List<Map<String, Object>> answers(@RequestParam(required = false) String employeeId, Authentication auth) {
    String whose = employeeId == null || employeeId.isBlank() ? auth.getName() : employeeId;
    if (!whose.equals(auth.getName())) {
      if (!access.isHr(auth.getName())) {
        throw new NotPermittedException(io.perfflow.Msg.of("wellbeing.error.ownPulse", auth.getName()));
      }
      audit.append(auth.getName(), "WELLBEING_PULSE_READ", null, Map.of("employeeId", whose));
    }
    return pulse.of(whose).stream().map(WellbeingController::json).toList();
  }

  /** Attendance rows from the company's time system (CSV or JSON; all or nothing). */
  @PostMapping(value = "/source/attendance", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public Map<String, Object> importAttendance(@RequestBody String body, @RequestHeader("Content-Type") String contentType, Authentication auth) {
    boolean isJson = contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
    return attendance.importRows(body, isJson, auth.getName());
  }

  private LocalDate asOf(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return companyTime.today(clock.now());
    }
    try {
      LocalDate day = LocalDate.parse(asOf.trim());
      if (day.getYear() < 2000 || day.getYear() > 2100) {
        throw new InvalidInputException("asOf", io.perfflow.Msg.of("wellbeing.error.dayRange", day));
      }
      return day;
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("asOf", io.perfflow.Msg.of("wellbeing.error.date", asOf));
    }
  }

  static Map<String, Object> body(StressAssessment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("employeeId", a.employeeId());
    m.put("team", a.team());
    m.put("asOf", a.asOf());
    m.put("level", a.level());
    m.put("signals", a.signals());
    return m;
  }

  private static Map<String, Object> json(PulseAnswers.PulseAnswer p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("employeeId", p.employeeId());
    m.put("answeredOn", p.answeredOn());
    m.put("pressure", p.pressure());
    m.put("comment", p.comment());
    m.put("answeredAt", p.answeredAt());
    return m;
  }
}
