package io.perfflow.access;

import io.perfflow.Msg;
import io.perfflow.NotPermittedException;
import io.perfflow.tasks.TaskGuard;
import io.perfflow.tasks.UserTask;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may complete a task or be given one. One rule for both runtimes: the API checks it before
 * it sends a command (embedded mode: the API is the only way in), and in camunda mode the
 * {@code completing} and {@code assigning} task listeners check it again and deny what it
 * refuses, because Tasklist and the cluster's REST API bypass PerfFlow's API.
 *
 * <p>The rules: a task is completed by its assignee or a member of one of its candidate groups;
 * nobody completes, claims or is given a task that decides about their own review, promotion or
 * case: which tasks decide, and about whom, each process family says in its {@link SubjectOwner}.
 */
@Component
public class TaskRules implements TaskGuard {
  private final AccessPolicy access;
  private final List<SubjectOwner> owners;

  public TaskRules(AccessPolicy access, List<SubjectOwner> owners) {
    this.access = access;
    this.owners = List.copyOf(owners);
  }

  /** Why {@code actor} may not complete {@code task}, or empty when they may. */
  @Override
  public Optional<Msg> completionRefusal(UserTask task, String actor) {
    if (actor == null || actor.isBlank()) {
      return Optional.of(Msg.of("access.error.whoCompletes", task.key(), task.name()));
    }
    Optional<Msg> own = ownDecision(task, actor);
    if (own.isPresent()) {
      return own;
    }
    if (!access.mayWorkOn(actor, task)) {
      return Optional.of(Msg.of("access.error.mayNotComplete", actor, task.key(), task.name(), forWhom(task)));
    }
    return Optional.empty();
  }

  /** Why {@code assignee} may not hold {@code task} (claimed or given), or empty. */
  public Optional<Msg> assigneeRefusal(UserTask task, String assignee) {
    if (assignee == null || assignee.isBlank()) {
      return Optional.empty(); // unassigning
    }
    return ownDecision(task, assignee);
  }

  /** Whether {@code actor} may hand the task to someone: assignee, candidate, or HR. */
  public Optional<Msg> assignerRefusal(UserTask task, String actor) {
    if (access.mayWorkOn(actor, task) || access.isHr(actor)) {
      return Optional.empty();
    }
    return Optional.of(Msg.of("access.error.mayNotAssign", actor, task.key(), task.name()));
  }

  @Override
  public Optional<Msg> assignmentRefusal(UserTask task, String actor, String assignee) {
    return (actor == null ? Optional.<Msg>empty() : assignerRefusal(task, actor)).or(() -> assigneeRefusal(task, assignee));
  }

  /** For the inbox and the task page: offered to the person and not about their own review. */
  @Override
  public boolean mayAct(UserTask task, String actor) {
    return access.mayWorkOn(actor, task) && ownDecision(task, actor).isEmpty();
  }

  /**
   * Who sees a task: those who may act on it (assignee or candidate, not about their own
   * review), whoever completed it, and HR.
   */
  /**
   * For tasks already known to be assigned or offered to {@code actor} (the inbox narrows to those
   * in SQL): whether the rules still let them act, i.e. the task is no decision about their own
   * subject. Skips the per-group membership checks {@link #canSee} would repeat.
   */
  public boolean mayActOnOffered(UserTask task, String actor) {
    return ownDecision(task, actor).isEmpty();
  }

  /** HR sees every task. */
  public boolean isHr(String actor) {
    return access.isHr(actor);
  }

  public boolean canSee(String actor, UserTask task) {
    return mayAct(task, actor) || actor.equals(task.completedBy()) || access.isHr(actor);
  }

  public UserTask requireVisible(String actor, UserTask task) {
    if (!canSee(actor, task)) {
      throw new NotPermittedException(Msg.of("access.error.mayNotSee", actor, task.key(), task.name()));
    }
    return task;
  }

  private Optional<Msg> ownDecision(UserTask task, String person) {
    for (SubjectOwner owner : owners) {
      Long subjectId = task.subjectId(owner.subjectType());
      if (subjectId == null || !owner.decidingTasks().contains(task.elementId())) {
        continue;
      }
      if (owner.ownerOf(subjectId).filter(person::equals).isPresent()) {
        return Optional.of(Msg.of("access.error.ownDecision", owner.noun(), person, task.key(), task.name(), subjectId));
      }
      Optional<Msg> conflict = owner.conflictOf(subjectId, person);
      if (conflict.isPresent()) {
        return Optional.of(Msg.of("access.error.conflict", conflict.get(), person, task.key(), task.name(), owner.noun(), subjectId));
      }
    }
    return Optional.empty();
  }

  /** "assignee x and candidate groups [..]", in the language asked for. */
  private static Msg forWhom(UserTask task) {
    if (task.assignee() != null && !task.candidateGroups().isEmpty()) {
      return Msg.of("access.error.forAssigneeAndGroups", task.assignee(), task.candidateGroups());
    }
    return task.assignee() != null ? Msg.of("access.error.forAssignee", task.assignee())
        : Msg.of("access.error.forGroups", task.candidateGroups());
  }
}
