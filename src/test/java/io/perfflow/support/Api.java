package io.perfflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** PerfFlow's JSON API as one user sees it (HTTP Basic). */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final String user;
  private final String password;

  public Api(TestRestTemplate http, String user, String password) {
    this.http = http;
    this.user = user;
    this.password = password;
  }

  public record Response(int status, JsonNode body) {
    public Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  public String user() {
    return user;
  }

  public Response get(String path) {
    return call(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
  }

  public Response post(String path, Object body) {
    return call(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
  }

  public Response put(String path, Object body) {
    return call(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
  }

  public Response patch(String path, Object body) {
    return call(HttpMethod.PATCH, path, body, MediaType.APPLICATION_JSON);
  }

  public Response delete(String path) {
    return call(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON);
  }

  public Response postText(String path, String body, MediaType type) {
    return call(HttpMethod.POST, path, body, type);
  }

  private Response call(HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.setContentType(type);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    Object payload = body;
    if (body != null && !(body instanceof String)) {
      try {
        payload = JSON.writeValueAsString(body);
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }
    ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
    JsonNode json;
    try {
      json = response.getBody() == null || response.getBody().isBlank() ? JSON.nullNode() : JSON.readTree(response.getBody());
    } catch (Exception e) {
      json = JSON.getNodeFactory().textNode(response.getBody());
    }
    return new Response(response.getStatusCode().value(), json);
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Map.of("variables", map);
  }
}
