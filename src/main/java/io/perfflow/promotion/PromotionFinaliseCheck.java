package io.perfflow.promotion;

import io.perfflow.InvalidInputException;
import io.perfflow.engine.EngineClock;
import io.perfflow.tasks.TaskCompletionCheck;
import io.perfflow.tasks.UserTask;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The finalise form's check before the task completes: the new base pay lies in the level's pay
 * band (the refusal names the band) and the effective date is from today to a year ahead.
 */
@Component
class PromotionFinaliseCheck implements TaskCompletionCheck {
  private final JdbcClient jdbc;
  private final CareerLadders ladders;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  PromotionFinaliseCheck(JdbcClient jdbc, CareerLadders ladders, EngineClock clock, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.ladders = ladders;
    this.clock = clock;
  }

  @Override
  public void check(UserTask task, Map<String, Object> values) {
    Long id = task.subjectId(PromotionProcesses.PROMOTION);
    if (id == null || !"finalise-promotion".equals(task.elementId())) {
      return;
    }
    String[] trackAndLevel = jdbc.sql("SELECT track, to_level FROM promotion WHERE id = ?").param(id)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(null);
    if (trackAndLevel == null) {
      return;
    }
    Ladder.Level level = ladders.find(trackAndLevel[0]).flatMap(l -> l.level(trackAndLevel[1])).orElse(null);
    if (level == null) {
      throw new InvalidInputException("newBasePay", io.perfflow.Msg.of("promotion.error.levelGone", trackAndLevel[1], trackAndLevel[0]));
    }
    Object pay = values.get("newBasePay");
    Object date = values.get("effectiveDate");
    Promotions.checkFinalisation(level, date == null ? null : LocalDate.parse(date.toString().trim()),
        pay == null ? null : new BigDecimal(pay.toString()), companyTime.today(clock.now()));
  }
}
