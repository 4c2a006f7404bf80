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

    /** Uploads {@code content} as the file field {@code file} of a multipart form (with the page's CSRF token and more fields). */
    HttpResponse<String> upload(String path, String page, String fileName, String content, Map<String, String> fields)
        throws IOException, InterruptedException {
      String boundary = "----perfflow" + System.nanoTime();
      StringBuilder body = new StringBuilder();
      Map<String, String> all = new LinkedHashMap<>(fields);
      all.put("_csrf", csrf(page));
      all.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
          .append("\"\r\n\r\n").append(v).append("\r\n"));
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
      return http.send(
          HttpRequest.newBuilder(url(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts an already encoded form (repeated fields) with the page's CSRF token. */
    HttpResponse<String> postRaw(String path, String page, String encoded) throws IOException, InterruptedException {
      String body = encoded + "&_csrf=" + URLEncoder.encode(csrf(page), StandardCharsets.UTF_8);
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
        .contains("href=\"/metrics/orders.count\"", "href=\"/metrics/orders.count#source\"")
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
    assertThat(admin.get("/cycles/" + cycleId).body()).contains("/cycles/" + cycleId + "/dashboard", "/api/cycles/" + cycleId + "/results.csv");
    HttpResponse<String> stats = admin.get("/cycles/" + cycleId + "/dashboard");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("id=\"rating-histogram\"", "data-chart=\"bar\"", "EXCELLENT", "id=\"adjustment-facts\"", "Late steps");
    assertThat(olivia.get("/cycles/" + cycleId + "/dashboard").statusCode()).isEqualTo(403);
  }

  @Test
  void hrManagesPeopleScorecardsMetricsImportsAndThePeakSeasonCalendarInThePages() throws Exception {
    String tag = "ui" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Browser admin = new Browser().login("admin", "admin");
    Browser oscar = new Browser().login("oscar", "demo");
    // The menu offers HR the pages; others neither see nor open them.
    assertThat(admin.get("/").body()).contains(">People</a>", ">Scorecards</a>", ">Metrics</a>", ">Imports</a>", ">Peak seasons</a>");
    assertThat(oscar.get("/").body()).doesNotContain(">People</a>", ">Imports</a>");
    for (String page : java.util.List.of("/people", "/people/owen", "/scorecards", "/scorecards/operations/normal", "/imports", "/peak-seasons", "/metrics/new")) {
      assertThat(oscar.get(page).statusCode()).as(page).isEqualTo(403);
    }

    // People: list, search, add (errors inline), edit (a manager loop refused), import (each bad row), deactivate.
    HttpResponse<String> people = admin.get("/people");
    assertThat(people.statusCode()).isEqualTo(200);
    assertThat(people.body()).contains("id=\"people-table\"", ">oscar</a>", ">priya</a>", "enctype=\"multipart/form-data\"");
    HttpResponse<String> search = admin.get("/people?q=procurement");
    assertThat(search.body()).contains(">priya</a>").doesNotContain(">oscar</a>");
    Map<String, String> person = new LinkedHashMap<>(Map.of("id", tag, "name", "Uma Ui", "email", "not-an-email", "role", "operations",
        "team", "operations", "managerId", "olivia", "hiredOn", "2025-01-06", "level", "L1", "basePay", "lots", "password", "demo"));
    HttpResponse<String> badPerson = admin.post("/people", people.body(), person);
    assertThat(badPerson.statusCode()).isEqualTo(400);
    assertThat(badPerson.body()).contains("id=\"new-email-error\"", "must be an e-mail address", "id=\"new-basePay-error\"", "value=\"Uma Ui\"");
    person.put("email", tag + "@perfflow.example");
    person.put("basePay", "7000");
    HttpResponse<String> added = admin.post("/people", badPerson.body(), person);
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/people/" + tag);
    HttpResponse<String> page = admin.get("/people/" + tag);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Added Uma Ui", "name=\"managerId\"", "value=\"olivia\"", "id=\"deactivate\"");
    HttpResponse<String> loop = admin.post("/people/olivia", admin.get("/people/olivia").body(),
        Map.of("name", "Olivia", "email", "olivia@perfflow.example", "role", "operations-manager", "team", "operations", "managerId", "oscar", "level", "M1"));
    assertThat(loop.statusCode()).isEqualTo(400);
    assertThat(loop.body()).contains("id=\"f-managerId-error\"", "loop in the manager chain");
    HttpResponse<String> changed = admin.post("/people/" + tag, page.body(), Map.of("name", "Uma Ui", "email", tag + "@perfflow.example",
        "role", "operations", "team", "operations", "managerId", "olivia", "level", "L2", "groups", "ops-managers"));
    assertThat(changed.statusCode()).isEqualTo(302);
    HttpResponse<String> after = admin.get("/people/" + tag);
    assertThat(after.body()).contains("Saved " + tag, "value=\"L2\"");
    assertThat(after.body().replaceAll("\\s+", " ")).containsPattern("value=\"ops-managers\"[^>]*checked");
    HttpResponse<String> deactivated = admin.post("/people/" + tag + "/deactivate", after.body(), Map.of());
    assertThat(deactivated.statusCode()).isEqualTo(302);
    assertThat(admin.get("/people/" + tag).body()).contains("is deactivated", "id=\"activate\"");
    HttpResponse<String> busy = admin.post("/people/olivia/deactivate", after.body(), Map.of());
    assertThat(busy.statusCode()).isEqualTo(409);
    assertThat(busy.body()).contains("id=\"status-error\"", "still manages");
    String header = "id,name,email,role,team,manager,hiredOn,level,basePay\n";
    HttpResponse<String> badImport = admin.upload("/people/import", people.body(), "people.csv",
        header + tag + "a,Ann,ann@x.example,operations,operations,olivia,2025-01-06,L1,100\n" + tag + "b,Bob,bob,operations,operations,nobody-at-all,2025-01-06,L1,100\n", Map.of());
    assertThat(badImport.statusCode()).isEqualTo(400);
    String importErrors = badImport.body().substring(badImport.body().indexOf("id=\"import-errors\""));
    assertThat(importErrors).contains("Nobody was imported from people.csv", "<td>2</td><td>email</td>", "<td>2</td><td>managerId</td>");
    HttpResponse<String> goodImport = admin.upload("/people/import", people.body(), "people.csv",
        header + tag + "a,Ann,ann@x.example,operations,operations,olivia,2025-01-06,L1,100\n", Map.of());
    assertThat(goodImport.statusCode()).isEqualTo(302);
    assertThat(admin.get("/people").body()).contains("Imported 1 people from people.csv", ">" + tag + "a</a>");

    // Scorecards: the editor with the live sum's script; a sum of 90 % refused with the server's message, nothing saved.
    HttpResponse<String> scorecards = admin.get("/scorecards");
    assertThat(scorecards.statusCode()).isEqualTo(200);
    assertThat(scorecards.body()).contains("id=\"profiles\"", "/scorecards/operations/normal");
    HttpResponse<String> editor = admin.get("/scorecards/operations/normal");
    assertThat(editor.statusCode()).isEqualTo(200);
    assertThat(editor.body()).contains("id=\"kpi-editor\"", "id=\"weight-sum\"", "data-sum=\"100\"", "/js/scorecard.js", "orders.count")
        .doesNotContain("<script>");
    assertThat(admin.get("/js/scorecard.js").body()).contains("weight-sum");
    String role = tag + "-role";
    String profilePath = "/scorecards/" + role + "/normal";
    HttpResponse<String> fresh = admin.get(profilePath);
    assertThat(fresh.body()).contains("does not exist yet");
    String form = "code=a&name=A&unit=n&direction=HIGHER_IS_BETTER&target=10&weight=60&metric=orders.count"
        + "&code=b&name=B&unit=n&direction=LOWER_IS_BETTER&target=5&weight=30&metric=no.such-metric"
        + "&code=&name=&unit=&direction=HIGHER_IS_BETTER&target=&weight=&metric=";
    HttpResponse<String> refused = admin.postRaw(profilePath, fresh.body(), form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"scorecard-error\"", "unknown metric", "data-sum=\"90\"");
    HttpResponse<String> notHundred = admin.postRaw(profilePath, refused.body(), form.replace("no.such-metric", "orders.count"));
    assertThat(notHundred.statusCode()).isEqualTo(400);
    assertThat(notHundred.body()).contains("must sum to exactly 100%");
    HttpResponse<String> saved = admin.postRaw(profilePath, notHundred.body(), form.replace("no.such-metric", "orders.count").replace("weight=30", "weight=40"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(admin.get(profilePath).body()).contains("Saved scorecard " + role + "/normal", "data-sum=\"100\"");

    // Metric definitions: everyone reads one (where its values come from); HR defines, the query check's error under the query.
    HttpResponse<String> metric = oscar.get("/metrics/orders.count");
    assertThat(metric.statusCode()).isEqualTo(200);
    assertThat(metric.body()).contains("id=\"source\"", "source.marketplace_order", "perfflow_metric_reader").doesNotContain("Save metric");
    assertThat(admin.get("/metrics").body()).contains("id=\"metrics-table\"", "/metrics/orders.count", "/metrics/new");
    HttpResponse<String> newMetric = admin.get("/metrics/new");
    Map<String, String> definition = new LinkedHashMap<>(Map.of("code", tag + ".score", "name", "UI score", "unit", "points",
        "description", "A metric made in the UI test.", "query", "SELECT id AS employee_id, 1 AS value\nFROM perfflow.employee\nWHER active"));
    HttpResponse<String> badQuery = admin.post("/metrics", newMetric.body(), definition);
    assertThat(badQuery.statusCode()).isEqualTo(400);
    assertThat(badQuery.body()).contains("id=\"m-query-error\"", "Line 3: ", "syntax error");
    definition.put("query", "SELECT id AS employee_id, length(password_hash) AS value FROM perfflow.employee");
    HttpResponse<String> confidential = admin.post("/metrics", badQuery.body(), definition);
    assertThat(confidential.statusCode()).isEqualTo(400);
    assertThat(confidential.body()).contains("permission denied", "perfflow_metric_reader");
    definition.put("query", "");
    HttpResponse<String> created = admin.post("/metrics", confidential.body(), definition);
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(admin.get("/metrics/" + tag + ".score").body()).contains("Created metric " + tag + ".score", "id=\"source-imported\"");

    // Imports: metric values and a source table, each bad row listed; then good files.
    HttpResponse<String> imports = admin.get("/imports");
    assertThat(imports.statusCode()).isEqualTo(200);
    assertThat(imports.body()).contains("name=\"table\"", "value=\"suppliers\"", "value=\"attendance\"");
    HttpResponse<String> badValues = admin.upload("/imports/metrics", imports.body(), "values.csv",
        "employeeId,metric,period,value,source\noscar," + tag + ".score,2026-10,12,ui\nnobody-here," + tag + ".score,2026-13,x,ui\n", Map.of());
    assertThat(badValues.statusCode()).isEqualTo(400);
    assertThat(badValues.body()).contains("Nothing was imported from values.csv", "<td>2</td>");
    HttpResponse<String> goodValues = admin.upload("/imports/metrics", imports.body(), "values.csv",
        "employeeId,metric,period,value,source\noscar," + tag + ".score,2026-10,12,ui\n", Map.of());
    assertThat(goodValues.statusCode()).isEqualTo(302);
    assertThat(admin.get("/imports").body()).contains("Imported 1 metric value(s) from values.csv");
    HttpResponse<String> badRows = admin.upload("/imports/source", imports.body(), "suppliers.csv", "id,name\n" + tag + "-s1,\n", Map.of("table", "suppliers"));
    assertThat(badRows.statusCode()).isEqualTo(400);
    assertThat(badRows.body()).contains("into suppliers", "<td>1</td><td>name</td>");
    HttpResponse<String> goodRows = admin.upload("/imports/source", imports.body(), "suppliers.json",
        "[{\"id\":\"" + tag + "-s1\",\"name\":\"UI supplier\"}]", Map.of("table", "suppliers"));
    assertThat(goodRows.statusCode()).isEqualTo(302);
    assertThat(admin.get("/imports").body()).contains("Imported 1 row(s) of suppliers: 1 new, 0 replaced from suppliers.json");

    // The peak-season calendar.
    HttpResponse<String> seasons = admin.get("/peak-seasons");
    assertThat(seasons.statusCode()).isEqualTo(200);
    HttpResponse<String> badSeason = admin.post("/peak-seasons", seasons.body(), Map.of("period", "2039-13", "name", "Nope"));
    assertThat(badSeason.statusCode()).isEqualTo(400);
    assertThat(badSeason.body()).contains("id=\"ps-period-error\"", "value=\"Nope\"");
    assertThat(admin.post("/peak-seasons", badSeason.body(), Map.of("period", "2039-11", "name", "Double 11 (UI)")).statusCode()).isEqualTo(302);
    HttpResponse<String> withSeason = admin.get("/peak-seasons");
    assertThat(withSeason.body()).contains("2039-11", "Double 11 (UI)");
    assertThat(admin.post("/peak-seasons/2039-11/delete", withSeason.body(), Map.of()).statusCode()).isEqualTo(302);
    assertThat(admin.get("/peak-seasons").body()).doesNotContain("Double 11 (UI)");
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
