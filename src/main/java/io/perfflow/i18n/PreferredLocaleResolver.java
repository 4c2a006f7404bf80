package io.perfflow.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a request is answered in: the logged-in person's profile setting, else the
 * language the switch on the login page chose (cookie {@value #COOKIE}), else the browser's
 * Accept-Language (Chinese or English), else {@code perfflow.i18n.default-language}. Decided once
 * per request.
 */
public class PreferredLocaleResolver implements LocaleResolver {
  public static final String COOKIE = "perfflow-language";
  private static final String ATTRIBUTE = PreferredLocaleResolver.class.getName() + ".locale";

  private final Languages languages;
  private final LanguagePreferences preferences;

  public PreferredLocaleResolver(Languages languages, LanguagePreferences preferences) {
    this.languages = languages;
    this.preferences = preferences;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Locale decided) {
      return decided;
    }
    Locale locale = decide(request);
    request.setAttribute(ATTRIBUTE, locale);
    return locale;
  }

  private Locale decide(HttpServletRequest request) {
    Principal user = request.getUserPrincipal();
    if (user != null) {
      Optional<Locale> chosen = preferences.of(user.getName());
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName())) {
          Optional<Locale> fromCookie = Languages.parse(cookie.getValue());
          if (fromCookie.isPresent()) {
            return fromCookie.get();
          }
        }
      }
    }
    return Languages.fromAcceptLanguage(request.getHeader("Accept-Language")).orElse(languages.defaultLocale());
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }
}
