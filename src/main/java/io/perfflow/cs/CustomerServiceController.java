package io.perfflow.cs;

import io.perfflow.InvalidInputException;
import io.perfflow.Periods;
import io.perfflow.Texts;
import java.security.Principal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer-service attribution. The report is HR's and the cs-leads' (SecurityConfiguration),
 * changing a store's rule is HR's.
 */
@RestController
@RequestMapping("/api/cs")
public class CustomerServiceController {
  private final CsAttribution attribution;

  public CustomerServiceController(CsAttribution attribution) {
    this.attribution = attribution;
  }

  /** What the store's sessions of the period were attributed to, and which to nobody. */
  @GetMapping("/attribution")
  public Map<String, Object> attribution(@RequestParam(required = false) String storeId, @RequestParam(required = false) String period) {
    YearMonth month = Periods.parse("period", period);
    String store = attribution.requireStore("storeId", storeId);
    return body(attribution.report(store, month));
  }

  public record RuleBody(String rule) {}

  /** Sets the store's rule for overlapping logins: {@code {rule: LAST_LOGIN | SPLIT}}. */
  @PutMapping("/attribution-rules/{storeId}")
  public Map<String, Object> setRule(@PathVariable String storeId, @RequestBody(required = false) RuleBody body, Principal principal) {
    AttributionRule rule = parseRule(body == null ? null : body.rule());
    String store = attribution.requireStore("storeId", storeId);
    AttributionRule before = attribution.setRule(store, rule, principal.getName());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("storeId", store);
    answer.put("rule", rule);
    answer.put("previousRule", before);
    return answer;
  }

  static AttributionRule parseRule(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("rule", io.perfflow.Msg.of("cs.error.ruleRequired", Arrays.toString(AttributionRule.values())));
    }
    try {
      return AttributionRule.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("rule", io.perfflow.Msg.of("cs.error.rule", Texts.excerpt(text), Arrays.toString(AttributionRule.values())));
    }
  }

  static Map<String, Object> body(CsAttribution.Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("storeId", r.storeId());
    m.put("period", r.period().toString());
    m.put("sessions", r.sessions());
    m.put("attributed", r.attributed());
    m.put("unattributed", r.unattributed());
    m.put("overlapped", r.overlapped());
    m.put("rule", r.rule());
    m.put("byAgent", r.byAgent());
    m.put("unattributedSessions", r.unattributedSessions());
    return m;
  }
}
