package io.perfflow.review;

import io.perfflow.audit.Subject;
import io.perfflow.engine.DeploymentProbe;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review family's processes and subjects, and what it registers with the generic packages
 * (the inbox's subject kind, the navigation links and the deployment probe; its task lifecycle, mail context and restart recovery are the
 * beans {@link ReviewTaskLifecycle}, {@link ReviewMailContext}, {@link ReviewRestartRecovery}).
 */
@Configuration(proxyBeanMethods = false)
public class ReviewProcesses {
  public static final String REVIEW_CYCLE = "review-cycle";
  public static final String PERFORMANCE_REVIEW = "performance-review";

  /** Subject types: a review (tasks, mails and events of one review) and a cycle (the cycle's own). */
  public static final String REVIEW = "review";
  public static final String CYCLE = "cycle";

  public static Subject review(long reviewId) {
    return new Subject(REVIEW, reviewId);
  }

  public static Subject cycle(long cycleId) {
    return new Subject(CYCLE, cycleId);
  }

  /** The deployment health evaluates the rating decision (review-rating.dmn). */
  @Bean
  DeploymentProbe ratingDecisionProbe() {
    return new DeploymentProbe("review-rating", Map.of("total", 100));
  }

  @Bean
  NavLink reviewsNavLink() {
    return new NavLink(10, "review.nav.reviews", "/reviews", "reviews");
  }

  @Bean
  NavLink cyclesNavLink() {
    return new NavLink(20, "review.nav.cycles", "/cycles", "cycles");
  }

  @Bean
  SubjectKind reviewSubjectKind() {
    return new SubjectKind(REVIEW, "reviewId", Set.of(PERFORMANCE_REVIEW));
  }
}
