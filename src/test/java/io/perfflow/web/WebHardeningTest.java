package io.perfflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.support.EmbeddedPerfFlowTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser session must not allow: a cross-site form post riding on the session cookie
 * (the API needs the CSRF token then), logging out by a link, pages without a
 * Content-Security-Policy, a session cookie readable by scripts or sent cross-site.
 */
@EmbeddedPerfFlowTest
class WebHardeningTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String contentType, String body, String csrfHeader) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Content-Type", contentType).header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrfHeader != null) {
      b.header("X-XSRF-TOKEN", csrfHeader);
    }
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  @Test
  void aSessionCannotBeRiddenCrossSiteAndLogsOutOnlyByPost() throws Exception {
    HttpResponse<String> loginPage = get("/login");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
    HttpResponse<String> login = post("/login", "application/x-www-form-urlencoded",
        "username=admin&password=admin&_csrf=" + URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8), null);
    assertThat(login.statusCode()).isEqualTo(302);
    String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

    HttpResponse<String> inbox = get("/");
    assertThat(inbox.statusCode()).isEqualTo(200);

    // A cross-site form post carries the cookie but not the token: refused before it does anything.
    HttpResponse<String> forged = post("/api/reviews/999999999/retry", "application/x-www-form-urlencoded", "", null);
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> forgedImport = post("/api/metrics/import", "text/plain", "employeeId,metric,period,value,source\n", null);
    assertThat(forgedImport.statusCode()).isEqualTo(403);
    // The page's own token lets the same session call the API (here: a review that does not exist).
    HttpResponse<String> withToken = post("/api/reviews/999999999/retry", "application/json", "{}", csrf(inbox.body()));
    assertThat(withToken.statusCode()).isEqualTo(404);

    // GET /logout does not log out (no page answers it); the session still works.
    assertThat(get("/logout").statusCode()).isNotEqualTo(302);
    assertThat(get("/").statusCode()).isEqualTo(200);
    HttpResponse<String> out = post("/logout", "application/x-www-form-urlencoded",
        "_csrf=" + URLEncoder.encode(csrf(get("/").body()), StandardCharsets.UTF_8), null);
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(get("/").statusCode()).as("logged out: back to the login form").isEqualTo(302);
  }
}
