package io.perfflow.access;

import io.perfflow.NotPermittedException;
import io.perfflow.org.Employee;
import io.perfflow.org.Organisation;
import io.perfflow.review.Review;
import io.perfflow.supplier.SupplierDelayCase;
import io.perfflow.tasks.UserTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read a subject. Performance and pay data is confidential by default: it is readable by
 * the person, their manager chain, members of a group that has (or had) a task on it, and HR.
 * Every read in the API and the pages goes through here.
 */
@Component
public class AccessPolicy {
  public static final String HR_GROUP = "hr";
  /** Groups that read every supplier-delay case (besides HR). */
  static final List<String> READ_ALL_CASES = List.of("procurement-managers", "ops-managers");

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final io.perfflow.review.Reviews reviews;
  private final boolean employeesSeeTheirRank;

  public AccessPolicy(
      JdbcClient jdbc, Organisation organisation, io.perfflow.review.Reviews reviews,
      @Value("${perfflow.privacy.employees-see-their-rank:false}") boolean employeesSeeTheirRank) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.reviews = reviews;
    this.employeesSeeTheirRank = employeesSeeTheirRank;
  }

  public boolean isHr(String actor) {
    return actor != null && organisation.isMember(actor, HR_GROUP);
  }

  /** {@code manager} is {@code employee}'s manager, or their manager's manager, and so on. */
  public boolean isInManagerChain(String manager, String employeeId) {
    Set<String> seen = new HashSet<>();
    String current = employeeId;
    while (current != null && seen.add(current)) {
      Optional<Employee> e = organisation.find(current);
      if (e.isEmpty()) {
        return false;
      }
      current = e.get().managerId();
      if (manager.equals(current)) {
        return true;
      }
    }
    return false;
  }

  // --- reviews ------------------------------------------------------------------------------

  public boolean canReadReview(String actor, Review review) {
    // Cheapest checks first: a list of reviews runs this once per review.
    return actor.equals(review.employeeId())
        || actor.equals(review.managerId())
        || isHr(actor)
        || isInManagerChain(actor, review.employeeId())
        || hasTaskOnReview(actor, review.id());
  }

  public Review requireReadable(String actor, Review review) {
    if (!canReadReview(actor, review)) {
      throw new NotPermittedException(io.perfflow.Msg.of("access.error.mayNotReadReview", actor, review.id()));
    }
    return review;
  }

  private boolean hasTaskOnReview(String actor, long reviewId) {
    return jdbc.sql(
                """
                SELECT count(*) FROM user_task t WHERE t.subject_type = 'review' AND t.subject_id = ? AND (t.assignee = ? OR t.completed_by = ? OR
                  t.candidate_groups && coalesce((SELECT array_agg(group_id) FROM group_member WHERE employee_id = ?), '{}'))""")
            .params(reviewId, actor, actor, actor)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * A cycle's rankings as {@code actor} may see them: the lines of the reviews they may read
   * (managers: their reports; HR and approvers: what they decide on). An employee sees their own
   * line; their rank only if the company allows it ({@code perfflow.privacy.employees-see-their-rank}).
   * Teams with no visible line are left out.
   */
  public Map<String, List<Map<String, Object>>> visibleRankings(String actor, long cycleId, Map<String, List<Map<String, Object>>> rankings) {
    Map<Long, Review> byId = new java.util.HashMap<>();
    reviews.list(cycleId, null).forEach(r -> byId.put(r.id(), r));
    boolean hr = isHr(actor);
    Map<String, List<Map<String, Object>>> visible = new TreeMap<>();
    rankings.forEach((team, rows) -> {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        Review r = byId.get(((Number) row.get("reviewId")).longValue());
        if (r == null) {
          continue;
        }
        boolean own = actor.equals(r.employeeId());
        if (hr || (!own && canReadReview(actor, r))) {
          lines.add(row);
        } else if (own) {
          Map<String, Object> mine = new LinkedHashMap<>(row);
          if (!employeesSeeTheirRank) {
            mine.remove("rank");
          }
          lines.add(mine);
        }
      }
      if (!lines.isEmpty()) {
        visible.put(team, lines);
      }
    });
    return visible;
  }

  // --- tasks ----------------------------------------------------------------------------------

  /** Assignee or member of a candidate group: the people a task is offered to. */
  public boolean mayWorkOn(String actor, UserTask task) {
    if (actor.equals(task.assignee())) {
      return true;
    }
    return task.candidateGroups().stream().anyMatch(g -> organisation.isMember(actor, g));
  }

  // --- supplier-delay cases -------------------------------------------------------------------

  /** Procurement managers, operations managers and HR read every case; a buyer reads their own. */
  public boolean readsAllCases(String actor) {
    return isHr(actor) || READ_ALL_CASES.stream().anyMatch(g -> organisation.isMember(actor, g));
  }

  public SupplierDelayCase requireReadable(String actor, SupplierDelayCase c) {
    if (!readsAllCases(actor) && !actor.equals(c.buyerId())) {
      throw new NotPermittedException(io.perfflow.Msg.of("access.error.mayNotReadCase", actor, c.id()));
    }
    return c;
  }

  // --- employees ------------------------------------------------------------------------------

  /** HR reads everyone; others themselves and the people below them in the manager chain. */
  public boolean canReadEmployee(String actor, Employee e) {
    return actor.equals(e.id()) || actor.equals(e.managerId()) || isHr(actor) || isInManagerChain(actor, e.id());
  }
}
