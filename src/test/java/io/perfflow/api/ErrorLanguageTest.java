package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's errors in the person's language (io.perfflow.Msg, ApiErrors): title, detail and each
 * error's message in Chinese for Accept-Language zh-CN or a profile set to zh-CN, in English
 * otherwise; the field and row stay the same machine values in both.
 */
@io.perfflow.support.EmbeddedPerfFlowTest
class ErrorLanguageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired io.perfflow.tasks.TaskInbox inbox;

  record Answer(int status, JsonNode body) {}

  Answer send(String user, String method, String path, String body, String type, String acceptLanguage) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, application/problem+json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + (user.equals("admin") ? "admin" : "demo")).getBytes(StandardCharsets.UTF_8)));
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    if (body != null) {
      b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  @Test
  void aBadFieldIsExplainedInChineseForAChineseBrowserStillNamingTheField() throws Exception {
    String body = "{\"period\":\"2026-13\"}";
    Answer zh = send("admin", "POST", "/api/cycles", body, "application/json", "zh-CN,zh;q=0.9");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asText()).isEqualTo("输入无效");
    assertThat(zh.body().path("detail").asText()).isEqualTo("period: “2026-13”不是有效的期间 YYYY-MM（四位年份，月份 01-12）");
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("period");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).startsWith("“2026-13”不是有效的期间");

    Answer en = send("admin", "POST", "/api/cycles", body, "application/json", "en-US");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("title").asText()).isEqualTo("Invalid input");
    assertThat(en.body().path("detail").asText()).isEqualTo("period: '2026-13' is not a period YYYY-MM (four-digit year, month 01-12)");
    assertThat(en.body().path("errors").get(0).path("field").asText()).isEqualTo("period");

    // a parameter of the wrong type, an unreadable body: the generic answers too
    Answer type = send("admin", "GET", "/api/reviews/not-a-number", null, null, "zh-CN");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.body().path("title").asText()).isEqualTo("参数无效");
    assertThat(type.body().path("errors").get(0).path("field").asText()).isEqualTo("id");
    assertThat(type.body().path("detail").asText()).startsWith("“id”必须是");
    Answer unreadable = send("admin", "POST", "/api/cycles", "{\"period\": [1, 2]}", "application/json", "zh-CN");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body().path("title").asText()).isEqualTo("无法读取请求正文");
    assertThat(unreadable.body().path("detail").asText()).isEqualTo("“period”的值类型或格式不正确");
  }

  @Test
  void aPersonWhoseProfileSaysChineseGetsChineseWhateverTheBrowser() throws Exception {
    Api opal = new Api(rest, "opal", "demo");
    opal.put("/api/employees/opal/preferences", Map.of("language", "zh-CN")).expect(200);
    try {
      for (String browser : new String[] {null, "en-US"}) {
        Answer zh = send("opal", "GET", "/api/me/performance?period=2026-1x", null, null, browser);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body().path("title").asText()).isEqualTo("输入无效");
        assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("period");
        assertThat(zh.body().path("detail").asText()).isEqualTo("period: “2026-1x”不是有效的期间 YYYY-MM（四位年份，月份 01-12）");
      }
    } finally {
      Map<String, Object> clear = new HashMap<>();
      clear.put("language", null);
      opal.put("/api/employees/opal/preferences", clear).expect(200);
    }
    Answer en = send("opal", "GET", "/api/me/performance?period=2026-1x", null, null, null);
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("detail").asText()).isEqualTo("period: '2026-1x' is not a period YYYY-MM (four-digit year, month 01-12)");
  }

  @Test
  void eachBadRowOfASourceImportIsExplainedInChineseWithItsRowAndField() throws Exception {
    String csv = "id,name,marketplace,openedOn\nst-lang-1,S,Wish,2025-13-01\n";
    Answer zh = send("admin", "POST", "/api/source/stores", csv, "text/csv", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asText()).isEqualTo("源数据导入无效");
    assertThat(zh.body().path("detail").asText()).isEqualTo("1 行有误；未导入任何数据");
    JsonNode error = zh.body().path("errors").get(0);
    assertThat(error.path("row").asInt()).isEqualTo(1);
    assertThat(error.path("field").asText()).isEqualTo("openedOn");
    assertThat(error.path("message").asText()).isEqualTo("必须是日期（如 2026-10-01），实际为“2025-13-01”");

    Answer en = send("admin", "POST", "/api/source/stores", csv, "text/csv", null);
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("detail").asText()).isEqualTo("1 bad row(s); nothing was imported");
    assertThat(en.body().path("errors").get(0).path("message").asText()).isEqualTo("must be a date like 2026-10-01, got '2025-13-01'");
  }

  /** A source file that is not one: its header, a JSON value that is no object, JSON that stops, in Chinese; row and field unchanged. */
  @Test
  void aSourceFileThatIsNotOneIsExplainedInChinese() throws Exception {
    Answer header = send("admin", "POST", "/api/source/stores", "id,name,colour,marketplace,openedOn\nst-lang-2,S,red,Wish,2025-12-01\n", "text/csv", "zh-CN");
    assertThat(header.status()).isEqualTo(400);
    JsonNode error = header.body().path("errors").get(0);
    assertThat(error.path("row").asInt()).isEqualTo(0);
    assertThat(error.path("field").asText()).isEqualTo("header");
    assertThat(error.path("message").asText()).startsWith("表头有未知列“colour”").contains("；列应为 id,");
    Answer en = send("admin", "POST", "/api/source/stores", "id,name,colour,marketplace,openedOn\nst-lang-2,S,red,Wish,2025-12-01\n", "text/csv", "en");
    assertThat(en.body().path("errors").get(0).path("message").asText()).startsWith("the header unknown column 'colour'").contains("; the columns are id,");

    Answer notObject = send("admin", "POST", "/api/source/stores", "[1]", "application/json", "zh-CN");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.body().path("errors").get(0).path("row").asInt()).isEqualTo(1);
    assertThat(notObject.body().path("errors").get(0).path("field").asText()).isEqualTo("row");
    assertThat(notObject.body().path("errors").get(0).path("message").asText()).isEqualTo("必须是 JSON 对象，实际为 1");
    Answer broken = send("admin", "POST", "/api/source/stores", "[{\"id\": \"st-lang-3\"", "application/json", "zh-CN");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(broken.body().path("errors").get(0).path("message").asText()).startsWith("第 1 个数据行不是有效的 JSON：");
  }

  /** A people import's row that is not a person, in Chinese; the row field unchanged. */
  @Test
  void aPeopleImportRowThatIsNotAnObjectIsExplainedInChinese() throws Exception {
    Answer zh = send("admin", "POST", "/api/employees/import", "[1]", "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("row 1");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("必须是 JSON 对象");
    Answer cells = send("admin", "POST", "/api/employees/import", "id,name\nlang-x\n", "text/csv", "zh-CN");
    assertThat(cells.status()).isEqualTo(400);
    assertThat(cells.body().path("errors").get(0).path("field").asText()).isEqualTo("row 1");
    assertThat(cells.body().path("errors").get(0).path("message").asText()).isEqualTo("有 1 个单元格；表头有 2 个");
    Answer en = send("admin", "POST", "/api/employees/import", "id,name\nlang-x\n", "text/csv", "en");
    assertThat(en.body().path("errors").get(0).path("message").asText()).isEqualTo("has 1 cells; the header has 2");
  }

  /** The families' domain checks: each in Chinese for a Chinese browser, the field unchanged. */
  @Test
  void aScorecardWhoseWeightsDoNotSumTo100IsExplainedInChinese() throws Exception {
    String body = "{\"kpis\":[{\"code\":\"sales\",\"name\":\"Sales\",\"unit\":\"orders\",\"direction\":\"HIGHER_IS_BETTER\","
        + "\"target\":100,\"weight\":90,\"metric\":\"orders.count\"}]}";
    Answer zh = send("admin", "PUT", "/api/scorecards/lang-ops/profiles/normal", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("kpis[].weight");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("方案 lang-ops/normal 的权重合计为 90%，必须正好合计 100%");
    Answer en = send("admin", "PUT", "/api/scorecards/lang-ops/profiles/normal", body, "application/json", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("errors").get(0).path("message").asText()).isEqualTo("weights of profile lang-ops/normal sum to 90%, they must sum to exactly 100%");
  }

  @Test
  void aCycleForARoleWithoutScorecardIsExplainedInChinese() throws Exception {
    Answer zh = send("admin", "POST", "/api/cycles", "{\"period\":\"2026-05\",\"roles\":[\"astronaut\"]}", "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("roles");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("角色“astronaut”没有计分卡");
    Answer missing = send("admin", "GET", "/api/reviews/987654321", null, null, "zh-CN");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("detail").asText()).isEqualTo("没有 ID 为 987654321 的绩效评审");
  }

  @Test
  void aBadLadderCriterionAndACareerSomeoneMayNotReadAreExplainedInChinese() throws Exception {
    String body = "{\"levels\":[{\"code\":\"two\",\"name\":\"Two\",\"criteria\":[{\"type\":\"METRIC\",\"metric\":\"no.such-metric\",\"atLeast\":1}]}]}";
    Answer zh = send("admin", "PUT", "/api/ladders/lang-ladder", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("levels[0].criteria[0].metric");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("职级“two”，第 1 条标准（METRIC）：没有指标“no.such-metric”");
    Answer en = send("admin", "PUT", "/api/ladders/lang-ladder", body, "application/json", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("errors").get(0).path("message").asText()).isEqualTo("level 'two', criterion 1 (METRIC): no metric 'no.such-metric'");

    Answer career = send("oscar", "GET", "/api/employees/otto/career", null, null, "zh-CN");
    assertThat(career.status()).isEqualTo(403);
    assertThat(career.body().path("detail").asText()).isEqualTo("“oscar”无权查看 otto 的职业发展：只有员工本人、其上级链和 HR 可以查看");
  }

  @Test
  void aBonusPoolForATeamWithoutReviewsAndThePolicyForNonHrAreExplainedInChinese() throws Exception {
    String body = "{\"team\":\"lang-no-team\",\"period\":\"2026-05\",\"amount\":1000,\"currency\":\"EUR\"}";
    Answer zh = send("admin", "POST", "/api/bonus-pools", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("team");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("“lang-no-team”在 2026-05 没有绩效评审：请先启动考核周期");
    Answer policy = send("olivia", "GET", "/api/bonus-pools/policy", null, null, "zh-CN");
    assertThat(policy.status()).isEqualTo(403);
    assertThat(policy.body().path("detail").asText()).isEqualTo("只有 HR 可以查看和修改奖金池规则");
    Answer en = send("olivia", "GET", "/api/bonus-pools/policy", null, null, "en");
    assertThat(en.status()).isEqualTo(403);
    assertThat(en.body().path("detail").asText()).isEqualTo("Only HR reads and changes the bonus pool policy");
  }

  @Test
  void aBadAttendanceRowAndSomeoneElsesPulseAnswersAreExplainedInChinese() throws Exception {
    String csv = "employeeId,day,hoursWorked,leaveDays\notto,2026-05-04,8,2\n";
    Answer zh = send("admin", "POST", "/api/source/attendance", csv, "text/csv", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("row 1.leaveDays");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("必须是 0、0.5 或 1，实际为 2");
    Answer pulse = send("oscar", "GET", "/api/pulse?employeeId=otto", null, null, "zh-CN");
    assertThat(pulse.status()).isEqualTo(403);
    assertThat(pulse.body().path("detail").asText()).isEqualTo("“oscar”只能查看自己的压力调查答复");
  }

  @Test
  void aDailyFeedbackTeamWithoutAgentsAndTheRewardsForOthersAreExplainedInChinese() throws Exception {
    Answer zh = send("admin", "GET", "/api/cs/daily?date=2026-05-04&team=lang-none", null, null, "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("team");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("“lang-none”没有客服人员");
    Answer date = send("admin", "GET", "/api/cs/daily?date=4.5.2026&team=lang-none", null, null, "zh-CN");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.body().path("errors").get(0).path("field").asText()).isEqualTo("date");
    assertThat(date.body().path("errors").get(0).path("message").asText()).isEqualTo("“4.5.2026”不是日期 YYYY-MM-DD");
    Answer rewards = send("olivia", "GET", "/api/cs/recognition-rewards", null, null, "zh-CN");
    assertThat(rewards.status()).isEqualTo(403);
    assertThat(rewards.body().path("detail").asText()).isEqualTo("只有 HR 和客服主管可以查看表彰奖励");
  }

  @Test
  void aBadSupplierDelayStatusAndAMissingCaseAreExplainedInChinese() throws Exception {
    Answer zh = send("admin", "GET", "/api/supplier-delays?status=LATE", null, null, "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("status");
    assertThat(zh.body().path("errors").get(0).path("message").asText())
        .isEqualTo("必须是 OPEN、WAITING_NEW_DATE、RESOLVED、DELIVERED、ACTIVE 或 CLOSED，实际为“LATE”");
    Answer missing = send("admin", "GET", "/api/supplier-delays/987654321", null, null, "zh-CN");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("detail").asText()).isEqualTo("没有供应商延迟个案 987654321");
  }

  @Test
  void aCampaignThatEndsBeforeItStartsAndAMissingCampaignAreExplainedInChinese() throws Exception {
    String body = "{\"name\":\"Lang\",\"from\":\"2031-11-11\",\"to\":\"2031-11-01\",\"role\":\"operations\"}";
    Answer zh = send("admin", "PUT", "/api/campaigns/lang-campaign", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    JsonNode to = null;
    for (JsonNode e : zh.body().path("errors")) {
      if (e.path("field").asText().equals("to")) {
        to = e;
      }
    }
    assertThat(to).isNotNull();
    assertThat(to.path("message").asText()).isEqualTo("结束日期早于开始日期（2031-11-11）");
    Answer missing = send("admin", "GET", "/api/campaigns/lang-no-campaign", null, null, "zh-CN");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("detail").asText()).isEqualTo("没有活动“lang-no-campaign”");
  }

  @Test
  void aBadMetricDefinitionAndAMissingMetricAreExplainedInChinese() throws Exception {
    String body = "{\"name\":\"Lang\",\"unit\":\"%\",\"description\":\"d\",\"datasource\":\"erp\"}";
    Answer zh = send("admin", "PUT", "/api/metrics/lang.metric", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("datasource");
    assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("数据源指定查询在哪里运行；没有查询的指标通过导入获得数值，不需要数据源");
    Answer missing = send("admin", "GET", "/api/metrics/lang.none", null, null, "zh-CN");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("detail").asText()).isEqualTo("没有指标“lang.none”");
  }

  /** The 403 texts that name who may do what. */
  @Test
  void whoMayReadWhatIsExplainedInChinese() throws Exception {
    Answer stats = send("oscar", "GET", "/api/cycles/1/dashboard", null, null, "zh-CN");
    assertThat(stats.status()).isEqualTo(403);
    assertThat(stats.body().path("detail").asText()).isEqualTo("“oscar”无权查看考核周期 1 的统计：仅限 HR");
    Answer employee = send("oscar", "GET", "/api/employees/otto", null, null, "zh-CN");
    assertThat(employee.status()).isEqualTo(403);
    assertThat(employee.body().path("detail").asText()).isEqualTo("“oscar”无权查看员工 otto：只有员工本人、其上级链和 HR 可以查看");
    Answer en = send("oscar", "GET", "/api/employees/otto", null, null, "en");
    assertThat(en.status()).isEqualTo(403);
    assertThat(en.body().path("detail").asText()).isEqualTo("'oscar' may not read employee otto: an employee is readable by themselves, their manager chain and HR");
  }

  @Test
  void anUnknownLanguageAndAnEmployeeChangeNamingNothingAreExplainedInChinese() throws Exception {
    Answer language = send("opal", "PUT", "/api/employees/opal/preferences", "{\"language\":\"fr\"}", "application/json", "zh-CN");
    assertThat(language.status()).isEqualTo(400);
    assertThat(language.body().path("errors").get(0).path("field").asText()).isEqualTo("language");
    assertThat(language.body().path("errors").get(0).path("message").asText()).startsWith("“fr”不是支持的语言：应为 ");
    Answer en = send("opal", "PUT", "/api/employees/opal/preferences", "{\"language\":\"fr\"}", "application/json", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("errors").get(0).path("message").asText()).startsWith("'fr' is not a language: one of ");
  }

  /** A body that is not JSON: where it stopped (line, column, the field being read), Jackson's own text kept as the detail. */
  @Test
  void aBodyThatIsNotJsonIsExplainedInChineseWithItsLineAndField() throws Exception {
    String body = "{\"period\": \"2026-05\",\n  \"roles\": x}";
    Answer zh = send("admin", "POST", "/api/cycles", body, "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asText()).isEqualTo("无法读取请求正文");
    JsonNode error = zh.body().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("roles");
    assertThat(error.path("message").asText()).startsWith("不是有效的 JSON：第 2 行第 ").contains("Unrecognized token 'x'");
    assertThat(zh.body().path("detail").asText()).startsWith("roles: 不是有效的 JSON：第 2 行");
    Answer en = send("admin", "POST", "/api/cycles", body, "application/json", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("title").asText()).isEqualTo("Unreadable request body");
    assertThat(en.body().path("errors").get(0).path("field").asText()).isEqualTo("roles");
    assertThat(en.body().path("errors").get(0).path("message").asText()).startsWith("is not valid JSON at line 2, column ");

    Answer cut = send("admin", "POST", "/api/cycles", "{\"period\": \"2026-05\"", "application/json", "zh-CN");
    assertThat(cut.status()).isEqualTo(400);
    assertThat(cut.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(cut.body().path("errors").get(0).path("message").asText()).startsWith("不是有效的 JSON：第 1 行");
    Answer array = send("admin", "POST", "/api/cycles", "[1]", "application/json", "zh-CN");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(array.body().path("detail").asText()).startsWith("body: 不是此请求所需的 JSON 结构（");
    Answer none = send("admin", "POST", "/api/cycles", "", "application/json", "zh-CN");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(none.body().path("errors").get(0).path("message").asText()).isEqualTo("为必填项：请求没有正文");
  }

  /** The save-time check of a metric query: why in Chinese, the database's own message an argument. */
  @Test
  void aRefusedMetricQueryIsExplainedInChineseWithTheDatabasesMessage() throws Exception {
    Map<String, Object> metric = new HashMap<>(Map.of("name", "Lang", "unit", "n", "description", "d"));
    metric.put("query", "SELECT id AS employee_id, 1 AS value FROM perfflow.employee WHERE id = ANY(:employees)");
    Answer zh = send("admin", "PUT", "/api/metrics/lang.query", JSON.writeValueAsString(metric), "application/json", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("query");
    assertThat(zh.body().path("errors").get(0).path("message").asText())
        .startsWith("未知参数“employees”；指标查询只能使用 :employeeIds, :periodStart, :periodEnd（按 ");
    Answer en = send("admin", "PUT", "/api/metrics/lang.query", JSON.writeValueAsString(metric), "application/json", "en");
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.body().path("errors").get(0).path("message").asText())
        .startsWith("unknown parameter 'employees'; a metric query may use only :employeeIds, :periodStart, :periodEnd (checked for ");

    metric.put("query", "SELECT employee_id,\n  1 AS value FROM lang_no_such_table");
    Answer table = send("admin", "PUT", "/api/metrics/lang.query", JSON.writeValueAsString(metric), "application/json", "zh-CN");
    assertThat(table.status()).isEqualTo(400);
    assertThat(table.body().path("errors").get(0).path("field").asText()).isEqualTo("query");
    assertThat(table.body().path("errors").get(0).path("message").asText())
        .startsWith("数据库报错：").contains("lang_no_such_table", "（第 2 行，“lang_no_such_table”附近）", "（按 ");
    metric.put("query", "SELECT id AS employee_id, 1 AS value FROM perfflow.employee WHERE set_config('role', 'x', true) IS NULL");
    Answer refused = send("admin", "PUT", "/api/metrics/lang.query", JSON.writeValueAsString(metric), "application/json", "zh-CN");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("message").asText()).startsWith("查询调用了 set_config，指标查询不得使用它");
    assertThat(send("admin", "GET", "/api/metrics/lang.query", null, null, "zh-CN").status()).isEqualTo(404);
  }

  /**
   * The manager's adjustment beyond the company's limit (max_manager_adjustment, here 5: narrower
   * than the form's ±10): PerfFlow's completion answers in Chinese naming the field, the task stays open.
   */
  @Test
  void anAdjustmentBeyondTheCompanysLimitIsExplainedInChineseNamingTheField() throws Exception {
    io.perfflow.support.ReviewScenarios s = new io.perfflow.support.ReviewScenarios(rest);
    String employee = s.hire("operations", "olivia");
    s.importMetrics(employee, "2026-03", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-03", employee), employee);
    s.selfAssess(employee, review);
    org.awaitility.Awaitility.await().atMost(io.perfflow.support.ReviewScenarios.PATIENCE)
        .until(() -> s.task(review, "manager-review", null).path("assignee").asText(), "olivia"::equals);
    long key = s.task(review, "manager-review", null).path("key").asLong();
    String body = "{\"variables\":{\"adjustment\":8,\"managerComment\":\"Strong month.\"}}";
    jdbc.sql("INSERT INTO scoring_setting (name, value) VALUES ('max_manager_adjustment', 5) ON CONFLICT (name) DO UPDATE SET value = 5").update();
    try {
      Answer zh = send("olivia", "POST", "/api/tasks/" + key + "/complete", body, "application/json", "zh-CN");
      assertThat(zh.status()).isEqualTo(400);
      assertThat(zh.body().path("title").asText()).isEqualTo("输入无效");
      assertThat(zh.body().path("errors").get(0).path("field").asText()).isEqualTo("adjustment");
      assertThat(zh.body().path("errors").get(0).path("message").asText()).isEqualTo("调整分 8 超出 ±5 分。");
      Answer en = send("olivia", "POST", "/api/tasks/" + key + "/complete", body, "application/json", "en");
      assertThat(en.status()).isEqualTo(400);
      assertThat(en.body().path("errors").get(0).path("field").asText()).isEqualTo("adjustment");
      assertThat(en.body().path("errors").get(0).path("message").asText()).isEqualTo("The adjustment 8 is outside ±5 points.");
      // From Tasklist (camunda mode), the completing listener denies it: Tasklist knows no person's language, so both.
      assertThat(inbox.completionRefusal(key, "olivia", Map.of("adjustment", 8, "managerComment", "Strong month.")))
          .contains("The form's values are not valid: adjustment: The adjustment 8 is outside ±5 points. / 表单的值无效：adjustment: 调整分 8 超出 ±5 分。");
    } finally {
      jdbc.sql("DELETE FROM scoring_setting WHERE name = 'max_manager_adjustment'").update();
    }
    assertThat(s.task(review, "manager-review", null).path("key").asLong()).isEqualTo(key);
    s.managerReview("olivia", review, 2, "Strong month.");
    s.awaitStatus(review, "APPROVAL");
  }
}
