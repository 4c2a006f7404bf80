package io.perfflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.i18n.I18nConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;

/** Texts as keys and arguments: written per language, arguments kept as machine values, every key in the bundles. */
class MsgTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final Pattern KEY = Pattern.compile("Msg\\.of\\(\\s*\"([a-zA-Z0-9_.-]+)\"");
  private static final Pattern ARG = Pattern.compile("\\{\\d");

  @Test
  void aTextIsWrittenInTheLanguageAskedForWithItsArgumentsAsMachineValues() {
    Msg m = Msg.of("errors.period.invalid", "2026-13");
    assertThat(m.english()).isEqualTo("'2026-13' is not a period YYYY-MM (four-digit year, month 01-12)");
    assertThat(m.in(ZH)).isEqualTo("“2026-13”不是有效的期间 YYYY-MM（四位年份，月份 01-12）");
    // numbers are not grouped by the language, nested texts follow it
    Msg nested = Msg.of("source.error.range", Numbers.range(BigDecimal.ZERO, new BigDecimal("10000")), 12345);
    assertThat(nested.english()).isEqualTo("must be between 0 and 10000, got 12345");
    assertThat(nested.in(ZH)).isEqualTo("必须介于 0 和 10000 之间，实际为 12345");
    assertThat(Msg.of("tasks.error.required", Msg.bilingual("Self rating (1-5) / 自评等级（1-5）")).in(ZH)).isEqualTo("自评等级（1-5）为必填项");
    assertThat(Msg.of("tasks.error.required", Msg.bilingual("Self rating (1-5) / 自评等级（1-5）")).english()).isEqualTo("Self rating (1-5) is required");
  }

  @Test
  void anErrorIsEnglishInItsMessageAndInTheRequestsLanguageWhenLocalized() {
    InvalidInputException e = new InvalidInputException("period", Msg.of("errors.period.required"));
    assertThat(e.getMessage()).isEqualTo("period: is required (YYYY-MM)");
    assertThat(e.errors().get(0)).isEqualTo(new InvalidInputException.FieldError("period", "is required (YYYY-MM)"));
    LocaleContextHolder.setLocale(ZH);
    try {
      assertThat(e.getLocalizedMessage()).isEqualTo("period: 为必填项（YYYY-MM）");
      assertThat(e.errors().get(0).message()).isEqualTo("为必填项（YYYY-MM）");
      assertThat(new NotFoundException(Msg.of("tasks.error.noForm", "x")).getLocalizedMessage()).isEqualTo("forms/ 中没有表单“x”");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
    assertThat(e.getLocalizedMessage()).isEqualTo("period: is required (YYYY-MM)");
  }

  /** Every key that main code writes as {@code Msg.of("key", ...)} is in the bundles, with its quotes as MessageFormat reads them. */
  @Test
  void everyKeyTheCodeNamesIsInTheBundlesAndQuotedRight() {
    MessageSource bundles = I18nConfiguration.bundles();
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(keys).hasSizeGreaterThan(50);
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
        String text;
        try {
          text = bundles.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
          problems.add(key + ": not in the bundles");
          continue;
        }
        boolean hasArgs = ARG.matcher(text).find();
        String unquoted = text.replace("''", "").replace("'{'", "").replace("'}'", "");
        if (hasArgs && unquoted.contains("'")) {
          problems.add(key + " (" + locale + "): a single quote in a text with arguments (write '')");
        }
        if (!hasArgs && text.contains("''")) {
          problems.add(key + " (" + locale + "): '' in a text without arguments shows as two quotes");
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
