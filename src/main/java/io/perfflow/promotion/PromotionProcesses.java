package io.perfflow.promotion;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The promotion family's processes and subject, and what it registers with the generic packages. */
@Configuration(proxyBeanMethods = false)
public class PromotionProcesses {
  public static final String PROMOTION_PROCESS = "promotion";
  public static final String ELIGIBILITY_SCAN = "promotion-eligibility-scan";

  /** Subject type of a promotion (its tasks, mails and audit events). */
  public static final String PROMOTION = "promotion";

  public static Subject promotion(long id) {
    return new Subject(PROMOTION, id);
  }

  @Bean
  SubjectKind promotionSubjectKind() {
    return new SubjectKind(PROMOTION, "promotionId", Set.of(PROMOTION_PROCESS));
  }

  @Bean
  NavLink careerNavLink() {
    return new NavLink(40, "promotion.nav.career", "/career", "career");
  }
}
