package io.perfflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server-rendered UI over plain HTTP, as a browser uses it: form login with the CSRF token of
 * the login page, HR starts a cycle through the "Start cycle" form, the employee opens the
 * self-assessment rendered from {@code forms/self-assessment.form}, submits it without the
 * required field (the error is shown next to the field, the input kept), then completes it.
 * Runs on the embedded runtime (in-process Zeebe, throw-away PostgreSQL, mail capture).
 */
@io.perfflow.support.EmbeddedPerfFlowTest
class WebUiTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired TaskInbox inbox;
  @Autowired io.perfflow.review.Reviews reviews;

  /** One browser: its own cookie jar, redirects not followed (so they can be asserted). */
  final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token taken from {@code page} (the page the form is on). */
    HttpResponse<String> post(String path, String page, Map<String, String> fields) throws IOException, InterruptedException {
      Map<String, String> all = new LinkedHashMap<>(fields);
      all.put("_csrf", csrf(page));
      String body = all.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return http.send(
          HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    Browser login(String user, String password) throws IOException, InterruptedException {
      HttpResponse<String> page = get("/login");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<label for=\"username\">", "admin/admin".replace("/", "</code> / <code>"));
      HttpResponse<String> done = post("/login", page.body(), Map.of("username", user, "password", password));
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
      return this;
    }
  }

  @Test
  void hrStartsACycleAndTheEmployeeCompletesTheSelfAssessmentThroughTheRenderedForm() throws Exception {
    // Wrong password: back to the login page with an error.
    Browser stranger = new Browser();
    HttpResponse<String> loginPage = stranger.get("/login");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = stranger.post("/login", loginPage.body(), Map.of("username", "owen", "password", "nope"));
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(stranger.get("/").statusCode()).isEqualTo(302);

    // HR starts a cycle for owen through the form on /cycles.
    Browser admin = new Browser().login("admin", "admin");
    HttpResponse<String> adminInbox = admin.get("/");
    assertThat(adminInbox.statusCode()).isEqualTo(200);
    assertThat(adminInbox.body()).contains("<h1>My tasks</h1>", "HR Administrator", ">Mailbox</a>");
    HttpResponse<String> cyclesPage = admin.get("/cycles");
    assertThat(cyclesPage.statusCode()).isEqualTo(200);
    assertThat(cyclesPage.body()).contains("Start cycle", "<label for=\"period\">");
    HttpResponse<String> invalid = admin.post("/cycles", cyclesPage.body(), Map.of("period", "2026-13", "employeeIds", "owen"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("id=\"period-error\"", "is not a period YYYY-MM", "value=\"owen\"");
    HttpResponse<String> started = admin.post("/cycles", invalid.body(), Map.of("period", "2026-10", "employeeIds", "owen"));
    assertThat(started.statusCode()).isEqualTo(302);
    String cyclePath = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(cyclePath).matches("/cycles/\\d+");
    HttpResponse<String> cyclePage = admin.get(cyclePath);
    assertThat(cyclePage.statusCode()).isEqualTo(200);
    assertThat(cyclePage.body()).contains("Cycle 2026-10", "<progress", "Cycle 2026-10 started.");

    // The engine runs the review up to owen's self-assessment.
    long cycleId = Long.parseLong(cyclePath.substring("/cycles/".length()));
    UserTask task = await().atMost(Duration.ofSeconds(60))
        .until(() -> selfAssessmentOf("owen", cycleId), Optional::isPresent).orElseThrow();

    Browser owen = new Browser().login("owen", "demo");
    HttpResponse<String> owenInbox = owen.get("/");
    assertThat(owenInbox.statusCode()).isEqualTo(200);
    assertThat(owenInbox.body()).contains("/tasks/" + task.key(), "Owen Zhao", "2026-10");
    HttpResponse<String> tasksLink = owen.get("/tasks");
    assertThat(tasksLink.statusCode()).isEqualTo(302);
    assertThat(tasksLink.headers().firstValue("Location").orElseThrow()).endsWith("/"); // the mails' link

    // The task page renders forms/self-assessment.form next to the review summary.
    HttpResponse<String> form = owen.get("/tasks/" + task.key());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("name=\"selfRating\"", "type=\"number\"", "min=\"1\"", "max=\"5\"", "<label for=\"f-selfRating\">",
            "name=\"selfComment\"", "<h3>Self-assessment</h3>", "Review summary", "What went well, what did not, what you need.");
    // The form's table component shows owen his own KPI lines (kpiLines, as Tasklist would).
    String kpiTable = form.body().substring(form.body().indexOf("id=\"t-self-assessment-kpis\""));
    assertThat(kpiTable.substring(0, kpiTable.indexOf("</table>")))
        .contains("<th scope=\"col\">Completion %</th>", "<th scope=\"col\">Weight %</th>", "Order volume", "Customer retention")
        .doesNotContain("Nothing to show yet");

    // Someone else may neither see nor complete it.
    Browser oscar = new Browser().login("oscar", "demo");
    assertThat(oscar.get("/tasks/" + task.key()).statusCode()).isEqualTo(403);

    // Missing required field: 400, the message next to the field, the comment kept.
    HttpResponse<String> missing = owen.post("/tasks/" + task.key(), form.body(), Map.of("selfRating", "", "selfComment", "Busy month & good"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body())
        .contains("id=\"f-selfRating-error\"", "Self rating (1-5) is required", "aria-invalid=\"true\"", "Busy month &amp; good");
    HttpResponse<String> tooHigh = owen.post("/tasks/" + task.key(), missing.body(), Map.of("selfRating", "9", "selfComment", ""));
    assertThat(tooHigh.statusCode()).isEqualTo(400);
    assertThat(tooHigh.body()).contains("must be at most 5, got 9", "value=\"9\"");

    // Valid: back to the inbox with the flash; the task is gone.
    HttpResponse<String> done = owen.post("/tasks/" + task.key(), tooHigh.body(), Map.of("selfRating", "4", "selfComment", "Busy month"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(URI.create(done.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
    HttpResponse<String> after = owen.get("/");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("Task completed").doesNotContain("/tasks/" + task.key());
    assertThat(inbox.get(task.key()).status()).isEqualTo("COMPLETED");

    // Completing it again: a clear "no longer open" message.
    HttpResponse<String> again = owen.post("/tasks/" + task.key(), form.body(), Map.of("selfRating", "4"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("no longer open");

    // The review page: KPI table and the audit history.
    HttpResponse<String> review = owen.get("/reviews/" + task.subject().id());
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body())
        .contains("id=\"kpi-table\"", "Completion", "<h2 id=\"history\">History</h2>", "REVIEW_CREATED", "SCORES_COMPUTED", "TASK_COMPLETED");
    HttpResponse<String> reviews = owen.get("/reviews");
    assertThat(reviews.statusCode()).isEqualTo(200);
    assertThat(reviews.body()).contains("/reviews/" + task.subject().id());
    assertThat(oscar.get("/reviews/" + task.subject().id()).statusCode()).isEqualTo(403);
    assertThat(admin.get("/mailbox").statusCode()).isEqualTo(200);

    // Logout ends the session.
    HttpResponse<String> inboxPage = owen.get("/");
    assertThat(inboxPage.statusCode()).isEqualTo(200);
    HttpResponse<String> out = owen.post("/logout", inboxPage.body(), Map.of());
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(owen.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void theDashboardsAreTablesFirstAndDrawChartsWithChartJsServedByTheApp() throws Exception {
    Browser oscar = new Browser().login("oscar", "demo");
    HttpResponse<String> me = oscar.get("/me?period=2026-10");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("<h1>My performance</h1>", "id=\"live-kpis\"", "Order volume", "id=\"live-total\"", "aria-current=\"page\">My performance</a>",
            "/webjars/chart.js/" + io.perfflow.dashboard.DashboardPages.CHART_JS + "/dist/chart.umd.min.js", "/js/charts.js")
        .doesNotContain("cdn", "<script>");
    HttpResponse<String> badPeriod = oscar.get("/me?period=2026-13");
    assertThat(badPeriod.statusCode()).isEqualTo(400);
    assertThat(badPeriod.body()).contains("id=\"period-error\"", "is not a period YYYY-MM", "value=\"2026-13\"", "id=\"live-kpis\"");
    // The chart library and the page script come from PerfFlow itself.
    HttpResponse<String> chartJs = oscar.get("/webjars/chart.js/" + io.perfflow.dashboard.DashboardPages.CHART_JS + "/dist/chart.umd.min.js");
    assertThat(chartJs.statusCode()).isEqualTo(200);
    assertThat(chartJs.body()).contains("Chart.js v" + io.perfflow.dashboard.DashboardPages.CHART_JS);
    HttpResponse<String> script = oscar.get("/js/charts.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("table[data-chart]");

    // A plain employee has no team; olivia's team lists her reports only.
    HttpResponse<String> noTeam = oscar.get("/team");
    assertThat(noTeam.statusCode()).isEqualTo(200);
    assertThat(noTeam.body()).contains("Nobody reports to you");
    Browser olivia = new Browser().login("olivia", "demo");
    HttpResponse<String> team = olivia.get("/team?period=2026-10");
    assertThat(team.statusCode()).isEqualTo(200);
    assertThat(team.body()).contains("<h1>My team</h1>", "id=\"team-current\"", "id=\"team-trend\"", "data-chart=\"line\"", "(oscar)", "(owen)")
        .doesNotContain("(priya)");
    assertThat(olivia.get("/team?managerId=paul").statusCode()).isEqualTo(403);

    // HR's cycle statistics, linked from the cycle page.
    Browser admin = new Browser().login("admin", "admin");
    long cycleId = Long.parseLong(admin.post("/cycles", admin.get("/cycles").body(), Map.of("period", "2026-09", "employeeIds", "opal"))
        .headers().firstValue("Location").orElseThrow().replaceAll(".*/cycles/", ""));
    assertThat(admin.get("/cycles/" + cycleId).body()).contains("/cycles/" + cycleId + "/dashboard");
    HttpResponse<String> stats = admin.get("/cycles/" + cycleId + "/dashboard");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("id=\"rating-histogram\"", "data-chart=\"bar\"", "EXCELLENT", "id=\"adjustment-facts\"", "Late steps");
    assertThat(olivia.get("/cycles/" + cycleId + "/dashboard").statusCode()).isEqualTo(403);
  }

  /** The employee's self-assessment in this cycle (another class may have started one for owen too). */
  private Optional<UserTask> selfAssessmentOf(String employee, long cycleId) {
    return inbox.inboxOf(employee).stream()
        .filter(t -> "self-assessment".equals(t.elementId()) && t.subjectId("review") != null
            && reviews.get(t.subjectId("review")).cycleId() == cycleId)
        .findFirst();
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }
}
