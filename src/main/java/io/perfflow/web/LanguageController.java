package io.perfflow.web;

import io.perfflow.audit.AuditLog;
import io.perfflow.i18n.LanguagePreferences;
import io.perfflow.i18n.Languages;
import io.perfflow.i18n.PreferredLocaleResolver;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch in the top bar and on the login page ({@code POST /language}, with the CSRF
 * token): logged in, it stores the choice as the person's profile setting (the same as
 * {@code PUT /api/employees/{id}/preferences {language}}, so mails follow it too); always it sets
 * the cookie the login page reads. Then back to the page it was used on (a path of this site only).
 */
@PageController
public class LanguageController {
  private final LanguagePreferences preferences;
  private final AuditLog audit;

  public LanguageController(LanguagePreferences preferences, AuditLog audit) {
    this.preferences = preferences;
    this.audit = audit;
  }

  @PostMapping("/language")
  String switchLanguage(@RequestParam(required = false) String language, @RequestParam(required = false) String back,
      Principal principal, HttpServletResponse response) {
    String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\")
        && back.length() <= 2000 && back.chars().noneMatch(c -> c < 0x20) ? back : "/";
    if (Languages.parse(language).isEmpty()) {
      return "redirect:" + target;
    }
    if (principal != null) {
      preferences.set(principal.getName(), language);
      audit.append(principal.getName(), "EMPLOYEE_PREFERENCE_SET", null, Map.of("employeeId", principal.getName(), "language", language));
    }
    response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PreferredLocaleResolver.COOKIE, language)
        .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
    return "redirect:" + target;
  }
}
