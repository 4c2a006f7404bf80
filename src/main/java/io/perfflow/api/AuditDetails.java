package io.perfflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Audit details are stored as the JSON text that was hashed; the API shows them as JSON. */
final class AuditDetails {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditDetails() {}

  static JsonNode parse(String details) {
    try {
      return JSON.readTree(details);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(details);
    }
  }
}
