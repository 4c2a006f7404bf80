package io.perfflow.cs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily feedback, as its story goes: a team of three agents works a day on a shared store;
 * one of them opts out of the mail. At 18:00 company time (the engine clock is moved there) each
 * other agent gets their receptions and conversion with their ranks (a tie shares rank 1), the
 * lead gets the team table, recognitions are recorded for all three, the day is made the week's
 * last working day in the calendar (data) so the week's top performers are named, and
 * {@code GET /api/cs/daily} shows the same numbers.
 */
// Its own application context, so its own engine and engine clock: other tests move the shared
// clock by weeks, and a daily timer cycle then works off every missed day one trigger at a time
// (Zeebe reschedules a cycle from its last due date), so the shared context's 18:00 may be minutes
// of catching up away. Here the timer is deployed for the next 18:00 after the real now.
@org.springframework.test.context.TestPropertySource(properties = "perfflow.test.context=daily-feedback")
class DailyFeedbackProcessTest extends PerfFlowIntegrationTest {
  static final ZoneId COMPANY = ZoneId.of("Asia/Shanghai");

  @Autowired JdbcClient jdbc;
  private final List<LocalDate> calendarDays = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void usualCalendarAgain() {
    calendarDays.forEach(d -> jdbc.sql("DELETE FROM perfflow.cs_calendar_day WHERE day = ? AND note = 'DailyFeedbackProcessTest'").param(d).update());
  }

  private String employee(ReviewScenarios s, String prefix, String role, String team, String manager, String store, List<String> groups) {
    String id = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Daily " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", role);
    body.put("team", team);
    body.put("managerId", manager);
    body.put("storeId", store);
    body.put("hiredOn", "2024-01-01");
    body.put("level", "agent");
    body.put("basePay", 5000);
    body.put("groups", groups);
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    return id;
  }

  private static JsonNode agent(JsonNode day, String id) {
    for (JsonNode a : day.path("agents")) {
      if (a.path("agentId").asText().equals(id)) return a;
    }
    throw new AssertionError("no " + id + " in " + day);
  }

  @Test
  void atSixEachAgentLearnsTheirDayTheLeadTheTeamsAndTheBestAreRecognised() {
    ReviewScenarios s = scenarios();
    long n = System.nanoTime();
    String team = "cs-daily-" + Long.toString(n % 1_000_000_000L, 36);
    String store = "S-D13-" + Long.toString(n % 1_000_000_000L, 36);
    jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES (?, 'Daily store', 'JD', '2025-01-01', true)")
        .param(store).update();
    jdbc.sql("INSERT INTO perfflow.store (id, name, marketplace, opened_on) VALUES (?, 'Daily store', 'JD', '2025-01-01')").param(store).update();
    String lead = employee(s, "dl", "customer-service-lead", team, "cora", null, List.of("cs-leads"));
    String a = employee(s, "da", "customer-service", team, lead, store, List.of());
    String b = employee(s, "db", "customer-service", team, lead, store, List.of());
    String c = employee(s, "dc", "customer-service", team, lead, store, List.of());

    // The day the next 18:00 (company time) after the engine's now belongs to.
    Instant now = Instant.parse(as("admin").get("/api/dev/clock").expect(200).body().path("engineTime").asText());
    ZonedDateTime local = now.atZone(COMPANY);
    ZonedDateTime six = local.toLocalDate().atTime(18, 0).atZone(COMPANY);
    if (!six.isAfter(local)) six = six.plusDays(1);
    LocalDate day = six.toLocalDate();
    // The working calendar is data: whatever weekday this is, make it the week's last working day
    // (it works, the rest of its week does not), so the week's top performers are named today.
    for (LocalDate d = day; d.equals(day) || d.getDayOfWeek() != java.time.DayOfWeek.MONDAY; d = d.plusDays(1)) {
      jdbc.sql("""
          INSERT INTO perfflow.cs_calendar_day (day, working, note) VALUES (?, ?, 'DailyFeedbackProcessTest')
          ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, note = EXCLUDED.note""").params(d, d.equals(day)).update();
      calendarDays.add(d);
    }
    jdbc.sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES
          (?, ?, ?::date + time '08:00', ?::date + time '10:00'),
          (?, ?, ?::date + time '10:00', ?::date + time '12:00'),
          (?, ?, ?::date + time '12:00', ?::date + time '13:00')""")
        .params(a, store, day, day, b, store, day, day, c, store, day, day).update();
    long id = 7_000_000_000L + (n % 1_000_000L) * 100;
    // a: X, Y, Z (Z converted) and X again (a repeat enquiry: still 3 receptions); b: U, V, W (two converted); c: Q converted
    Object[][] sessions = {
        {a, "X", "08:10", false}, {a, "Y", "08:20", false}, {a, "Z", "08:30", true}, {a, "X", "09:30", false},
        {b, "U", "10:10", true}, {b, "V", "10:20", true}, {b, "W", "10:30", false},
        {c, "Q", "12:10", true}};
    for (Object[] row : sessions) {
      jdbc.sql("""
          INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted, satisfaction, repeat_purchase)
          VALUES (?, ?, ?, ?::date + ?::time, 20, ?, 5, false)""")
          .params(id++, store, row[1], day, row[2], row[3]).update();
    }

    // c opts out of the mail; only c and HR may say so
    as("oscar").put("/api/employees/" + c + "/preferences", Map.of("dailyFeedback", false)).expect(403);
    as(c).put("/api/employees/" + c + "/preferences", Map.of()).expect(400);
    assertThat(as(c).put("/api/employees/" + c + "/preferences", Map.of("dailyFeedback", false)).expect(200).body()
        .path("dailyFeedback").asBoolean()).isFalse();

    // the numbers, before the mail: HR and cs-leads only
    String path = "/api/cs/daily?date=" + day + "&team=" + team;
    as("oscar").get(path).expect(403);
    as(a).get(path).expect(403);
    JsonNode numbers = as("cora").get(path).expect(200).body();
    assertThat(numbers.path("agents")).hasSize(3);
    assertThat(agent(numbers, a).path("effectiveReceptions").decimalValue()).isEqualByComparingTo("3");
    assertThat(agent(numbers, a).path("receptionsRank").asInt()).isEqualTo(1);
    assertThat(agent(numbers, b).path("receptionsRank").asInt()).isEqualTo(1); // a tie
    assertThat(agent(numbers, c).path("receptionsRank").asInt()).isEqualTo(3);
    assertThat(agent(numbers, c).path("conversionRank").asInt()).isEqualTo(1); // 1 of 1
    assertThat(agent(numbers, b).path("conversionRank").asInt()).isEqualTo(2); // 2 of 3
    assertThat(agent(numbers, a).path("conversionRank").asInt()).isEqualTo(3); // 1 of 3
    assertThat(agent(numbers, a).path("conversionRate").decimalValue()).isEqualByComparingTo("33.3333");
    assertThat(agent(numbers, c).path("dailyFeedbackMail").asBoolean()).isFalse();
    assertThat(numbers.path("teamAverageScore").isNumber()).isTrue();
    assertThat(numbers.path("weekTop")).as("a and b, 3 receptions each this week").hasSize(2);
    as("admin").get("/api/cs/daily?date=2026-02-30&team=" + team).expect(400);
    as("admin").get("/api/cs/daily?date=" + day + "&team=no-such-team").expect(400);

    // 18:00 company time
    s.advanceClock(Duration.between(now, six.toInstant()).plusMinutes(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    JsonNode leadMail = s.awaitMail(lead + "@perfflow.example", "Your team's day " + day);
    assertThat(leadMail.path("body").asText()).contains(a).contains(b).contains(c).contains("#1 " + a).contains("#3 " + c);
    JsonNode mailA = s.awaitMail(a + "@perfflow.example", "Your day " + day);
    assertThat(mailA.path("subject").asText()).contains("3 receptions, #1 of 3");
    assertThat(mailA.path("body").asText()).contains("33.3333 %").contains("rank 3");
    // today's score with the agent's profile against the team average: the numbers of GET /api/cs/daily
    JsonNode dayOfA = agent(numbers, a);
    assertThat(mailA.path("body").asText())
        .contains("today's score         " + dayOfA.path("score").decimalValue().stripTrailingZeros().toPlainString())
        .contains("profile " + dayOfA.path("profile").asText())
        .contains("team average " + numbers.path("teamAverageScore").decimalValue().stripTrailingZeros().toPlainString());
    assertThat(s.awaitMail(b + "@perfflow.example", "Your day " + day).path("subject").asText()).contains("#1 of 3");
    // the lead's mail is sent after the agents': c, who opted out, got none
    assertThat(s.mailTo(c + "@perfflow.example")).noneMatch(m -> m.path("subject").asText().contains("Your day"));

    // recognitions: both top receivers, and c for conversion (the numbers stay after opting out)
    List<String> labelsA = labels(as(a).get("/api/employees/" + a + "/recognitions").expect(200).body());
    // the last working day of the week: a and b (3 receptions each this week) are its top performers
    assertThat(labelsA).containsExactlyInAnyOrder("effective receptions #1 on " + day, "top performer of the week ending " + day);
    assertThat(mailA.path("body").asText()).contains("Top performers of the week");
    assertThat(labels(as("admin").get("/api/employees/" + b + "/recognitions").expect(200).body()))
        .contains("effective receptions #1 on " + day);
    JsonNode ofC = as(c).get("/api/employees/" + c + "/recognitions").expect(200).body();
    assertThat(labels(ofC)).contains("conversion #1 on " + day);
    assertThat(ofC.get(0).path("reward").asText()).isNotBlank();
    as("oscar").get("/api/employees/" + c + "/recognitions").expect(403);

    // the day was claimed once: one mail per agent, one run recorded
    assertThat(s.mailTo(a + "@perfflow.example").stream().filter(m -> m.path("subject").asText().contains("Your day " + day))).hasSize(1);
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.cs_daily_run WHERE day = ?").param(day).query(Long.class).single()).isEqualTo(1);
  }

  private static List<String> labels(JsonNode recognitions) {
    List<String> out = new ArrayList<>();
    recognitions.forEach(r -> out.add(r.path("label").asText()));
    return out;
  }
}
