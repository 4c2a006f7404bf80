package io.perfflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.Periods;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page in English and in Simplified Chinese: rendered without an untranslated key
 * ({@code ??key_zh_CN??}), in the language asked for ({@code <html lang>}), and the Chinese page
 * carries none of the English texts of the English page's chrome (headings, labels, buttons).
 * The pages are opened as the people who see them, with a review of a new operator in flight.
 */
@io.perfflow.support.EmbeddedPerfFlowTest
class PagesInBothLanguagesTest {
  private static final Pattern TAGS = Pattern.compile("<script.*?</script>|<style.*?</style>|<[^>]+>", Pattern.DOTALL);
  /**
   * What a mail says is data, not the page's chrome: the mailbox shows each mail in its recipient's
   * language, and other tests in the shared context leave English mails there.
   */
  private static final Pattern MAIL_CONTENT = Pattern.compile("<article class=\"card mail\">\\s*<h2>.*?</h2>|<pre>.*?</pre>", Pattern.DOTALL);
  /** English texts of the pages' own chrome; data (names, KPI names from the scorecards) may be English. */
  private static final List<String> ENGLISH = List.of("My tasks", "Log out", "Period", "Status", "Final total", "Rating", "Employee",
      "Overview", "History", "Approvals", "Open tasks", "Start cycle", "Review cycles", "Reviews per status", "Rankings per team",
      "My performance", "My team", "The last 12 months", "Your answers", "Pressure", "Wellbeing", "Mailbox", "Open supplier delays",
      "Career of", "Nominate", "Review summary", "Complete task", "Cancel", "Times are in", "Back to my tasks", "Not allowed",
      "User id", "Password", "Late steps", "Manager adjustments", "Next level", "Weekly plans", "This week", "Earlier weeks",
      "Write the plan", "Weekly review", "Baseline", "Expected by now", "Team bonus pools", "Start a pool", "Tenure factor",
      "Level factor", "The lead may move", "Waiting for the reviews of", "Who handled the store", "Unattributed", "By agent",
      "Of them overlapped");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  record Visit(String user, String path, int status) {}

  @Test
  void everyPageInBothLanguages() throws Exception {
    ReviewScenarios s = new ReviewScenarios(rest);
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-08", s.valuesScoring("operations", "normal", 90));
    long cycle = s.startCycle("2026-08", emp);
    long review = s.reviewOf(cycle, emp);
    JsonNode self = s.task(review, "self-assessment", null);
    // A weekly plan of this week (the plan pages) and a team bonus pool waiting for the review (the pool pages).
    String week = Periods.weekOf(LocalDate.ofInstant(Instant.parse(s.hr().get("/api/dev/clock").expect(200).body().path("engineTime").asText()),
        ZoneOffset.UTC));
    s.importMetrics(emp, Periods.weekOf(Periods.mondayOf(week).minusDays(7)), Map.of("orders.count", new BigDecimal("20")));
    long plan = s.as(emp).post("/api/plans", Map.of("week", week, "items", List.of(Map.of("title", "Bundle offers", "kpi", "order-volume",
        "goal", "IMPROVE", "targetChange", 20, "unit", "POINTS")))).expect(201).body().path("id").asLong();
    long pool = s.hr().post("/api/bonus-pools", Map.of("team", "operations", "period", "2026-08", "amount", new BigDecimal("1000.00"),
        "currency", "CNY", "leadId", "olivia")).expect(201).body().path("id").asLong();
    List<Visit> visits = new ArrayList<>(List.of(
        new Visit(null, "/login", 200),
        new Visit(emp, "/", 200),
        new Visit(emp, "/tasks/" + self.path("key").asLong(), 200),
        new Visit(emp, "/reviews", 200),
        new Visit(emp, "/reviews/" + review, 200),
        new Visit(emp, "/me", 200),
        new Visit(emp, "/pulse", 200),
        new Visit(emp, "/career", 200),
        new Visit(emp, "/plans", 200),
        new Visit(emp, "/plans/" + plan, 200),
        new Visit("oscar", "/reviews/" + review, 403),
        new Visit("admin", "/cycles", 200),
        new Visit("admin", "/cycles/" + cycle, 200),
        new Visit("admin", "/cycles/" + cycle + "/dashboard", 200),
        new Visit("admin", "/wellbeing", 200),
        new Visit("admin", "/mailbox", 200),
        new Visit("admin", "/supplier-delays", 200),
        new Visit("admin", "/metrics", 200),
        new Visit("admin", "/bonus-pools", 200),
        new Visit("admin", "/bonus-pools/" + pool, 200),
        new Visit("admin", "/cs/attribution", 200),
        new Visit("admin", "/cs/recognition-rewards", 200),
        new Visit("olivia", "/team", 200),
        new Visit("olivia", "/career/otto", 200),
        new Visit("olivia", "/promotions/new?employeeId=otto", 200)));
    for (JsonNode c : s.hr().get("/api/wellbeing/cases").expect(200).body()) {
      visits.add(new Visit("admin", "/wellbeing/cases/" + c.path("id").asLong(), 200));
      break;
    }
    List<String> problems = new ArrayList<>();
    for (Visit v : visits) {
      String en = get(v, "en-US,en;q=0.9", problems);
      String zh = get(v, "zh-CN,zh;q=0.9", problems);
      if (en == null || zh == null) {
        continue;
      }
      for (Map.Entry<String, String> page : Map.of("en", en, "zh-CN", zh).entrySet()) {
        if (page.getValue().contains("??")) {
          Matcher m = Pattern.compile("\\?\\?[^?]*\\?\\?").matcher(page.getValue());
          problems.add(v.path() + " [" + page.getKey() + "]: untranslated " + (m.find() ? m.group() : "??"));
        }
      }
      if (!en.contains("lang=\"en\"")) {
        problems.add(v.path() + ": the English page is not lang=en");
      }
      if (v.status() == 200 && !zh.contains("lang=\"zh-CN\"")) {
        problems.add(v.path() + ": the Chinese page is not lang=zh-CN");
      }
      String zhText = text(zh);
      String enText = text(en);
      for (String english : ENGLISH) {
        if (enText.contains(english) && zhText.contains(english)) {
          problems.add(v.path() + ": the Chinese page still says '" + english + "'");
        }
      }
      if (zhText.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        problems.add(v.path() + ": the Chinese page has no Chinese");
      }
    }
    assertThat(problems).isEmpty();
  }

  private String get(Visit v, String language, List<String> problems) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + v.path())).header("Accept", "text/html")
        .header("Accept-Language", language);
    if (v.user() != null) {
      String password = v.user().equals("admin") ? "admin" : "demo";
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((v.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != v.status()) {
      problems.add(v.user() + " " + v.path() + " [" + language + "]: expected " + v.status() + ", got " + r.statusCode() + " "
          + r.body().substring(0, Math.min(300, r.body().length())));
      return null;
    }
    return r.body();
  }

  private static String text(String html) {
    return TAGS.matcher(MAIL_CONTENT.matcher(html).replaceAll(" ")).replaceAll(" ").replace("&#39;", "'").replace("&amp;", "&");
  }
}
