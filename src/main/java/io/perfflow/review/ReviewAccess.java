package io.perfflow.review;

import io.perfflow.config.SecurityConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read a review: HR, the employee, their manager, and members of a group that was asked
 * to act on it (approvers).
 */
@Component
public class ReviewAccess {
  private final JdbcClient jdbc;

  public ReviewAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean canRead(Authentication auth, Review review) {
    String me = auth.getName();
    if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SecurityConfiguration.HR))
        || me.equals(review.employeeId())
        || me.equals(review.managerId())) {
      return true;
    }
    return jdbc.sql(
                """
                SELECT count(*) FROM user_task t WHERE t.subject_type = 'review' AND t.subject_id = ? AND (t.assignee = ? OR t.candidate_groups &&
                  coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))""")
            .params(review.id(), me, me)
            .query(Long.class)
            .single()
        > 0;
  }
}
