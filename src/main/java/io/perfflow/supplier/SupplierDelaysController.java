package io.perfflow.supplier;

import io.perfflow.engine.ProcessLauncher;
import io.perfflow.review.Review;
import io.perfflow.access.AccessPolicy;
import io.perfflow.NotPermittedException;
import io.perfflow.review.Reviews;
import io.perfflow.api.AuditDetails;
import io.perfflow.api.TaskJson;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier-delay cases. Procurement managers, operations managers and HR read every case; a buyer
 * reads their own. Running the scan needs HR or procurement-managers (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api")
public class SupplierDelaysController {

  private final SupplierDelays delays;
  private final ProcessLauncher launcher;
  private final TaskInbox inbox;
  private final TaskJson taskJson;
  private final Reviews reviews;
  private final AccessPolicy access;

  public SupplierDelaysController(
      SupplierDelays delays, ProcessLauncher launcher, TaskInbox inbox, Reviews reviews, AccessPolicy access, TaskJson taskJson) {
    this.taskJson = taskJson;
    this.delays = delays;
    this.launcher = launcher;
    this.inbox = inbox;
    this.reviews = reviews;
    this.access = access;
  }

  @org.springframework.beans.factory.annotation.Autowired private io.perfflow.engine.EngineClock clock;

  /** Cases by days late (most late first); {@code status}: OPEN, WAITING_NEW_DATE, RESOLVED, DELIVERED, ACTIVE, CLOSED. */
  @GetMapping("/supplier-delays")
  public List<Map<String, Object>> list(
      @RequestParam(required = false) String status, @RequestParam(required = false) String buyer, Authentication auth) {
    String buyerFilter = buyer;
    if (!access.readsAllCases(auth.getName())) {
      if (buyer != null && !buyer.equals(auth.getName())) {
        throw new NotPermittedException(io.perfflow.Msg.of("supplier.error.ownCases", auth.getName()));
      }
      buyerFilter = auth.getName();
    }
    Instant now = clock.now();
    return delays.list(status, buyerFilter).stream().map(c -> summary(c, now)).toList();
  }

  @GetMapping("/supplier-delays/{id}")
  public Map<String, Object> get(@PathVariable long id, Authentication auth) {
    SupplierDelayCase c = readable(id, auth);
    Map<String, Object> body = summary(c, clock.now());
    body.put("order", delays.order(c.orderId()));
    Map<String, Object> resolution = new LinkedHashMap<>();
    resolution.put("action", c.action());
    resolution.put("comment", c.actionComment());
    resolution.put("newPromisedOn", c.newPromisedOn());
    resolution.put("resolvedBy", c.resolvedBy());
    resolution.put("resolvedAt", c.resolvedAt());
    resolution.put("resolvedAtLevel", c.resolvedAtLevel());
    resolution.put("outcome", c.outcome());
    body.put("resolution", resolution);
    body.put("openTasks", inbox.open(null, null, SupplierProcesses.supplierCase(id)).stream()
        .sorted(java.util.Comparator.comparingLong(UserTask::key)).map(taskJson::of).toList());
    body.put("timeline", delays.timeline(id).stream().map(AuditDetails::event).toList());
    return body;
  }

  /** Runs the scan now (a supplier-delay-scan instance) and answers what it did. */
  @PostMapping("/supplier-delays/scan")
  public Map<String, Object> scan() {
    Map<String, Object> variables = launcher.startAndAwait(SupplierProcesses.SCAN, Map.of(), Duration.ofSeconds(60));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("opened", variables.get("openedCount"));
    body.put("openedCaseIds", variables.get("openedCaseIds"));
    body.put("openedOrderIds", variables.get("openedOrderIds"));
    body.put("badRows", variables.get("badRows"));
    body.put("deliveriesNotified", variables.get("deliveriesNotified"));
    return body;
  }

  /**
   * The supplier-delay cases behind a review's KPI line: for the emergency-response KPI the
   * cases detected in the review's period, for on-time delivery the cases of orders promised in
   * it (the cases are what made those values).
   */
  @GetMapping("/reviews/{reviewId}/kpis/{kpi}/supplier-delays")
  public Map<String, Object> casesOfKpi(@PathVariable long reviewId, @PathVariable String kpi, Authentication auth) {
    Review r = access.requireReadable(auth.getName(), reviews.get(reviewId));
    var line = reviews.lines(reviewId).stream().filter(l -> l.kpi().equals(kpi)).findFirst()
        .orElseThrow(() -> new io.perfflow.NotFoundException(io.perfflow.Msg.of("supplier.error.noKpi", reviewId, kpi)));
    YearMonth period = YearMonth.parse(r.period());
    List<Long> ids = switch (line.metric()) {
      case "procurement.emergency-response-hours" -> delays.caseIdsOfPeriod(r.employeeId(), period);
      case "procurement.on-time-delivery-rate" -> delays.caseIdsOfOrdersPromisedIn(r.employeeId(), period);
      default -> List.of();
    };
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reviewId", reviewId);
    body.put("kpi", kpi);
    body.put("metric", line.metric());
    body.put("period", r.period());
    body.put("caseIds", ids);
    return body;
  }

  private SupplierDelayCase readable(long id, Authentication auth) {
    return access.requireReadable(auth.getName(), delays.get(id));
  }

  static Map<String, Object> summary(SupplierDelayCase c, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("orderId", c.orderId());
    m.put("buyerId", c.buyerId());
    m.put("supplierId", c.supplierId());
    m.put("promisedOn", c.promisedOn());
    m.put("daysLate", c.daysLate());
    m.put("detectedAt", c.detectedAt());
    m.put("status", c.status());
    m.put("level", c.level());
    m.put("maxLevel", c.maxLevel());
    m.put("managersNotifiedAt", c.managersNotifiedAt());
    m.put("action", c.action());
    m.put("resolvedBy", c.resolvedBy());
    m.put("resolvedAt", c.resolvedAt());
    m.put("reopenCount", c.reopenCount());
    m.put("closedAt", c.closedAt());
    m.put("outcome", c.outcome());
    m.put("responseHours", c.responseHours(now));
    m.put("processInstanceKey", c.processInstanceKey());
    return m;
  }
}
