package io.perfflow.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.access.AccessPolicy;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.EngineClock;
import io.perfflow.org.Organisation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Career ladders (everyone reads them, HR changes them), an employee's track (HR) and their
 * career: what is missing for the next level (the employee, their manager chain and HR).
 */
@RestController
@RequestMapping("/api")
public class CareerController {
  private final CareerLadders ladders;
  private final Careers careers;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public CareerController(CareerLadders ladders, Careers careers, Organisation organisation, AccessPolicy access, AuditLog audit, EngineClock clock,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.ladders = ladders;
    this.careers = careers;
    this.organisation = organisation;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/ladders")
  public List<Map<String, Object>> ladders() {
    return ladders.all().stream().map(CareerLadders::json).toList();
  }

  @GetMapping("/ladders/{track}")
  public Map<String, Object> ladder(@PathVariable String track) {
    return CareerLadders.json(ladders.get(track));
  }

  @PutMapping("/ladders/{track}")
  public Map<String, Object> replace(@PathVariable String track, @RequestBody(required = false) JsonNode body, Authentication auth) {
    requireHr(auth, io.perfflow.Msg.of("promotion.error.hrChangesLadders"));
    Ladder saved = ladders.replace(track, body, auth.getName());
    audit.append(auth.getName(), "LADDER_UPDATED", null,
        Map.of("track", track, "levels", saved.levels().stream().map(Ladder.Level::code).toList()));
    return CareerLadders.json(saved);
  }

  @GetMapping("/employees/{id}/career")
  public Map<String, Object> career(@PathVariable String id, @RequestParam(required = false) String asOf, Authentication auth) {
    requireReadable(auth, id);
    return json(careers.of(id, date("asOf", asOf, today())));
  }

  @PutMapping("/employees/{id}/track")
  public Map<String, Object> setTrack(@PathVariable String id, @RequestBody(required = false) JsonNode body, Authentication auth) {
    requireHr(auth, io.perfflow.Msg.of("promotion.error.hrSetsTracks"));
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("promotion.error.trackBody"));
    }
    String track = body.path("track").isTextual() ? body.path("track").asText() : null;
    String level = body.path("level").isTextual() ? body.path("level").asText() : null;
    String since = body.hasNonNull("levelSince") ? body.path("levelSince").asText() : null;
    LocalDate levelSince = date("levelSince", since, today());
    Careers.Position before = careers.requirePosition(id);
    Careers.Position after = careers.setTrack(id, track, level, levelSince);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("employeeId", id);
    details.put("track", after.track());
    details.put("level", after.level());
    details.put("levelSince", after.levelSince().toString());
    details.put("previousTrack", before.track());
    details.put("previousLevel", before.level());
    audit.append(auth.getName(), "EMPLOYEE_TRACK_SET", null, details);
    return json(careers.of(id, today()));
  }

  static Map<String, Object> json(Career c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("employeeId", c.employeeId());
    out.put("track", c.track());
    out.put("level", c.level());
    out.put("levelName", c.levelName());
    out.put("next", c.next());
    out.put("nextName", c.nextName());
    out.put("eligible", c.eligible());
    out.put("criteria", c.criteria());
    out.put("asOf", c.asOf().toString());
    return out;
  }

  private void requireReadable(Authentication auth, String employeeId) {
    var e = organisation.get(employeeId);
    if (!access.canReadEmployee(auth.getName(), e)) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.mayNotReadCareer", auth.getName(), employeeId));
    }
  }

  private void requireHr(Authentication auth, io.perfflow.Msg what) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.hrOnly", what));
    }
  }

  private LocalDate today() {
    return companyTime.today(clock.now());
  }

  static LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      if (value.length() != 10) {
        throw new DateTimeParseException("length", value, 0);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, io.perfflow.Msg.of("promotion.error.date", io.perfflow.Texts.excerpt(value)));
    }
  }
}
