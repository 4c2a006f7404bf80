package io.perfflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.text.NumberFormat;
import java.util.Locale;
import io.perfflow.CompanyTime;
import io.perfflow.i18n.Formats;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Formatting helpers for the templates, as {@code ${@fmt.…}}, in the request's language
 * ({@link LocaleContextHolder}: the person's profile setting, else the browser's) and the company
 * time zone ({@link CompanyTime}): English {@code 2026-10-05 14:30}, Chinese
 * {@code 2026年10月5日 14:30}; numbers with the language's grouping; money as {@code CNY 1,234.00}
 * / {@code ¥1,234.00}.
 */
@Component("fmt")
public class WebFormat {
  private final ObjectMapper json;
  private final CompanyTime time;
  private final io.perfflow.engine.EngineClock clock;

  public WebFormat(ObjectMapper json, CompanyTime time, io.perfflow.engine.EngineClock clock) {
    this.json = json;
    this.time = time;
    this.clock = clock;
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  /** A date and time in the company zone, in the request's language. */
  public String when(Instant at) {
    return Formats.when(at, locale(), time.zone());
  }


  /** The company day of an instant. */
  public String day(Instant at) {
    return at == null ? "—" : date(time.today(at));
  }

  public String date(LocalDate day) {
    return Formats.date(day, locale());
  }


  /** The company time zone, e.g. {@code Asia/Shanghai} (pages say once which zone their times are in). */
  public String zone() {
    return time.zone().getId();
  }

  public String iso(Instant at) {
    return at == null ? null : at.toString();
  }

  /** Past due in engine time, the time the due dates and timers are in (the dev clock moves it). */
  public boolean overdue(Instant due) {
    return due != null && due.isBefore(clock.now());
  }

  public String num(BigDecimal value) {
    return Formats.num(value, locale());
  }


  /** A signed number, e.g. an adjustment: +3, -2, 0. */
  public String signed(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    return (value.signum() > 0 ? "+" : "") + num(value);
  }

  /** A completion ratio (1.0425) as a percentage: 104.3 % (English), 104.3% (Chinese). */
  public String percent(BigDecimal ratio) {
    return Formats.percent(ratio, locale());
  }


  /** An amount of money: CNY 1,234.00 (English), ¥1,234.00 (Chinese, CNY) or 1,234.00 EUR. */
  public String money(BigDecimal amount, String currency) {
    return Formats.money(amount, currency, locale());
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
