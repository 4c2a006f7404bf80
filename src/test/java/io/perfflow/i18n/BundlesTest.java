package io.perfflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles ({@code i18n/<feature>.properties} and {@code <feature>_zh_CN.properties}):
 * every key in both languages, no key in two features' bundles, keys named after their feature,
 * the same {0} arguments in both texts, and Chinese texts that are Chinese.
 */
class BundlesTest {
  private static final Pattern ARG = Pattern.compile("\\{(\\d+)[^}]*}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.|:]+)\\s*}}");

  static Properties load(String feature, String suffix) throws Exception {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/" + feature + suffix + ".properties");
    Properties p = new Properties();
    if (found.length > 0) {
      try (var in = new InputStreamReader(found[0].getInputStream(), StandardCharsets.UTF_8)) {
        p.load(in);
      }
    }
    return p;
  }

  @Test
  void everyKeyHasBothLanguagesAndBelongsToOneFeature() throws Exception {
    Set<String> features = I18nConfiguration.bundleBasenames();
    assertThat(features).contains("web");
    List<String> problems = new ArrayList<>();
    Map<String, String> owner = new HashMap<>();
    for (String feature : features) {
      Properties en = load(feature, "");
      Properties zh = load(feature, "_zh_CN");
      if (en.isEmpty()) {
        problems.add(feature + ": no English bundle i18n/" + feature + ".properties");
      }
      for (String key : en.stringPropertyNames()) {
        if (!zh.containsKey(key)) {
          problems.add(feature + "_zh_CN: missing " + key);
        }
        if (!key.startsWith(feature + ".")) {
          problems.add(feature + ": key " + key + " does not start with '" + feature + ".'");
        }
        String before = owner.put(key, feature);
        if (before != null && !before.equals(feature)) {
          problems.add(key + " is in " + before + " and " + feature);
        }
        String zhText = zh.getProperty(key);
        if (zhText != null) {
          if (!args(en.getProperty(key)).equals(args(zhText))) {
            problems.add(key + ": arguments " + args(en.getProperty(key)) + " in English, " + args(zhText) + " in Chinese");
          }
          if (!placeholders(en.getProperty(key)).equals(placeholders(zhText))) {
            problems.add(key + ": mail placeholders " + placeholders(en.getProperty(key)) + " in English, " + placeholders(zhText) + " in Chinese");
          }
        }
      }
      for (String key : zh.stringPropertyNames()) {
        if (!en.containsKey(key)) {
          problems.add(feature + ": " + key + " is only in Chinese");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static Set<String> args(String text) {
    Set<String> out = new java.util.TreeSet<>();
    Matcher m = ARG.matcher(text.replaceAll("\\{\\{[^}]*}}", ""));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new java.util.TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
