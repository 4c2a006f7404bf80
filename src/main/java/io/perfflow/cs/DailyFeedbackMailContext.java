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
      // written in each recipient's language by the Mailer (io.perfflow.Msg)
      List<io.perfflow.Localizable> lines = new java.util.ArrayList<>();
      for (String t : teams) {
        DailyFeedback.TeamDay d = daily.of(t, day);
        lines.add(io.perfflow.Msg.of("cs.mail.teamLine", t, d.teamAverageScore() == null ? "-" : text(d.teamAverageScore())));
        for (DailyFeedback.AgentDay a : d.agents()) {
          io.perfflow.Msg line = io.perfflow.Msg.of("cs.mail.agentLine", a.receptionsRank(), a.agentId(), text(a.effectiveReceptions()),
              a.conversionRate() == null ? "-" : text(a.conversionRate()) + " %", a.conversionRank() == null ? "-" : a.conversionRank(),
              a.score() == null ? "-" : text(a.score()));
          lines.add(locale -> "  " + line.in(locale));
        }
        lines.add(weekTop(d));
      }
      io.perfflow.Localizable table = locale -> lines.stream().map(l -> l.in(locale)).collect(Collectors.joining("\n")).strip();
      context.put("leadName", organisation.get(lead).name());
      context.put("teamTable", table);
      return new MailContext(null, context, Map.of("dailyDate", date, "leadId", lead));
    }
    return null;
  }

  private static io.perfflow.Localizable weekTop(DailyFeedback.TeamDay d) {
    if (d.weekTop().isEmpty()) {
      return io.perfflow.Msg.verbatim("");
    }
    List<io.perfflow.Msg> top = d.weekTop().stream()
        .map(w -> io.perfflow.Msg.of("cs.mail.weekTopEntry", w.get("name"), text((BigDecimal) w.get("effectiveReceptions")))).toList();
    io.perfflow.Localizable names = locale -> top.stream().map(m -> m.in(locale)).collect(Collectors.joining(io.perfflow.Msg.of("cs.mail.separator").in(locale)));
    return io.perfflow.Msg.of("cs.mail.weekTop", names);
  }

  private static String text(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
