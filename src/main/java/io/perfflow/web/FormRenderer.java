package io.perfflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a Camunda form (form-js JSON from {@code forms/}) into what the task page renders: one
 * {@link Item} per component, with the current value and error of each field. Supported: text,
 * textfield, textarea, number, radio, select, checkbox, checklist (a multi-select; its value the
 * chosen values, comma separated), table (and groups, flattened). A text component whose template
 * variables are all empty is hidden (an approximation of {@code conditional.hide}). A {@code table}
 * reads its rows from the variable its {@code dataSource} names ({@code =kpiLines}: a list of
 * objects) and shows its {@code columns} (each {@code key} of a row, under its {@code label}); any
 * other FEEL data source shows no rows.
 */
@Component
public class FormRenderer {
  public record Option(String value, String label) {}

  /** A read-only table (form-js {@code table}): column labels and the cells as text. */
  public record Table(List<String> headers, List<List<String>> rows) {}

  private static final java.util.regex.Pattern VARIABLE_SOURCE = java.util.regex.Pattern.compile("=\\s*([A-Za-z_][\\w]*)\\s*");

  public record Item(
      String type,
      String id,
      String key,
      String label,
      String description,
      boolean required,
      String min,
      String max,
      String step,
      List<Option> options,
      String value,
      String error,
      String html,
      Table table) {
    public boolean isField() {
      return key != null;
    }

    /** The id of the HTML input (stable and unique per form). */
    public String inputId() {
      return "f-" + key;
    }

    /** For a checklist: whether {@code option} is among the chosen values (comma separated). */
    public boolean chosen(String option) {
      return value != null && java.util.Arrays.asList(value.split(",")).contains(option);
    }

    public boolean checked() {
      return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }
  }

  /**
   * @param values the values to show: what was submitted, or nothing for a fresh form (then the
   *     components' {@code defaultValue}s)
   * @param errors messages per field key
   * @param context the variables for the text templates
   */
  public List<Item> render(JsonNode schema, Map<String, String> values, Map<String, String> errors, Map<String, ?> context) {
    List<Item> items = new ArrayList<>();
    walk(schema.path("components"), values, errors, context, items);
    return items;
  }

  private void walk(JsonNode components, Map<String, String> values, Map<String, String> errors, Map<String, ?> context, List<Item> out) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        walk(c.path("components"), values, errors, context, out);
        continue;
      }
      if ("text".equals(type)) {
        String text = io.perfflow.i18n.Bilingual.text(c.path("text").asText(""), locale());
        var vars = MiniMarkdown.variables(text);
        boolean hidden = !vars.isEmpty() && vars.stream().noneMatch(v -> MiniMarkdown.present(context.get(v)));
        if (!hidden) {
          out.add(new Item("text", c.path("id").asText(), null, null, null, false, null, null, null, List.of(), null, null,
              MiniMarkdown.toHtml(text, context), null));
        }
        continue;
      }
      if ("table".equals(type)) {
        out.add(new Item("table", c.path("id").asText(), null, io.perfflow.i18n.Bilingual.label(c.path("label").asText(null), locale()), null, false, null, null, null,
            List.of(), null, null, null, table(c, context)));
        continue;
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      String key = c.path("key").asText();
      JsonNode validate = c.path("validate");
      List<Option> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), io.perfflow.i18n.Bilingual.label(v.path("label").asText(v.path("value").asText()), locale()))));
      String value = values.containsKey(key) ? values.get(key) : c.hasNonNull("defaultValue") ? c.path("defaultValue").asText() : null;
      out.add(new Item(
          type,
          c.path("id").asText(key),
          key,
          io.perfflow.i18n.Bilingual.label(c.path("label").asText(key), locale()),
          io.perfflow.i18n.Bilingual.label(c.path("description").asText(null), locale()),
          validate.path("required").asBoolean(false),
          validate.hasNonNull("min") ? validate.path("min").asText() : null,
          validate.hasNonNull("max") ? validate.path("max").asText() : null,
          step(c),
          options,
          value,
          errors.get(key),
          null,
          null));
    }
  }

  /** The request's language (a form shows the half of its bilingual labels for it). */
  private static java.util.Locale locale() {
    return org.springframework.context.i18n.LocaleContextHolder.getLocale();
  }

  private static Table table(JsonNode c, Map<String, ?> context) {
    List<String> keys = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    c.path("columns").forEach(col -> {
      keys.add(col.path("key").asText());
      headers.add(io.perfflow.i18n.Bilingual.label(col.path("label").asText(col.path("key").asText()), locale()));
    });
    List<List<String>> rows = new ArrayList<>();
    var source = VARIABLE_SOURCE.matcher(c.path("dataSource").asText(""));
    Object data = source.matches() ? context.get(source.group(1)) : null;
    if (data instanceof Iterable<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> row) {
          List<String> cells = new ArrayList<>();
          for (String k : keys) {
            cells.add(cell(row.get(k)));
          }
          rows.add(cells);
        }
      }
    }
    return new Table(headers, rows);
  }

  /** A cell as form-js shows it: numbers plain (no exponent), nothing for null. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      return java.math.BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String step(JsonNode c) {
    if (c.hasNonNull("increment")) {
      return c.path("increment").asText();
    }
    if (c.hasNonNull("decimalDigits")) {
      int digits = c.path("decimalDigits").asInt();
      return digits <= 0 ? "1" : java.math.BigDecimal.ONE.movePointLeft(digits).toPlainString();
    }
    return "any";
  }
}
