package io.perfflow.i18n;

import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.audit.AuditLog;
import io.perfflow.org.PreferencePart;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code language}: {@code "en"}, {@code "zh-CN"}, or null to follow the browser again. */
@Component
class LanguagePreferencePart implements PreferencePart {
  private final LanguagePreferences preferences;
  private final AuditLog audit;

  LanguagePreferencePart(LanguagePreferences preferences, AuditLog audit) {
    this.preferences = preferences;
    this.audit = audit;
  }

  @Override
  public String field() {
    return "language";
  }

  @Override
  public String expected() {
    return "\"en\", \"zh-CN\" or null";
  }

  @Override
  public Optional<FieldError> problem(Object value) {
    if (value == null || (value instanceof String s && Languages.parse(s).isPresent())) {
      return Optional.empty();
    }
    io.perfflow.Msg shown = value instanceof String s ? io.perfflow.Msg.of("web.error.quoted", io.perfflow.Texts.excerpt(s))
        : io.perfflow.Msg.of(value instanceof Boolean ? "web.error.aBoolean" : value instanceof Number ? "web.error.aNumber" : "web.error.aStructure");
    return Optional.of(new FieldError("language", io.perfflow.Msg.of("web.error.notALanguage", shown, Languages.TAGS)));
  }

  @Override
  public void write(String employeeId, Object value, String actor) {
    preferences.set(employeeId, (String) value);
    Map<String, Object> details = new HashMap<>();
    details.put("employeeId", employeeId);
    details.put("language", value);
    audit.append(actor, "EMPLOYEE_PREFERENCE_SET", null, details);
  }

  @Override
  public Object read(String employeeId) {
    return preferences.of(employeeId).map(Languages::tag).orElse(null);
  }
}
