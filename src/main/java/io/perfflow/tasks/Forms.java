package io.perfflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda forms in {@code forms/}: their fields, and the check of a submission against them
 * (required, min/max, allowed values, and the PerfFlow custom property {@code requiredWhen},
 * e.g. {@code "adjustment != 0"}, for a field that is required only in some cases).
 *
 * <p>Every field is type-checked before the task is completed, so nothing a worker cannot use
 * reaches the engine: numbers are plain decimals (integers where the form's {@code decimalDigits}
 * is 0, otherwise at most {@code decimalDigits} or {@value #DEFAULT_DECIMALS} decimals), texts
 * are strings of at most {@code validate.maxLength} or {@value #DEFAULT_MAX_LENGTH} characters
 * without NUL, choices one of the values, checkboxes booleans, dates ISO dates.
 */
@Component
public class Forms {
  /** A form field; {@code label} as the form writes it (a bilingual {@code English / 中文} is split when shown). */
  public record Field(
      String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      List<String> values, String requiredWhen, String description, Integer decimalDigits, Integer maxLength,
      String subtype) {}

  static final int DEFAULT_DECIMALS = 2;
  static final int DEFAULT_MAX_LENGTH = 4000;

  private final Map<String, JsonNode> schemas = new HashMap<>();
  private final Map<String, List<Field>> fields = new HashMap<>();

  public Forms(ObjectMapper json) {
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = file.getInputStream()) {
          JsonNode schema = json.readTree(in);
          String id = schema.path("id").asText();
          schemas.put(id, schema);
          List<Field> list = new ArrayList<>();
          collect(schema.path("components"), list);
          fields.put(id, list);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms", e);
    }
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.path("components"), out);
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> values = new ArrayList<>();
      c.path("values").forEach(v -> values.add(v.path("value").asText()));
      out.add(
          new Field(
              c.path("key").asText(),
              // the label as in the form (English / 中文): an error message writes the half of the language
              c.path("label").asText(c.path("key").asText()),
              c.path("type").asText(),
              validate.path("required").asBoolean(false),
              validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
              validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
              values,
              c.path("properties").path("requiredWhen").asText(null),
              c.path("description").asText(null),
              c.hasNonNull("decimalDigits") ? c.path("decimalDigits").asInt() : null,
              validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
              c.path("subtype").asText(null)));
    }
  }

  public JsonNode schema(String formId) {
    JsonNode schema = schemas.get(formId);
    if (schema == null) {
      throw new NotFoundException(io.perfflow.Msg.of("tasks.error.noForm", formId));
    }
    return schema;
  }

  public List<Field> fields(String formId) {
    schema(formId);
    return fields.get(formId);
  }

  /**
   * Checks a submission; returns the submitted values of the form's fields (numbers as
   * numbers), or throws naming every offending field.
   */
  public Map<String, Object> validate(String formId, Map<String, Object> submitted) {
    Map<String, Object> input = submitted == null ? Map.of() : submitted;
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> clean = new LinkedHashMap<>();
    for (Field f : fields(formId)) {
      Object value = input.get(f.key());
      boolean empty = value == null || (value instanceof String text && text.isBlank())
          || (value instanceof java.util.Collection<?> list && list.isEmpty());
      boolean required = f.required() || (f.requiredWhen() != null && holds(f.requiredWhen(), input));
      if (empty && value instanceof java.util.Collection<?> && "checklist".equals(f.type()) && !required) {
        // Nothing chosen is an answer too: the process gets the empty list (not the last round's choice).
        clean.put(f.key(), List.of());
        continue;
      }
      if (empty) {
        if (required) {
          errors.add(new FieldError(f.key(), f.requiredWhen() != null && !f.required()
              ? io.perfflow.Msg.of("tasks.error.requiredWhen", io.perfflow.Msg.bilingual(f.label()), f.requiredWhen())
              : io.perfflow.Msg.of("tasks.error.required", io.perfflow.Msg.bilingual(f.label()))));
        }
        continue;
      }
      Object checked = check(f, value, errors);
      if (checked != null) {
        clean.put(f.key(), checked);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return clean;
  }

  /** The value as the process gets it, or null after adding why it is not acceptable. */
  private static Object check(Field f, Object value, List<FieldError> errors) {
    String type = f.type() == null ? "" : f.type();
    switch (type) {
      case "number" -> {
        BigDecimal number = value instanceof Number || value instanceof String
            ? io.perfflow.Numbers.parse(value instanceof BigDecimal d ? d.toString() : value.toString()).orElse(null)
            : null;
        if (number == null) {
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.number", io.perfflow.Msg.bilingual(f.label()), io.perfflow.Texts.excerpt(value))));
          return null;
        }
        int decimals = f.decimalDigits() != null ? f.decimalDigits() : DEFAULT_DECIMALS;
        var problem = io.perfflow.Numbers.problem(number, f.min(), f.max(), decimals);
        if (problem.isPresent()) {
          io.perfflow.Msg message = decimals == 0 && number.stripTrailingZeros().scale() > 0 && !problem.get().english().startsWith("must be ")
              ? io.perfflow.Msg.of("tasks.error.wholeNumber", io.perfflow.Texts.excerpt(number))
              : problem.get();
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.labelled", io.perfflow.Msg.bilingual(f.label()), message)));
          return null;
        }
        number = number.stripTrailingZeros();
        return number.scale() <= 0 ? (Object) number.longValueExact() : number;
      }
      case "checklist" -> {
        // A multi-select: a list of the component's values, each at most once.
        if (!(value instanceof java.util.Collection<?> list)) {
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.list", io.perfflow.Msg.bilingual(f.label()), f.values(), io.perfflow.Texts.excerpt(value))));
          return null;
        }
        List<String> chosen = new ArrayList<>();
        for (Object item : list) {
          if (!(item instanceof String text) || !f.values().contains(text)) {
            errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.listItem", io.perfflow.Msg.bilingual(f.label()), f.values(), io.perfflow.Texts.excerpt(item))));
            return null;
          }
          if (chosen.contains(text)) {
            errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.twice", io.perfflow.Msg.bilingual(f.label()), text)));
            return null;
          }
          chosen.add(text);
        }
        return List.copyOf(chosen);
      }
      case "checkbox" -> {
        if (value instanceof Boolean b) return b;
        if ("true".equals(value) || "false".equals(value)) return Boolean.valueOf((String) value);
        errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.boolean", io.perfflow.Msg.bilingual(f.label()), io.perfflow.Texts.excerpt(value))));
        return null;
      }
      default -> {
        if (!(value instanceof String text)) {
          errors.add(new FieldError(f.key(), value instanceof java.util.Map ? io.perfflow.Msg.of("tasks.error.textNotObject", io.perfflow.Msg.bilingual(f.label()))
              : value instanceof java.util.List ? io.perfflow.Msg.of("tasks.error.textNotList", io.perfflow.Msg.bilingual(f.label()))
              : io.perfflow.Msg.of("tasks.error.text", io.perfflow.Msg.bilingual(f.label()), io.perfflow.Texts.excerpt(value))));
          return null;
        }
        int max = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_LENGTH;
        if (text.indexOf('\0') >= 0) {
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.nul", io.perfflow.Msg.bilingual(f.label()))));
          return null;
        }
        if (text.length() > max) {
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.tooLong", io.perfflow.Msg.bilingual(f.label()), max, text.length())));
          return null;
        }
        if (!f.values().isEmpty() && !f.values().contains(text)) {
          errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.oneOf", io.perfflow.Msg.bilingual(f.label()), f.values(), io.perfflow.Texts.excerpt(text))));
          return null;
        }
        if ("datetime".equals(type) && "date".equals(f.subtype())) {
          try {
            java.time.LocalDate.parse(text.trim());
          } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(f.key(), io.perfflow.Msg.of("tasks.error.date", io.perfflow.Msg.bilingual(f.label()), io.perfflow.Texts.excerpt(text))));
            return null;
          }
        }
        return text;
      }
    }
  }

  /** Evaluates {@code field = value} or {@code field != value} against the submission. */
  static boolean holds(String condition, Map<String, Object> input) {
    boolean negated = condition.contains("!=");
    String[] parts = condition.split(negated ? "!=" : "=", 2);
    if (parts.length != 2) {
      return false;
    }
    Object actual = input.get(parts[0].trim());
    String expected = parts[1].trim().replace("\"", "");
    if (actual instanceof java.util.Collection<?> list) {
      // A multi-select "holds" field = value when the value is one of those chosen.
      boolean contains = list.stream().anyMatch(v -> v != null && equalValues(v.toString().trim(), expected));
      return negated ? !contains : contains;
    }
    boolean equal = actual != null && equalValues(actual.toString().trim(), expected);
    return negated ? actual != null && !actual.toString().isBlank() && !equal : equal;
  }

  private static boolean equalValues(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return Objects.equals(a, b);
    }
  }
}
