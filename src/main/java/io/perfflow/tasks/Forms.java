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
 */
@Component
public class Forms {
  public record Field(
      String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      List<String> values, String requiredWhen, String description) {}

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
              c.path("label").asText(c.path("key").asText()),
              c.path("type").asText(),
              validate.path("required").asBoolean(false),
              validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
              validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
              values,
              c.path("properties").path("requiredWhen").asText(null),
              c.path("description").asText(null)));
    }
  }

  public JsonNode schema(String formId) {
    JsonNode schema = schemas.get(formId);
    if (schema == null) {
      throw new NotFoundException("No form '" + formId + "' in forms/");
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
      boolean empty = value == null || value.toString().isBlank();
      boolean required = f.required() || (f.requiredWhen() != null && holds(f.requiredWhen(), input));
      if (empty) {
        if (required) {
          errors.add(new FieldError(f.key(), f.label() + " is required" + (f.requiredWhen() != null && !f.required() ? " when " + f.requiredWhen() : "")));
        }
        continue;
      }
      if ("number".equals(f.type())) {
        BigDecimal number;
        try {
          number = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
          errors.add(new FieldError(f.key(), f.label() + " must be a number, got '" + value + "'"));
          continue;
        }
        if (f.min() != null && number.compareTo(f.min()) < 0) {
          errors.add(new FieldError(f.key(), f.label() + " must be at least " + f.min().toPlainString() + ", got " + number.toPlainString()));
        } else if (f.max() != null && number.compareTo(f.max()) > 0) {
          errors.add(new FieldError(f.key(), f.label() + " must be at most " + f.max().toPlainString() + ", got " + number.toPlainString()));
        }
        clean.put(f.key(), number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : number);
        continue;
      }
      if (!f.values().isEmpty() && !f.values().contains(value.toString())) {
        errors.add(new FieldError(f.key(), f.label() + " must be one of " + f.values() + ", got '" + value + "'"));
        continue;
      }
      clean.put(f.key(), value);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return clean;
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
