package io.perfflow.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.CompanyTime;
import io.perfflow.mail.Mailer;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every mail template ({@code mail/<feature>/*.txt}) renders in English and in Simplified Chinese
 * from the bundles: every message key it names exists, no placeholder or key is left over, the
 * Chinese mail is Chinese (no English greeting), and formatted values follow the language and the
 * company zone.
 */
class MailTemplatesTest {
  static final MessageSource MESSAGES = new I18nConfiguration().messageSource(new Languages("en"));
  static final Mailer MAILER = new Mailer(null, null, null, "perfflow@example.com", MESSAGES, null, new Languages("en"),
      new CompanyTime("Asia/Shanghai"));

  /** A context that knows every name: "v-<name>" (so every placeholder can be filled). */
  static class Anything extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      return switch (String.valueOf(key)) {
        case "taskCreated", "due", "detectedAt" -> "2026-10-31T16:30:00Z";
        case "dailyDate", "asOf", "effectiveOn", "promisedOn", "nextNominationOn", "from", "to" -> "2026-11-02";
        case "total", "finalTotal" -> "1234.5";
        case "rating", "outcome" -> "EXCELLENT";
        default -> "v-" + key;
      };
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return Set.of();
    }
  }

  static List<String> templates() throws Exception {
    List<String> names = new ArrayList<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:mail/*/*.txt")) {
      names.add(r.getFilename().replace(".txt", ""));
    }
    assertThat(names).hasSizeGreaterThan(20);
    return names;
  }

  @Test
  void everyTemplateInBothLanguages() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String template : templates()) {
      for (Locale locale : List.of(Languages.ENGLISH, Languages.CHINESE)) {
        Mailer.Rendered mail;
        try {
          mail = MAILER.render(template, new Anything(), locale);
        } catch (RuntimeException e) {
          problems.add(template + " " + locale + ": " + e.getMessage());
          continue;
        }
        String all = mail.subject() + "\n" + mail.body();
        if (all.contains("#{") || all.contains("??") || all.contains("{{") || all.contains("|msg") || all.contains("|when")) {
          problems.add(template + " " + locale + ": leftover key or placeholder in " + all);
        }
        if (locale == Languages.CHINESE) {
          if (!all.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            problems.add(template + ": the Chinese mail has no Chinese: " + mail.subject());
          }
          for (String english : List.of("Hello", "Please", "Reminder", "your ", "Your ", " is due", "Approve")) {
            if (all.contains(english)) {
              problems.add(template + ": the Chinese mail still says '" + english + "'");
            }
          }
        } else if (!mail.body().startsWith("Hello") && !mail.body().startsWith("Hello,")) {
          problems.add(template + ": the English mail does not start with Hello: " + mail.body());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void valuesAreFormattedPerLanguageInTheCompanyZone() {
    Mailer.Rendered en = MAILER.render("approval-reminder", new Anything(), Languages.ENGLISH);
    Mailer.Rendered zh = MAILER.render("approval-reminder", new Anything(), Languages.CHINESE);
    // 16:30 UTC on 31 October is 00:30 on 1 November in Shanghai
    assertThat(en.body()).contains("since 2026-11-01 00:30 Asia/Shanghai", "Final score: 1,234.5, rating: EXCELLENT");
    assertThat(zh.body()).contains("2026年11月1日 00:30", "最终得分：1,234.5，评级：优秀");
    assertThat(MAILER.render("promotion-eligible", new Anything(), Languages.CHINESE).subject()).contains("截至 2026年11月2日");
    assertThat(MAILER.render("promotion-eligible", new Anything(), Languages.ENGLISH).subject()).contains("(as of 2026-11-02)");
    // a value the format does not fit is shown as it is
    Map<String, Object> odd = new java.util.HashMap<>(Map.of("taskName", "Self-assessment", "employeeName", "Owen", "period", "2026-10",
        "due", "no due date", "baseUrl", "http://x", "reviewId", 7));
    assertThat(MAILER.render("task-reminder", odd, Languages.ENGLISH).body()).contains("(no due date)");
    assertThat(Instant.parse("2026-10-31T16:30:00Z")).isNotNull();
  }

  /** A part the Java side assembles (io.perfflow.Msg in the mail context) is written in the recipient's language. */
  @Test
  void aTextAssembledInJavaIsWrittenInTheRecipientsLanguage() {
    Map<String, Object> context = new Anything() {
      @Override
      public Object get(Object key) {
        return switch (String.valueOf(key)) {
          case "headline" -> io.perfflow.Msg.of("supplier.mail.headline.late");
          case "atStake" -> io.perfflow.Msg.of("supplier.mail.atStake", "1200.00", 40, "phone cases", "2026-10-01");
          default -> super.get(key);
        };
      }
    };
    Mailer.Rendered zh = MAILER.render("supplier-delay-detected", context, Languages.CHINESE);
    assertThat(zh.body()).contains("您的一张采购单已延期且尚未交货。",
        "价值 1200.00 的货物（40 × phone cases，下单日期 2026-10-01）尚未入库").doesNotContain("is late", "goods worth");
    Mailer.Rendered en = MAILER.render("supplier-delay-detected", context, Languages.ENGLISH);
    assertThat(en.body()).contains("a purchase order of yours is late and has not been delivered.",
        "goods worth 1200.00 (40 x phone cases, ordered on 2026-10-01) are not in stock");
  }

  /** The tables and lines the review, bonus and daily feedback families assemble in Java, in Chinese and in English. */
  @Test
  void theCycleSummaryTeamBonusAndDailyFeedbackTablesAreWrittenInTheRecipientsLanguage() {
    Map<String, Integer> statuses = new java.util.TreeMap<>(Map.of("COMPLETED", 11, "REJECTED", 1));
    Map<String, Object> cycle = new Anything() {
      @Override
      public Object get(Object key) {
        return switch (String.valueOf(key)) {
          case "byStatus" -> io.perfflow.review.ReviewMailContext.format(statuses, "review.status.");
          case "byRating" -> io.perfflow.review.ReviewMailContext.format(Map.of(), "review.rating.");
          case "rankings" -> io.perfflow.Msg.of("review.mail.count", io.perfflow.review.ReviewMailContext.label("review.rating.", "GOOD"), 1);
          default -> super.get(key);
        };
      }
    };
    Mailer.Rendered zh = MAILER.render("cycle-summary", cycle, Languages.CHINESE);
    assertThat(zh.body()).contains("按状态：已完成 11，已驳回 1", "按评级：无", "良好 1").doesNotContain("COMPLETED", "none");
    Mailer.Rendered en = MAILER.render("cycle-summary", cycle, Languages.ENGLISH);
    assertThat(en.body()).contains("By status: COMPLETED 11, REJECTED 1", "By rating: none");

    Map<String, Object> result = new Anything() {
      @Override
      public Object get(Object key) {
        return switch (String.valueOf(key)) {
          case "resultSummary" -> io.perfflow.Msg.of("review.mail.result.and",
              io.perfflow.Msg.of("review.mail.result.rating", io.perfflow.review.ReviewMailContext.label("review.rating.", "GOOD"), "82.5"),
              io.perfflow.Msg.of("review.mail.result.bonus", "1200.00", "10"));
          case "rating" -> io.perfflow.Msg.of("review.mail.notRated");
          default -> super.get(key);
        };
      }
    };
    assertThat(MAILER.render("review-result", result, Languages.CHINESE).body())
        .contains("评级 良好，最终得分 82.5；奖金 1200.00（基本工资的 10%）", "尚未评级");
    assertThat(MAILER.render("review-result", result, Languages.ENGLISH).body())
        .contains("Rating GOOD, final score 82.5; bonus 1200.00 (10% of base pay)", "not yet rated");

    var allocation = new io.perfflow.bonus.BonusPools.Allocation("otto", 7L, new java.math.BigDecimal("88.5"), "GOOD",
        java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, new java.math.BigDecimal("1.2"), new java.math.BigDecimal("500.00"),
        new java.math.BigDecimal("520.00"));
    Map<String, Object> bonus = new Anything() {
      @Override
      public Object get(Object key) {
        return switch (String.valueOf(key)) {
          case "allocationTable" -> io.perfflow.bonus.BonusMailContext.allocationTable(List.of(allocation));
          case "waitingFor" -> io.perfflow.Msg.of("bonus.mail.nobody");
          default -> super.get(key);
        };
      }
    };
    assertThat(MAILER.render("bonus-pool-allocation", bonus, Languages.CHINESE).body())
        .contains("  otto：最终得分 88.5，权重 1.2，应得份额 500.00，负责人调整后 520.00").doesNotContain("final total");
    assertThat(MAILER.render("bonus-pool-allocation", bonus, Languages.ENGLISH).body())
        .contains("  otto: final total 88.5, weight 1.2, share 500.00, after the lead's moves 520.00");

    Map<String, Object> daily = new Anything() {
      @Override
      public Object get(Object key) {
        return switch (String.valueOf(key)) {
          case "teamTable" -> io.perfflow.Msg.of("review.mail.result.and", io.perfflow.Msg.of("cs.mail.teamLine", "cs-a", "71.5"),
              io.perfflow.Msg.of("cs.mail.weekTop", io.perfflow.Msg.of("cs.mail.weekTopEntry", "Carl", "42")));
          default -> super.get(key);
        };
      }
    };
    assertThat(MAILER.render("cs-daily-lead", daily, Languages.CHINESE).body())
        .contains("团队 cs-a（平均得分 71.5）", "本周最佳：Carl（有效接待 42）").doesNotContain("Top performers");
    assertThat(MAILER.render("cs-daily-lead", daily, Languages.ENGLISH).body())
        .contains("Team cs-a (average score 71.5)", "Top performers of the week: Carl (42 receptions)");
    assertThat(io.perfflow.Msg.of("cs.mail.agentLine", 1, "carl", "20", "50 %", 2, "80").in(Languages.CHINESE))
        .isEqualTo("#1 carl：有效接待 20，转化率 50 %（#2），得分 80");
  }
}
