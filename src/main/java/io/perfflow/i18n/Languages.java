package io.perfflow.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The languages PerfFlow speaks: English ({@code en}) and Simplified Chinese ({@code zh-CN}), and
 * the default ({@code perfflow.i18n.default-language}) for whoever has chosen none and sends no
 * browser language (mail, a client without Accept-Language).
 */
@Component
public class Languages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  /** The tags as the API and the database spell them, in the order the UI offers them. */
  public static final List<String> TAGS = List.of("en", "zh-CN");

  private final Locale defaultLocale;

  public Languages(@Value("${perfflow.i18n.default-language:en}") String defaultLanguage) {
    this.defaultLocale = parse(defaultLanguage)
        .orElseThrow(() -> new IllegalArgumentException("perfflow.i18n.default-language: '" + defaultLanguage + "' is not one of " + TAGS));
  }

  public Locale defaultLocale() {
    return defaultLocale;
  }

  /** {@code en} / {@code zh-CN} (exactly, as stored) to its locale; anything else is empty. */
  public static Optional<Locale> parse(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return switch (tag) {
      case "en" -> Optional.of(ENGLISH);
      case "zh-CN" -> Optional.of(CHINESE);
      default -> Optional.empty();
    };
  }

  /** The stored tag of a supported locale: {@code zh-CN} for any Chinese, else {@code en}. */
  public static String tag(Locale locale) {
    return isChinese(locale) ? "zh-CN" : "en";
  }

  public static boolean isChinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }

  /**
   * The supported locale an Accept-Language header asks for first, if any: any {@code zh*}
   * (Simplified is the Chinese PerfFlow has) or any {@code en*}; {@code *} and other languages
   * match nothing, so the default applies.
   */
  public static Optional<Locale> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      String r = range.getRange().toLowerCase(Locale.ROOT);
      if (r.equals("zh") || r.startsWith("zh-")) {
        return Optional.of(CHINESE);
      }
      if (r.equals("en") || r.startsWith("en-")) {
        return Optional.of(ENGLISH);
      }
    }
    return Optional.empty();
  }
}
