package io.perfflow.i18n;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's chosen language (the profile setting, column {@code employee_preference.language};
 * null = not chosen). Written through {@code PUT /api/employees/{id}/preferences} or the UI's
 * language switch.
 */
@Component
public class LanguagePreferences {
  private final JdbcClient jdbc;
  private final Languages languages;

  public LanguagePreferences(JdbcClient jdbc, Languages languages) {
    this.jdbc = jdbc;
    this.languages = languages;
  }

  /** The employee's chosen language, if any. */
  public Optional<Locale> of(String employeeId) {
    if (employeeId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT language FROM employee_preference WHERE employee_id = ?").param(employeeId)
        .query(String.class).optional().flatMap(Languages::parse);
  }

  /** The language a mail to the employee is written in: their choice, else the default. */
  public Locale forMail(String employeeId) {
    return of(employeeId).orElse(languages.defaultLocale());
  }

  /** The mail language of each address (the employee with that e-mail's choice, else the default). */
  public Map<String, Locale> forMailTo(Collection<String> emails) {
    Map<String, Locale> out = new HashMap<>();
    for (String email : emails) {
      out.put(email, languages.defaultLocale());
    }
    if (emails.isEmpty()) {
      return out;
    }
    jdbc.sql("""
        SELECT e.email, p.language FROM employee e JOIN employee_preference p ON p.employee_id = e.id
        WHERE e.email = ANY(?) AND p.language IS NOT NULL""")
        .param(emails.toArray(String[]::new))
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(row -> Languages.parse(row.getValue()).ifPresent(locale -> out.put(row.getKey(), locale)));
    return out;
  }

  /** Stores the choice (null clears it); the row keeps the employee's other preferences. */
  public void set(String employeeId, String tag) {
    jdbc.sql("""
        INSERT INTO employee_preference (employee_id, language, updated_at) VALUES (?, ?, now())
        ON CONFLICT (employee_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()""")
        .params(employeeId, tag).update();
  }
}
