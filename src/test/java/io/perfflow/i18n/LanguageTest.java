package io.perfflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.support.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which language a person gets: their profile setting ({@code PUT /api/employees/{id}/preferences
 * {language}} or the switch), else the browser's Accept-Language, else the default (English); the
 * preference endpoint keeps the daily-feedback field working.
 */
@io.perfflow.support.EmbeddedPerfFlowTest
class LanguageTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  HttpResponse<String> page(String user, String path, String acceptLanguage) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + (user.equals("admin") ? "admin" : "demo")).getBytes(StandardCharsets.UTF_8)));
    }
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theBrowserLanguageThenTheProfileSettingDecide() throws Exception {
    // nobody logged in: the browser's language, else English
    assertThat(page(null, "/login", null).body()).contains("lang=\"en\"", "User id", "Log in").doesNotContain("工号");
    assertThat(page(null, "/login", "zh-CN,zh;q=0.9,en;q=0.8").body()).contains("lang=\"zh-CN\"", "工号", "密码").doesNotContain("User id");
    assertThat(page(null, "/login", "zh-TW").body()).contains("工号");
    assertThat(page(null, "/login", "fr-FR,en;q=0.5").body()).contains("User id");
    assertThat(page(null, "/login", "de-DE").body()).contains("User id");
    assertThat(page(null, "/login", "not a ;;; header").body()).contains("User id");

    // chen has chosen nothing: the browser decides; once chosen, the profile setting wins
    Api chen = new Api(rest, "chen", "demo");
    assertThat(chen.get("/api/employees/chen/preferences").expect(200).body().path("language").asText("none")).isIn("none", "null");
    assertThat(page("chen", "/", "zh-CN").body()).contains("我的待办");
    assertThat(page("chen", "/", "en-US").body()).contains("My tasks");
    var set = chen.put("/api/employees/chen/preferences", Map.of("language", "zh-CN")).expect(200).body();
    assertThat(set.path("language").asText()).isEqualTo("zh-CN");
    assertThat(set.path("dailyFeedback").asBoolean()).isTrue();
    assertThat(page("chen", "/", "en-US").body()).contains("lang=\"zh-CN\"", "我的待办", "退出登录").doesNotContain(">My tasks<");
    assertThat(page("chen", "/", null).body()).contains("我的待办");

    // the daily-feedback field still works alongside, and a bad field writes nothing
    chen.put("/api/employees/chen/preferences", Map.of("language", "en", "dailyFeedback", "no")).expect(400);
    assertThat(chen.get("/api/employees/chen/preferences").expect(200).body().path("language").asText()).isEqualTo("zh-CN");
    var both = chen.put("/api/employees/chen/preferences", Map.of("dailyFeedback", false)).expect(200).body();
    assertThat(both.path("dailyFeedback").asBoolean()).isFalse();
    assertThat(both.path("language").asText()).isEqualTo("zh-CN");
    chen.put("/api/employees/chen/preferences", Map.of("dailyFeedback", true)).expect(200);
    new Api(rest, "cleo", "demo").put("/api/employees/chen/preferences", Map.of("language", "en")).expect(403);
    new Api(rest, "admin", "admin").get("/api/employees/chen/preferences").expect(200);

    // null clears the choice: the browser decides again
    java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
    clear.put("language", null);
    assertThat(chen.put("/api/employees/chen/preferences", clear).expect(200).body().path("language").asText("none")).isIn("none", "null");
    assertThat(page("chen", "/", "en").body()).contains("My tasks");
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'EMPLOYEE_PREFERENCE_SET' AND details LIKE '%\"language\"%'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theSwitchStoresTheChoiceAndComesBack() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    // on the login page: a cookie
    String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(login).contains("name=\"language\"", "简体中文");
    HttpResponse<String> switched = post(browser, base + "/language", login, Map.of("language", "zh-CN", "back", "/login"));
    assertThat(switched.statusCode()).isEqualTo(302);
    assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    String zh = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(zh).contains("工号");
    // somewhere else than this site: back to /
    HttpResponse<String> away = post(browser, base + "/language", zh, Map.of("language", "en", "back", "//evil.example.com/"));
    assertThat(away.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");

    // logged in: the profile setting (mails follow it too)
    String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> in = post(browser, base + "/login", page, Map.of("username", "cruz", "password", "demo"));
    assertThat(in.statusCode()).isEqualTo(302);
    String inbox = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(post(browser, base + "/language", inbox, Map.of("language", "zh-CN", "back", "/?x=1")).headers().firstValue("Location").orElseThrow())
        .endsWith("/?x=1");
    assertThat(jdbc.sql("SELECT language FROM perfflow.employee_preference WHERE employee_id = 'cruz'").query(String.class).single()).isEqualTo("zh-CN");
    assertThat(page("cruz", "/", "en").body()).contains("我的待办");
    post(browser, base + "/language", inbox, Map.of("language", "en", "back", "/"));
    assertThat(page("cruz", "/", "zh").body()).contains("My tasks");
  }

  private static HttpResponse<String> post(HttpClient browser, String url, String page, Map<String, String> fields) throws IOException, InterruptedException {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("CSRF token on the page").isTrue();
    StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
    fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
