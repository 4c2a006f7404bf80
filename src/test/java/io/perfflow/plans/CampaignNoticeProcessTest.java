package io.perfflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cross-department notice (process campaign-notice): operations' campaign states its stores and
 * the expected order uplift; the buyer for those stores is mailed with their stock cover when it is
 * saved and when it starts (the engine clock moves to the first day), acknowledges each notice in
 * their tasks, and both are audited. Saving again supersedes the earlier notice. Each test has a role
 * and a store of its own.
 */
class CampaignNoticeProcessTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  private static Map<String, Object> kpi(String code, String metric) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("code", code);
    k.put("name", code);
    k.put("unit", "orders");
    k.put("direction", "HIGHER_IS_BETTER");
    k.put("target", 100);
    k.put("weight", 100);
    k.put("metric", metric);
    return k;
  }

  private record Setup(String role, String store, String buyer) {}

  /** A role with a scorecard, a store, its buyer (a PerfFlow employee) and the buyer's inventory of {@code month}. */
  private Setup setup(ReviewScenarios s, YearMonth month) {
    String role = "ntc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    s.hr().put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi("order-volume", "orders.count")))).expect(200);
    String store = "S-NTC-" + Long.toString(System.nanoTime(), 36);
    jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES (?, ?, 'Wish', '2024-01-01')").params(store, store).update();
    String buyer = s.hire("procurement", "olivia");
    s.hr().post("/api/source/store-buyers", List.of(Map.of("storeId", store, "buyerId", buyer))).expect(200);
    // COGS of the month a day: 1,000 (x days of the month); average stock 20,000: 20 days of cover.
    long cogs = 1000L * month.lengthOfMonth();
    s.hr().post("/api/source/inventory", List.of(Map.of("buyerId", buyer, "period", month.toString(), "cogs", cogs, "avgInventoryValue", 20000)))
        .expect(200);
    return new Setup(role, store, buyer);
  }

  private static Map<String, Object> campaign(Setup x, LocalDate from, int uplift) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "Double 11");
    c.put("from", from.toString());
    c.put("to", from.plusDays(10).toString());
    c.put("role", x.role());
    c.put("planTemplate", List.of());
    c.put("stores", List.of(x.store()));
    c.put("expectedUplift", uplift);
    return c;
  }

  private JsonNode awaitTask(String user, String elementId) {
    return await().atMost(ReviewScenarios.PATIENCE).until(
        () -> {
          List<JsonNode> found = new ArrayList<>();
          as(user).get("/api/tasks").expect(200).body().forEach(t -> {
            if (t.path("elementId").asText().equals(elementId)) found.add(t);
          });
          return found;
        },
        l -> l.size() == 1).get(0);
  }

  /** PerfFlow's task page for {@code user}: the form campaign-notice with the notice's text. */
  private String taskPage(String user, long key) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
    var page = http.withBasicAuth(user, "demo").exchange("/tasks/" + key, org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  private List<JsonNode> notices(String code) {
    List<JsonNode> out = new ArrayList<>();
    scenarios().hr().get("/api/campaigns/" + code + "/notices").expect(200).body().forEach(out::add);
    return out;
  }

  private List<String> auditActions(String actionPrefix, long noticeId) {
    return jdbc.sql("SELECT action FROM audit_event WHERE action LIKE ? AND subject_type = 'campaign-notice' AND subject_id = ? ORDER BY id")
        .params(actionPrefix + "%", noticeId).query(String.class).list();
  }

  @Test
  void theBuyerIsToldWhenTheCampaignIsSavedAndWhenItStartsAndAcknowledgesBoth() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    LocalDate today = p.today();
    Setup x = setup(s, YearMonth.from(today));
    String code = "d11-" + x.role();
    LocalDate from = today.plusDays(3);
    JsonNode saved = s.hr().put("/api/campaigns/" + code, campaign(x, from, 25)).expect(200).body();
    assertThat(saved.path("stores").get(0).asText()).isEqualTo(x.store());
    assertThat(saved.path("expectedUplift").decimalValue()).isEqualByComparingTo("25");

    // Saved: a mail with the stock cover (20 days; at +25 % demand 16) and a task to acknowledge.
    JsonNode mail = s.awaitMail(x.buyer() + "@perfflow.example", "Campaign Double 11 is planned");
    assertThat(mail.path("subject").asText()).contains("+25 % orders expected in " + x.store());
    assertThat(mail.path("body").asText()).contains("20.0 days of stock at the usual demand", "16.0 days at the expected demand (+25 %)");
    JsonNode task = awaitTask(x.buyer(), "acknowledge-saved-notice");
    JsonNode notice = notices(code).get(0);
    assertThat(notice.path("phase").asText()).isEqualTo("SAVED");
    assertThat(notice.path("status").asText()).isEqualTo("SENT");
    assertThat(notice.path("stockCover").path("days").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(notice.path("stockCover").path("daysWithUplift").decimalValue()).isEqualByComparingTo("16.0");
    long savedNotice = notice.path("id").asLong();
    assertThat(task.path("noticeId").asLong()).isEqualTo(savedNotice);
    // The task's text (form campaign-notice) says the same, in the buyer's language.
    assertThat(taskPage(x.buyer(), task.path("key").asLong())).contains("Double 11 (" + code + ")", ", planned",
        "Inventory " + YearMonth.from(today), "20.0 days of stock at the usual demand", "16.0 days at the expected demand (+25 %)",
        "Completing this task acknowledges the notice").doesNotContain("完成此任务");
    // Only HR and the buyer read the notices; nobody else acknowledges for the buyer.
    assertThat(as("oscar").get("/api/campaigns/" + code + "/notices").expect(200).body()).isEmpty();
    assertThat(as(x.buyer()).get("/api/campaigns/" + code + "/notices").expect(200).body()).hasSize(1);
    as("oscar").post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", Map.of())).expect(403);

    as(x.buyer()).post("/api/tasks/" + task.path("key").asLong() + "/complete",
        Map.of("variables", Map.of("buyerComment", "Reordering the hero products by Friday"))).expect(204);
    JsonNode acknowledged = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> notices(code).get(0), n -> n.path("status").asText().equals("ACKNOWLEDGED"));
    assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo(x.buyer());
    assertThat(acknowledged.path("buyerComment").asText()).isEqualTo("Reordering the hero products by Friday");
    assertThat(auditActions("CAMPAIGN_NOTICE", savedNotice)).containsExactly("CAMPAIGN_NOTICE_SENT", "CAMPAIGN_NOTICE_ACKNOWLEDGED");

    // The first day of the campaign (engine time): the start notice, with the cover of that day.
    p.advance(Duration.between(p.engineNow(), from.atStartOfDay(PlanTestSupport.ZONE).toInstant().plusSeconds(300)));
    s.awaitMail(x.buyer() + "@perfflow.example", "Campaign Double 11 starts today");
    JsonNode startTask = awaitTask(x.buyer(), "acknowledge-start-notice");
    as(x.buyer()).post("/api/tasks/" + startTask.path("key").asLong() + "/complete", Map.of("variables", Map.of())).expect(204);
    await().atMost(ReviewScenarios.PATIENCE).until(
        () -> notices(code).stream().filter(n -> n.path("phase").asText().equals("STARTED")).toList(),
        l -> l.size() == 1 && l.get(0).path("status").asText().equals("ACKNOWLEDGED"));
    // One mail per notice, however often the jobs ran.
    assertThat(s.mailTo(x.buyer() + "@perfflow.example")).filteredOn(m -> m.path("subject").asText().contains("Double 11")).hasSize(2);
  }

  @Test
  void aCampaignSavedWhenItHasStartedIsNoticedOnceAndSaysSo() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    LocalDate today = p.today();
    Setup x = setup(s, YearMonth.from(today));
    String code = "late-" + x.role();
    s.hr().put("/api/campaigns/" + code, campaign(x, today.minusDays(2), 25)).expect(200);
    s.awaitMail(x.buyer() + "@perfflow.example", "Campaign Double 11 has started: +25 % orders expected in " + x.store());
    JsonNode task = awaitTask(x.buyer(), "acknowledge-saved-notice");
    assertThat(taskPage(x.buyer(), task.path("key").asLong())).contains("Double 11 (" + code + ")", ", has already started")
        .doesNotContain(", planned");
    assertThat(notices(code)).extracting(n -> n.path("phase").asText()).containsExactly("SAVED");
  }

  @Test
  void savingAgainSupersedesTheOpenNoticeAndBadInputIsA400() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    LocalDate today = p.today();
    Setup x = setup(s, YearMonth.from(today));
    String code = "p618-" + x.role();
    LocalDate from = today.plusDays(40);
    s.hr().put("/api/campaigns/" + code, campaign(x, from, 40)).expect(200);
    JsonNode first = awaitTask(x.buyer(), "acknowledge-saved-notice");

    // Raised to +60 %: the first notice's task goes away, a new notice (revision 2) asks again, now
    // in Chinese, the language the buyer chose meanwhile (mail and task text).
    as(x.buyer()).put("/api/employees/" + x.buyer() + "/preferences", Map.of("language", "zh-CN")).expect(200);
    JsonNode again = s.hr().put("/api/campaigns/" + code, campaign(x, from, 60)).expect(200).body();
    assertThat(again.path("revision").asInt()).isEqualTo(2);
    s.awaitMail(x.buyer() + "@perfflow.example", "订单增加 60%");
    JsonNode second = await().atMost(ReviewScenarios.PATIENCE).until(() -> {
      List<JsonNode> open = new ArrayList<>();
      as(x.buyer()).get("/api/tasks").expect(200).body().forEach(t -> {
        if (t.path("elementId").asText().equals("acknowledge-saved-notice")) open.add(t);
      });
      return open.size() == 1 && open.get(0).path("key").asLong() != first.path("key").asLong() ? open.get(0) : null;
    }, java.util.Objects::nonNull);
    assertThat(taskPage(x.buyer(), second.path("key").asLong())).contains("Double 11（" + code + "）", "已计划", "订单 +60%",
        "按平时需求 20.0 天", "完成此任务即确认本通知").doesNotContain("Completing this task");
    List<JsonNode> all = notices(code);
    assertThat(all).extracting(n -> n.path("revision").asInt() + ":" + n.path("status").asText())
        .containsExactlyInAnyOrder("2:SENT", "1:SUPERSEDED");

    // Bad input: 400 naming the field, nothing written.
    record Bad(String what, Map<String, Object> body, String field) {}
    Map<String, Object> unknownStore = campaign(x, from, 10);
    unknownStore.put("stores", List.of("S-NO-SUCH-STORE"));
    Map<String, Object> noUplift = campaign(x, from, 10);
    noUplift.remove("expectedUplift");
    Map<String, Object> upliftNoStores = campaign(x, from, 10);
    upliftNoStores.remove("stores");
    Map<String, Object> hugeUplift = campaign(x, from, 5000);
    Map<String, Object> twice = campaign(x, from, 10);
    twice.put("stores", List.of(x.store(), x.store()));
    List<String> failures = new ArrayList<>();
    for (Bad b : List.of(
        new Bad("unknown store", unknownStore, "stores[0]"),
        new Bad("stores without uplift", noUplift, "expectedUplift"),
        new Bad("uplift without stores", upliftNoStores, "stores"),
        new Bad("uplift above 1000 %", hugeUplift, "expectedUplift"),
        new Bad("a store twice", twice, "stores[1]"))) {
      Api.Response r = s.hr().put("/api/campaigns/" + code, b.body());
      List<String> fields = new ArrayList<>();
      r.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      if (r.status() != 400 || !fields.contains(b.field())) {
        failures.add(b.what() + ": expected 400 naming " + b.field() + ", got " + r.status() + " " + r.body());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(s.hr().get("/api/campaigns/" + code).expect(200).body().path("revision").asInt()).isEqualTo(2);
    as("oscar").get("/api/campaigns/no-such-campaign/notices").expect(404);
  }
}
