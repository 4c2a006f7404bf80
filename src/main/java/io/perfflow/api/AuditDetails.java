package io.perfflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Audit details are stored as the JSON text that was hashed; the API shows them as JSON. */
public final class AuditDetails {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditDetails() {}

  /** An audit event as the API shows it. */
  public static java.util.Map<String, Object> event(io.perfflow.audit.AuditEvent e) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", e.id());
    m.put("at", e.at());
    m.put("actor", e.actor());
    m.put("action", e.action());
    m.put("details", parse(e.details()));
    return m;
  }

  public static JsonNode parse(String details) {
    try {
      return JSON.readTree(details);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(details);
    }
  }
}
