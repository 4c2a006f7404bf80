package io.perfflow.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The texts of the UI and the mails: every bundle {@code classpath*:i18n/<feature>.properties}
 * (English) with its {@code <feature>_zh_CN.properties} (Simplified Chinese), found at startup, so
 * a feature adds its own two files and edits no shared bundle. Keys start with the feature's name
 * ({@code review.…}); {@code BundlesTest} checks that no key is in two bundles and that every key
 * has both languages. A key missing in Chinese falls back to English (never to the JVM's locale).
 */
@Configuration(proxyBeanMethods = false)
public class I18nConfiguration {
  public static final String BUNDLES = "classpath*:i18n/*.properties";
  private static final Pattern LOCALE_SUFFIX = Pattern.compile("^(.+?)(_[a-z]{2}(_[A-Z]{2})?)?\\.properties$");

  @Bean
  public MessageSource messageSource(Languages languages) {
    return bundles();
  }

  /**
   * The bundles as one message source, read once (they are in the jar): the application's
   * {@code messageSource} bean, and what {@link io.perfflow.Msg} writes its texts with where no
   * bean is at hand (domain code, unit tests).
   */
  public static MessageSource bundles() {
    return Shared.SOURCE;
  }

  private static final class Shared {
    static final MessageSource SOURCE = newSource();
  }

  private static MessageSource newSource() {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasenames(bundleBasenames().stream().map(name -> "classpath:i18n/" + name).toArray(String[]::new));
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setDefaultLocale(Languages.ENGLISH);
    // -1: read once (the bundles are in the jar)
    source.setCacheSeconds(-1);
    return source;
  }

  @Bean
  public LocaleResolver localeResolver(Languages languages, LanguagePreferences preferences) {
    return new PreferredLocaleResolver(languages, preferences);
  }

  /** The feature names of the bundles on the classpath: {@code review} for review.properties and review_zh_CN.properties. */
  public static Set<String> bundleBasenames() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(BUNDLES)) {
        String file = r.getFilename();
        if (file == null) {
          continue;
        }
        Matcher m = LOCALE_SUFFIX.matcher(file);
        if (m.matches()) {
          names.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
