package io.perfflow.promotion;

import io.perfflow.access.SubjectOwner;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A promotion is about its employee; the HR exception, the approvals and the finalisation decide
 * it. Nobody decides their own promotion, nor one they nominated.
 */
@Component
class PromotionOwner implements SubjectOwner {
  static final Set<String> DECIDING_TASKS = Set.of("hr-exception", "approve-promotion", "finalise-promotion");

  private final JdbcClient jdbc;

  PromotionOwner(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String subjectType() {
    return PromotionProcesses.PROMOTION;
  }

  @Override
  public io.perfflow.Localizable noun() {
    return io.perfflow.Msg.of("promotion.noun");
  }

  @Override
  public Set<String> decidingTasks() {
    return DECIDING_TASKS;
  }

  @Override
  public Optional<String> ownerOf(long subjectId) {
    return jdbc.sql("SELECT employee_id FROM promotion WHERE id = ?").param(subjectId).query(String.class).optional();
  }

  @Override
  public Optional<io.perfflow.Msg> conflictOf(long subjectId, String person) {
    return jdbc.sql("SELECT nominated_by FROM promotion WHERE id = ?").param(subjectId).query(String.class).optional()
        .filter(person::equals)
        .map(n -> io.perfflow.Msg.of("promotion.error.nominatorDecides"));
  }
}
