package io.perfflow.bonus;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The team bonus pool family: process {@code team-bonus-pool}, subject {@code bonus-pool}, and
 * what it registers with the generic packages (the inbox's subject kind here; the mail context
 * {@link BonusMailContext}, the lead's completion check {@link BonusLeadAllocationCheck} and the
 * review's {@code teamBonus} field {@link BonusReviewAddendum} are beans of their own).
 */
@Configuration(proxyBeanMethods = false)
public class BonusProcesses {
  public static final String TEAM_BONUS_POOL = "team-bonus-pool";
  public static final String POOL = "bonus-pool";
  public static final String LEAD_ALLOCATION_TASK = "lead-allocation";
  public static final String HR_APPROVAL_TASK = "approve-bonus-pool";

  public static Subject pool(long id) {
    return new Subject(POOL, id);
  }

  @Bean
  SubjectKind bonusPoolSubjectKind() {
    return new SubjectKind(POOL, "poolId", Set.of(TEAM_BONUS_POOL));
  }
}
