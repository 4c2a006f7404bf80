package io.perfflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A huge text never makes a huge audit event: it is stored as its digest. */
class AuditDetailsBoundTest {
  @Test
  @SuppressWarnings("unchecked")
  void longTextsBecomeTheirDigestShortOnesStay() {
    String huge = "x".repeat(5 * 1024 * 1024);
    Map<String, Object> bounded = (Map<String, Object>) AuditLog.bounded(
        Map.of("comment", "short", "values", List.of(Map.of("source", huge))));
    assertThat(bounded.get("comment")).isEqualTo("short");
    Map<String, Object> digest = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) bounded.get("values")).get(0)).get("source");
    assertThat(digest.get("length")).isEqualTo(huge.length());
    assertThat((String) digest.get("sha256")).hasSize(64);
    assertThat(((String) digest.get("start"))).hasSize(200);
  }
}
