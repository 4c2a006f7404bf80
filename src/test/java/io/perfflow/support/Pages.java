package io.perfflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server-rendered pages as one user's browser sees them (HTTP basic login, its own cookie jar
 * for the CSRF cookie, redirects not followed so they can be asserted).
 */
public final class Pages {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final int port;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  public Pages(int port, String user) {
    this.port = port;
    String password = "admin".equals(user) ? "admin" : "demo";
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public record Page(int status, String body, String location) {
    public Page expect(int expected) {
      assertThat(status).as("HTTP status; body: " + body.substring(0, Math.min(400, body.length()))).isEqualTo(expected);
      return this;
    }
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  /** Posts a form with the CSRF token of {@code page} (the page the form is on). */
  public Page post(String path, Page page, Map<String, String> fields) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    String body = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Page send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.header("Authorization", authorization).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
