package io.perfflow.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The review scenarios, written against PerfFlow's API only, so that they read like what HR,
 * employees, managers and approvers do, and so they run the same on any runtime.
 */
public final class ReviewScenarios {
  /**
   * How long a scenario waits for the engine and its workers: 60 s, or {@code
   * -Dperfflow.test.patience=PT3M} (passed to the test JVM with {@code -DargLine=...}) on a machine
   * so loaded that a start takes minutes. Only failing waits last longer.
   */
  public static final Duration PATIENCE = Duration.parse(System.getProperty("perfflow.test.patience", "PT60S"));
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final TestRestTemplate http;
  private final Api hr;
  private final RuntimeControls runtime;

  /** Scenarios on the embedded runtime: clock and mailbox through /api/dev. */
  public ReviewScenarios(TestRestTemplate http) {
    this.http = http;
    this.hr = as(http, "admin");
    this.runtime = new RuntimeControls() {
      @Override
      public void advanceClock(Duration by) {
        hr.post("/api/dev/clock", Map.of("advance", by.toString())).expect(200);
      }

      @Override
      public List<JsonNode> mailTo(String address) {
        List<JsonNode> mails = new ArrayList<>();
        hr.get("/api/dev/mailbox?to=" + address).expect(200).body().forEach(mails::add);
        return mails;
      }
    };
  }

  public ReviewScenarios(TestRestTemplate http, RuntimeControls runtime) {
    this.http = http;
    this.hr = as(http, "admin");
    this.runtime = runtime;
  }

  public static Api as(TestRestTemplate http, String user) {
    return new Api(http, user, "admin".equals(user) ? "admin" : "demo");
  }

  public Api as(String user) {
    return as(http, user);
  }

  public Api hr() {
    return hr;
  }

  /** HR adds an employee (password "demo") reporting to {@code managerId}. */
  public String hire(String role, String managerId) {
    return hire(role, managerId, List.of());
  }

  /** HR adds an employee (password "demo") reporting to {@code managerId}, in {@code groups}. */
  public String hire(String role, String managerId, List<String> groups) {
    String id = "t" + role.charAt(0) + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Test " + role + " " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", role);
    body.put("team", role);
    body.put("managerId", managerId);
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", groups);
    body.put("password", "demo");
    hr.post("/api/employees", body).expect(201);
    return id;
  }

  /**
   * Metric values that score {@code percent} on every KPI of the role's normal profile (higher
   * is better: percent of target; lower is better: the mirror image), so the total is percent.
   */
  public Map<String, BigDecimal> valuesScoring(String role, String profile, int percent) {
    JsonNode kpis = null;
    for (JsonNode p : hr.get("/api/scorecards").expect(200).body()) {
      if (p.path("role").asText().equals(role) && p.path("profile").asText().equals(profile)) {
        kpis = p.path("kpis");
      }
    }
    if (kpis == null) {
      throw new AssertionError("no scorecard " + role + "/" + profile);
    }
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    BigDecimal factor = BigDecimal.valueOf(percent).movePointLeft(2);
    for (JsonNode k : kpis) {
      BigDecimal target = k.path("target").decimalValue();
      BigDecimal f = "LOWER_IS_BETTER".equals(k.path("direction").asText()) ? BigDecimal.valueOf(2).subtract(factor) : factor;
      values.put(k.path("metric").asText(), target.multiply(f));
    }
    return values;
  }

  /** HR imports metric values for one employee and period (all-or-nothing CSV). */
  public void importMetrics(String employeeId, String period, Map<String, BigDecimal> values) {
    StringBuilder csv = new StringBuilder("employeeId,metric,period,value,source\n");
    values.forEach((metric, value) -> csv.append(employeeId).append(',').append(metric).append(',').append(period)
        .append(',').append(value.toPlainString()).append(",test import\n"));
    hr.postText("/api/metrics/import", csv.toString(), org.springframework.http.MediaType.valueOf("text/csv")).expect(200);
  }

  /** HR starts a cycle for the period and these employees; returns the cycle id. */
  public long startCycle(String period, String... employeeIds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period);
    body.put("employeeIds", List.of(employeeIds));
    return hr.post("/api/cycles", body).expect(201).body().path("id").asLong();
  }

  public long reviewOf(long cycleId, String employeeId) {
    return await().atMost(PATIENCE).until(
            () -> hr.get("/api/reviews?cycleId=" + cycleId + "&employeeId=" + employeeId).expect(200).body(),
            list -> list.size() == 1)
        .get(0).path("id").asLong();
  }

  public JsonNode review(long reviewId) {
    return hr.get("/api/reviews/" + reviewId).expect(200).body();
  }

  public JsonNode awaitStatus(long reviewId, String status) {
    return await().atMost(PATIENCE).until(() -> review(reviewId), r -> status.equals(r.path("status").asText()));
  }

  /** Waits for the open task of this review at {@code elementId} (for {@code group}, if given). */
  public JsonNode task(long reviewId, String elementId, String group) {
    return await().atMost(PATIENCE).until(() -> openTasks(reviewId, elementId, group), l -> l.size() == 1).get(0);
  }

  public List<JsonNode> openTasks(long reviewId, String elementId, String group) {
    List<JsonNode> result = new ArrayList<>();
    for (JsonNode t : hr.get("/api/tasks?reviewId=" + reviewId).expect(200).body()) {
      boolean groupMatches = group == null || StreamSupport.stream(t.path("candidateGroups").spliterator(), false)
          .anyMatch(g -> g.asText().equals(group));
      if (t.path("elementId").asText().equals(elementId) && groupMatches) {
        result.add(t);
      }
    }
    return result;
  }

  /** Waits for the task to be assigned (assignment follows creation) and completes it as {@code user}. */
  public void complete(String user, long reviewId, String elementId, String group, Map<String, Object> variables) {
    JsonNode task = task(reviewId, elementId, group);
    // 503: the engine did not confirm in time (a loaded machine) and the task is open again;
    // PerfFlow says "try again", and so does a person.
    Api.Response response = as(user).post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", variables));
    for (int attempt = 1; response.status() == 503 && attempt < 5; attempt++) {
      response = as(user).post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", variables));
    }
    response.expect(204);
    await().atMost(PATIENCE).until(() -> hr.get("/api/tasks/" + task.path("key").asLong()).expect(200).body().path("status").asText(), "COMPLETED"::equals);
  }

  public void selfAssess(String employee, long reviewId) {
    complete(employee, reviewId, "self-assessment", null, Map.of("selfRating", 4, "selfComment", "A good month."));
  }

  public void managerReview(String manager, long reviewId, int adjustment, String comment) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("adjustment", adjustment);
    if (comment != null) v.put("managerComment", comment);
    complete(manager, reviewId, "manager-review", null, v);
  }

  public void approve(String approver, long reviewId, String group) {
    complete(approver, reviewId, "approve-review", group, Map.of("decision", "APPROVE"));
  }

  public void reject(String approver, long reviewId, String group, String comment) {
    complete(approver, reviewId, "approve-review", group, Map.of("decision", "REJECT", "comment", comment));
  }

  public List<String> historyActions(long reviewId) {
    List<String> actions = new ArrayList<>();
    hr.get("/api/reviews/" + reviewId + "/history").expect(200).body().forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }

  /** Captured mail to one address, newest first. */
  public List<JsonNode> mailTo(String address) {
    return runtime.mailTo(address);
  }

  public JsonNode awaitMail(String address, String subjectPart) {
    return await().atMost(PATIENCE).until(
            () -> mailTo(address).stream().filter(m -> m.path("subject").asText().contains(subjectPart)).toList(),
            l -> !l.isEmpty())
        .get(0);
  }

  public void advanceClock(String duration) {
    runtime.advanceClock(Duration.parse(duration));
  }
}
