package io.perfflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Formatting helpers for the templates, as {@code ${@fmt.…}}. Times are shown in UTC. */
@Component("fmt")
public class WebFormat {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private final ObjectMapper json;

  public WebFormat(ObjectMapper json) {
    this.json = json;
  }

  public String when(Instant at) {
    return at == null ? "—" : WHEN.format(at);
  }

  public String day(Instant at) {
    return at == null ? "—" : DAY.format(at);
  }

  public String iso(Instant at) {
    return at == null ? null : at.toString();
  }

  public boolean overdue(Instant due) {
    return due != null && due.isBefore(Instant.now());
  }

  public String num(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }

  /** A signed number, e.g. an adjustment: +3, -2, 0. */
  public String signed(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    return (value.signum() > 0 ? "+" : "") + num(value);
  }

  /** A completion ratio (1.0425) as a percentage (104.3 %). */
  public String percent(BigDecimal ratio) {
    return ratio == null ? "—" : ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** 0..1 as a whole percentage for the progress bar. */
  public long wholePercent(double ratio) {
    return Math.round(ratio * 100);
  }

  public String text(Object value) {
    return value == null || value.toString().isBlank() ? "—" : value.toString();
  }

  /** CSS class of a status badge. */
  public String badge(Object status) {
    String s = status == null ? "" : status.toString();
    return switch (s) {
      case "COMPLETED", "CLOSED", "APPROVE", "EXCELLENT", "GOOD" -> "badge ok";
      case "REJECTED", "INTERRUPTED", "BLOCKED", "REJECT", "FAIL", "CANCELED" -> "badge bad";
      case "" -> "";
      default -> "badge";
    };
  }

  /**
   * An audit event's JSON details as (name, value) pairs. Nested values are shown compactly:
   * an object as {@code k=v, k=v}, a list of objects one per line, an empty list as a dash.
   */
  public List<Map.Entry<String, String>> details(String details) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (details == null || details.isBlank()) {
      return out;
    }
    try {
      JsonNode node = json.readTree(details);
      if (!node.isObject()) {
        out.add(Map.entry("", compact(node)));
        return out;
      }
      node.fields().forEachRemaining(e -> out.add(Map.entry(e.getKey(), compact(e.getValue()))));
    } catch (Exception e) {
      out.add(Map.entry("", details));
    }
    return out;
  }

  private String compact(JsonNode v) {
    if (v == null || v.isNull()) {
      return "—";
    }
    if (v.isTextual()) {
      String text = v.asText();
      if ((text.startsWith("{") && text.endsWith("}")) || (text.startsWith("[") && text.endsWith("]"))) {
        try {
          return compact(json.readTree(text)); // e.g. the submitted form values, stored as JSON text
        } catch (Exception ignored) {
          return text;
        }
      }
      return text.isEmpty() ? "—" : text;
    }
    if (v.isArray()) {
      if (v.isEmpty()) {
        return "—";
      }
      List<String> items = new ArrayList<>();
      v.forEach(item -> items.add(compact(item)));
      boolean objects = v.get(0).isObject();
      return String.join(objects ? "\n" : ", ", items);
    }
    if (v.isObject()) {
      if (v.isEmpty()) {
        return "—";
      }
      List<String> pairs = new ArrayList<>();
      v.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + (e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText())));
      return String.join(", ", pairs);
    }
    return v.asText();
  }
}
