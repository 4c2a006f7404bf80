package io.perfflow.cs;

import io.perfflow.mail.MailContext;
import io.perfflow.mail.MailContextContributor;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The daily feedback mails: an agent's day ({@code agentId}) or a lead's team tables ({@code leadId}). */
@Component
@Order(30)
class DailyFeedbackMailContext implements MailContextContributor {
  private final DailyFeedback daily;
  private final Organisation organisation;

  DailyFeedbackMailContext(DailyFeedback daily, Organisation organisation) {
    this.daily = daily;
    this.organisation = organisation;
  }

  @Override
  public MailContext contribute(Map<String, Object> variables, Map<String, Object> base) {
    if (!(variables.get("dailyDate") instanceof String date)) {
      return null;
    }
    LocalDate day = LocalDate.parse(date);
    Map<String, Object> context = new HashMap<>(base);
    if (variables.get("agentId") instanceof String agent) {
      var e = organisation.get(agent);
      DailyFeedback.TeamDay team = daily.of(e.team(), day);
      DailyFeedback.AgentDay me = team.agents().stream().filter(a -> a.agentId().equals(agent)).findFirst()
          .orElseThrow(() -> new IllegalStateException("agent " + agent + " had no sessions on " + date));
      context.put("agentName", e.name());
      context.put("receptions", text(me.effectiveReceptions()));
      context.put("receptionsRank", me.receptionsRank());
      context.put("conversion", me.conversionRate() == null ? "-" : text(me.conversionRate()) + " %");
      context.put("conversionRank", me.conversionRank() == null ? "-" : me.conversionRank());
      context.put("teamSize", team.agents().size());
      context.put("score", me.score() == null ? "-" : text(me.score()));
      context.put("teamAverage", team.teamAverageScore() == null ? "-" : text(team.teamAverageScore()));
      context.put("profile", me.profile());
      context.put("weekTop", weekTop(team));
      return new MailContext(null, context, Map.of("dailyDate", date, "agentId", agent));
    }
    if (variables.get("leadId") instanceof String lead) {
      List<String> teams = organisation.all().stream().filter(a -> lead.equals(a.managerId()) && DailyFeedback.AGENT_ROLE.equals(a.role()))
          .map(a -> a.team()).distinct().sorted().toList();
      StringBuilder table = new StringBuilder();
      for (String t : teams) {
        DailyFeedback.TeamDay d = daily.of(t, day);
        table.append("Team ").append(t).append(" (average score ").append(d.teamAverageScore() == null ? "-" : text(d.teamAverageScore()))
            .append(")\n");
        for (DailyFeedback.AgentDay a : d.agents()) {
          table.append("  #").append(a.receptionsRank()).append(' ').append(a.agentId()).append(": receptions ")
              .append(text(a.effectiveReceptions())).append(", conversion ").append(a.conversionRate() == null ? "-" : text(a.conversionRate()) + " %")
              .append(" (#").append(a.conversionRank() == null ? "-" : a.conversionRank()).append("), score ")
              .append(a.score() == null ? "-" : text(a.score())).append('\n');
        }
        table.append(weekTop(d)).append('\n');
      }
      context.put("leadName", organisation.get(lead).name());
      context.put("teamTable", table.toString().strip());
      return new MailContext(null, context, Map.of("dailyDate", date, "leadId", lead));
    }
    return null;
  }

  private static String weekTop(DailyFeedback.TeamDay d) {
    if (d.weekTop().isEmpty()) {
      return "";
    }
    return "Top performers of the week: " + d.weekTop().stream()
        .map(w -> w.get("name") + " (" + text((BigDecimal) w.get("effectiveReceptions")) + " receptions)").collect(Collectors.joining(", "));
  }

  private static String text(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
