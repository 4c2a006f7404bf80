package io.perfflow.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.engine.EngineClock;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Promotions: nominations (the employee's manager chain or HR), the list and one promotion with
 * its criteria snapshot, approvals and timeline (the employee, their manager chain, the
 * nominator, groups with a task on it and HR).
 */
@RestController
@RequestMapping("/api/promotions")
public class PromotionsController {
  private final Promotions promotions;
  private final EngineClock clock;
  private final ObjectMapper json;
  private final io.perfflow.access.AccessPolicy access;
  private final io.perfflow.engine.ProcessLauncher launcher;

  public PromotionsController(Promotions promotions, EngineClock clock, ObjectMapper json, io.perfflow.access.AccessPolicy access,
      io.perfflow.engine.ProcessLauncher launcher) {
    this.access = access;
    this.launcher = launcher;
    this.promotions = promotions;
    this.clock = clock;
    this.json = json;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> nominate(@RequestBody(required = false) JsonNode body, Authentication auth) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("promotion.error.nominationBody"));
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String employeeId = text(body, "employeeId", errors);
    String toLevel = text(body, "toLevel", errors);
    String justification = text(body, "justification", errors);
    BigDecimal proposed = CareerLadders.number(body.get("proposedBasePay"), "proposedBasePay", io.perfflow.Msg.verbatim("proposedBasePay"), BigDecimal.ZERO,
        CareerLadders.MAX_PAY, 2, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Promotion p = promotions.nominate(auth.getName(), employeeId, toLevel, justification, proposed, clock.now());
    return ResponseEntity.created(URI.create("/api/promotions/" + p.id())).body(summary(p));
  }

  /** HR runs the eligibility scan now (the model runs it monthly); waits for its result. */
  @PostMapping("/eligibility-scan")
  public Map<String, Object> scan(Authentication auth) {
    if (!access.isHr(auth.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.hrScans"));
    }
    Map<String, Object> vars = launcher.startAndAwait(PromotionProcesses.ELIGIBILITY_SCAN, Map.of(), java.time.Duration.ofSeconds(120));
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : List.of("scanned", "newlyEligible", "managersMailed")) {
      out.put(key, vars.get(key));
    }
    return out;
  }

  @GetMapping
  public List<Map<String, Object>> list(
      @RequestParam(required = false) String employeeId, @RequestParam(required = false) String status, Authentication auth) {
    PromotionStatus s = null;
    if (status != null) {
      try {
        s = PromotionStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", io.perfflow.Msg.of("promotion.error.status", List.of(PromotionStatus.values()), io.perfflow.Texts.excerpt(status)));
      }
    }
    return promotions.list(employeeId, s).stream().filter(p -> promotions.canRead(auth.getName(), p)).map(PromotionsController::summary).toList();
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Authentication auth) {
    Promotion p = promotions.get(id);
    if (!promotions.canRead(auth.getName(), p)) {
      throw new NotPermittedException(io.perfflow.Msg.of("promotion.error.mayNotRead", auth.getName(), id));
    }
    Map<String, Object> out = summary(p);
    try {
      out.put("criteria", p.criteriaSnapshot() == null ? null : json.readTree(p.criteriaSnapshot()));
    } catch (Exception e) {
      out.put("criteria", null);
    }
    out.put("approvals", promotions.approvals(id));
    List<Map<String, Object>> timeline = new ArrayList<>();
    promotions.timeline(id).forEach(e -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("at", e.at().toString());
      line.put("actor", e.actor());
      line.put("action", e.action());
      line.put("details", e.details());
      timeline.add(line);
    });
    out.put("timeline", timeline);
    return out;
  }

  @ExceptionHandler(PromotionConflictException.class)
  ResponseEntity<ProblemDetail> conflict(PromotionConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getLocalizedMessage());
    p.setTitle(io.perfflow.Msg.of("errors.title.conflict").current());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
  }

  static Map<String, Object> summary(Promotion p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("employeeId", p.employeeId());
    out.put("employeeName", p.employeeName());
    out.put("track", p.track());
    out.put("fromLevel", p.fromLevel());
    out.put("toLevel", p.toLevel());
    out.put("status", p.status().name());
    out.put("nominatedBy", p.nominatedBy());
    out.put("nominatedAt", p.nominatedAt().toString());
    out.put("justification", p.justification());
    out.put("eligible", p.eligible());
    out.put("exceptionDecision", p.exceptionDecision());
    out.put("exceptionReason", p.exceptionReason());
    out.put("oldBasePay", p.oldBasePay());
    out.put("proposedBasePay", p.proposedBasePay());
    out.put("payIncreasePercent", p.payIncreasePercent());
    out.put("allowancePercent", p.allowancePercent());
    out.put("effectiveOn", p.effectiveOn() == null ? null : p.effectiveOn().toString());
    out.put("newBasePay", p.newBasePay());
    out.put("finalisedBy", p.finalisedBy());
    out.put("appliedAt", p.appliedAt() == null ? null : p.appliedAt().toString());
    out.put("rejectedBy", p.rejectedBy());
    out.put("rejectionReason", p.rejectionReason());
    out.put("closedAt", p.closedAt() == null ? null : p.closedAt().toString());
    return out;
  }

  private static String text(JsonNode body, String key, List<InvalidInputException.FieldError> errors) {
    JsonNode v = body.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.add(new InvalidInputException.FieldError(key, io.perfflow.Msg.of("promotion.error.mustBeText")));
      return null;
    }
    return v.asText();
  }
}
