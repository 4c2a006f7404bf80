package io.perfflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.Periods;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans page as a browser uses it: an operator opens /plans, finds this week's form prefilled
 * from the operations template, is told which row is wrong, writes the plan and then sees its
 * baseline and progress; once the lead has reviewed a week, the review shows on the plan's page, which
 * the lead may read and a colleague may not.
 */
class PlansPageTest extends PerfFlowIntegrationTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String page, Map<String, String> fields) throws IOException, InterruptedException {
      Map<String, String> all = new LinkedHashMap<>(fields);
      Matcher m = CSRF.matcher(page);
      assertThat(m.find()).as("CSRF token on the page").isTrue();
      all.put("_csrf", m.group(1));
      String body = all.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    Browser login(String user) throws IOException, InterruptedException {
      HttpResponse<String> page = get("/login");
      HttpResponse<String> done = post("/login", page.body(), Map.of("username", user, "password", "demo"));
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
      return this;
    }
  }

  @Test
  void anOperatorWritesThisWeeksPlanFromTheTemplateAndSeesTheLeadsReview() throws Exception {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    String week = p.currentWeek();
    LocalDate monday = Periods.mondayOf(week);
    String[] op = p.operatorWithStore("olivia");
    // Last week: 20 orders.
    for (int d = 0; d < 5; d++) {
      p.orders(op[1], monday.minusDays(7 - d), 4);
    }
    Browser browser = new Browser().login(op[0]);
    HttpResponse<String> page = browser.get("/plans");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("This week: <span>" + week + "</span>", "Started from the plan template of your role",
        "value=\"Campaign planning: hero products, stock and timeline for the next promotion\"", "id=\"plan-form\"");

    // A row without a KPI: 400, the error on its row, what was typed kept.
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title0", "Campaign planning: hero products, stock and timeline for the next promotion");
    form.put("kpi0", "order-volume");
    form.put("goal0", "IMPROVE");
    form.put("targetChange0", "10");
    form.put("unit0", "POINTS");
    form.put("title1", "Something without a KPI");
    form.put("kpi1", "");
    form.put("goal1", "IMPROVE");
    form.put("targetChange1", "1");
    form.put("unit1", "POINTS");
    form.put("title2", "");
    form.put("kpi2", "");
    form.put("goal2", "IMPROVE");
    form.put("targetChange2", "");
    form.put("unit2", "POINTS");
    HttpResponse<String> refused = browser.post("/plans", page.body(), form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("every item links to a KPI of your scorecard", "value=\"Something without a KPI\"");
    assertThat(jdbc.sql("SELECT count(*) FROM weekly_plan WHERE employee_id = ?").param(op[0]).query(Long.class).single()).isZero();

    form.put("kpi1", "order-volume");
    form.put("targetChange1", "abc");
    HttpResponse<String> notANumber = browser.post("/plans", refused.body(), form);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("must be a number");

    form.put("title1", "");
    form.put("targetChange1", "");
    HttpResponse<String> written = browser.post("/plans", notANumber.body(), form);
    assertThat(written.statusCode()).isEqualTo(302);
    HttpResponse<String> after = browser.get("/plans");
    assertThat(after.body()).contains("Your plan for " + week + " is written (1 items).", "id=\"plan-items\"",
        "Campaign planning: hero products", "<td class=\"num\">20</td>").doesNotContain("id=\"plan-form\"");
    long planId = jdbc.sql("SELECT id FROM weekly_plan WHERE employee_id = ? AND week = ?").params(op[0], week).query(Long.class).single();

    // The lead's review (as the weekly-review task stores it) shows on the plan's page.
    jdbc.sql("UPDATE weekly_plan SET status = 'ACCEPTED', reviewed_by = 'olivia', reviewed_at = now(), review_comment = 'Good start' WHERE id = ?")
        .param(planId).update();
    HttpResponse<String> reviewed = browser.get("/plans/" + planId);
    assertThat(reviewed.statusCode()).isEqualTo(200);
    assertThat(reviewed.body()).contains("<dd id=\"review-result\">Accepted</dd>", "<dd id=\"review-comment\">Good start</dd>");
    Browser lead = new Browser().login("olivia");
    assertThat(lead.get("/plans/" + planId).statusCode()).isEqualTo(200);
    assertThat(lead.get("/plans").body()).contains("My team's plans", "/plans/" + planId);
    assertThat(new Browser().login("oscar").get("/plans/" + planId).statusCode()).isEqualTo(403);
  }
}
