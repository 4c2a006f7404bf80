package io.perfflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.junit.jupiter.api.Test;

/** PerfFlow's own renderer of the forms in {@code forms/}: the KPI table and what it shows around it. */
class FormRendererTest {
  private final FormRenderer renderer = new FormRenderer();

  private static JsonNode form(String id) throws Exception {
    return new ObjectMapper().readTree(Files.readString(Path.of("forms", id + ".form")));
  }

  private static Map<String, Object> line(String kpi, Object actual, Object target, Object completion, Object score, Object weight) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kpi", kpi);
    m.put("actual", actual);
    m.put("target", target);
    m.put("completion", completion);
    m.put("score", score);
    m.put("weight", weight);
    return m;
  }

  private static Map<String, Object> context() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("employeeId", "owen");
    vars.put("total", "85.5");
    vars.put("adjustment", "2");
    vars.put("finalTotal", "87.5");
    vars.put("rating", "GOOD");
    vars.put("selfRating", 4);
    vars.put("selfComment", "Conversion <b>up</b>");
    vars.put("managerComment", "Strong quarter");
    vars.put("kpiLines", List.of(
        line("Order volume", 1020L, 1200L, 85L, 85L, 30L),
        line("After-sales rate", 5.75, 5L, 85.0, 85.0, 15L),
        line("Customer retention", 0.0001, 20L, null, null, 10L)));
    return vars;
  }

  @Test
  void theApprovalFormShowsTheKpiTableTotalsRatingAndBothAssessments() throws Exception {
    List<FormRenderer.Item> items = renderer.render(form("approval"), Map.of(), Map.of(), context());

    FormRenderer.Item table = items.stream().filter(i -> "table".equals(i.type())).findFirst().orElseThrow();
    assertThat(table.label()).isEqualTo("KPIs");
    assertThat(table.isField()).as("a table is read-only, not submitted").isFalse();
    assertThat(table.table().headers()).containsExactly("Perspective", "KPI", "Actual", "Target", "Completion %", "Score", "Weight %");
    assertThat(table.table().rows()).containsExactly(
        // A KPI without a balanced-scorecard perspective shows none.
        List.of("", "Order volume", "1020", "1200", "85", "85", "30"),
        List.of("", "After-sales rate", "5.75", "5", "85", "85", "15"),
        // Plain numbers (no 1.0E-4), nothing for a value not computed yet.
        List.of("", "Customer retention", "0.0001", "20", "", "", "10"));

    String text = items.stream().filter(i -> "text".equals(i.type())).map(FormRenderer.Item::html).reduce("", String::concat);
    assertThat(text).contains("owen", "85.5", "87.5", "GOOD", "Strong quarter", "Conversion &lt;b&gt;up&lt;/b&gt;");
    assertThat(items).filteredOn(FormRenderer.Item::isField).extracting(FormRenderer.Item::key).containsExactly("decision", "comment");
  }

  @Test
  void theManagerReviewAndSelfAssessmentFormsCarryTheSameTable() throws Exception {
    for (String id : List.of("manager-review", "self-assessment")) {
      List<FormRenderer.Item> items = renderer.render(form(id), Map.of(), Map.of(), context());
      assertThat(items).as(id).filteredOn(i -> "table".equals(i.type())).singleElement()
          .satisfies(t -> assertThat(t.table().rows()).hasSize(3));
    }
  }

  @Test
  void aTableWithoutItsVariableOrWithAnExpressionShowsNoRows() throws Exception {
    Map<String, Object> none = new LinkedHashMap<>(context());
    none.remove("kpiLines");
    FormRenderer.Item empty = renderer.render(form("approval"), Map.of(), Map.of(), none).stream()
        .filter(i -> "table".equals(i.type())).findFirst().orElseThrow();
    assertThat(empty.table().headers()).hasSize(7);
    assertThat(empty.table().rows()).isEmpty();

    JsonNode expression = new ObjectMapper().readTree("""
        {"components": [{"id": "t", "type": "table", "dataSource": "=filter(kpiLines, x)",
          "columns": [{"label": "KPI", "key": "kpi"}]}]}""");
    assertThat(renderer.render(expression, Map.of(), Map.of(), context()).get(0).table().rows()).isEmpty();
  }

  /** Every text component of every form: both halves, English then Chinese after a rule (docs/modeling.md). */
  @Test
  void everyFormTextHasItsEnglishAndItsChineseHalf() throws Exception {
    List<String> missing = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode text : texts(new ObjectMapper().readTree(Files.readString(file)), new java.util.ArrayList<>())) {
          String value = text.path("text").asText("");
          // A text of variables only ("# {{step.title}}") has no words of its own to translate.
          String words = value.replaceAll("\\{\\{[^}]*}}", "").replaceAll("[#*\\s·()\\-]", "");
          int rule = value.lastIndexOf("\n\n---\n");
          boolean bothHalves = rule > 0
              && !io.perfflow.i18n.Bilingual.hasHan(value.substring(0, rule))
              && io.perfflow.i18n.Bilingual.hasHan(value.substring(rule));
          // A heading of a label's form ("# Campaign notice / 活动通知") over variables is bilingual too.
          boolean bilingualLines = value.lines()
              .filter(line -> !line.replaceAll("\\{\\{[^}]*}}", "").isBlank())
              .allMatch(line -> line.contains(" / ") && io.perfflow.i18n.Bilingual.hasHan(line.substring(line.lastIndexOf(" / "))));
          if (!words.isEmpty() && !bothHalves && !bilingualLines) {
            missing.add(file.getFileName() + " " + text.path("id").asText());
          }
        }
      }
    }
    assertThat(missing).as("texts without an English half, a rule and a Chinese half").isEmpty();
  }

  @Test
  void theTaskPageShowsTheHalfOfTheReadersLanguage() throws Exception {
    try {
      LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
      String chinese = texts(renderer.render(form("approval"), Map.of(), Map.of(), context()));
      assertThat(chinese).contains("评审审批", "最终总分", "87.5", "主管评语", "Strong quarter").doesNotContain("Final total", "<hr");
      LocaleContextHolder.setLocale(Locale.ENGLISH);
      String english = texts(renderer.render(form("approval"), Map.of(), Map.of(), context()));
      assertThat(english).contains("Review approval", "Final total", "87.5", "Strong quarter").doesNotContain("最终总分", "<hr");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  private static String texts(List<FormRenderer.Item> items) {
    return items.stream().filter(i -> "text".equals(i.type())).map(FormRenderer.Item::html).reduce("", String::concat);
  }

  private static List<JsonNode> texts(JsonNode node, List<JsonNode> out) {
    for (JsonNode c : node.path("components")) {
      if ("text".equals(c.path("type").asText())) {
        out.add(c);
      }
      texts(c, out);
    }
    return out;
  }
}
