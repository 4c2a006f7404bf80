package io.perfflow.cs;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.Texts;
import io.perfflow.access.AccessPolicy;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily customer-service feedback: the team's day (HR and cs-leads, SecurityConfiguration) and
 * recognitions (whoever may read them). The daily-mail preference is a field of the generic
 * {@code PUT /api/employees/{id}/preferences} ({@link DailyFeedbackPreference}).
 */
@RestController
public class DailyFeedbackController {
  private final DailyFeedback daily;
  private final Organisation organisation;
  private final AccessPolicy access;

  public DailyFeedbackController(DailyFeedback daily, Organisation organisation, AccessPolicy access) {
    this.daily = daily;
    this.organisation = organisation;
    this.access = access;
  }

  @GetMapping("/api/cs/daily")
  public Map<String, Object> day(@RequestParam(required = false) String date, @RequestParam(required = false) String team) {
    LocalDate day = parseDate(date);
    if (team == null || team.isBlank()) {
      throw new InvalidInputException("team", io.perfflow.Msg.of("errors.required"));
    }
    if (team.length() > 100 || daily.agents(team).isEmpty()) {
      throw new InvalidInputException("team", io.perfflow.Msg.of("cs.error.noAgents", Texts.excerpt(team)));
    }
    return body(daily.of(team, day));
  }

  static Map<String, Object> body(DailyFeedback.TeamDay d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("team", d.team());
    m.put("date", d.date().toString());
    m.put("agents", d.agents());
    m.put("teamAverageScore", d.teamAverageScore());
    m.put("weekTop", d.weekTop());
    return m;
  }

  static LocalDate parseDate(String date) {
    if (date == null || date.isBlank()) {
      throw new InvalidInputException("date", io.perfflow.Msg.of("cs.error.dateRequired"));
    }
    try {
      if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("format", date, 0);
      }
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", io.perfflow.Msg.of("cs.error.date", Texts.excerpt(date)));
    }
  }

  @GetMapping("/api/employees/{id}/recognitions")
  public List<Map<String, Object>> recognitions(@PathVariable String id, Principal principal) {
    Employee e = organisation.get(id);
    if (!access.canReadEmployee(principal.getName(), e)) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.recognitions", principal.getName(), id));
    }
    return daily.recognitionsOf(e.id());
  }

  /** What each kind of recognition earns: HR and the cs-leads read it. */
  @GetMapping("/api/cs/recognition-rewards")
  public List<Map<String, Object>> rewards(Principal principal) {
    if (!access.isHr(principal.getName()) && !organisation.isMember(principal.getName(), "cs-leads")) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.rewardsRead"));
    }
    return daily.rewards();
  }

  public record RewardBody(String reward) {}

  /** HR sets what a kind of recognition earns: {@code {reward: "a 50 CNY voucher"}} ("" for none). */
  @PutMapping("/api/cs/recognition-rewards/{kind}")
  public Map<String, Object> setReward(@PathVariable String kind, @RequestBody(required = false) RewardBody body, Principal principal) {
    if (!access.isHr(principal.getName())) {
      throw new NotPermittedException(io.perfflow.Msg.of("cs.error.rewardsChange"));
    }
    return daily.setReward(kind, body == null ? null : body.reward(), principal.getName());
  }
}
