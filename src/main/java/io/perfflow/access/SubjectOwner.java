package io.perfflow.access;

import java.util.Optional;
import java.util.Set;

/**
 * A process family's answer to "whose is this subject, and which of its tasks decide about that
 * person?" (contributed as a bean by the family). {@link TaskRules} uses it for the rule that
 * nobody completes, claims or is given a task deciding their own review, promotion or case; a new
 * family adds one of these instead of editing the rule.
 */
public interface SubjectOwner {
  /** The subject type of the family's tasks (as in {@code UserTask#subjectId(type)}). */
  String subjectType();

  /** What people call the subject in a refusal: "review", "promotion", "case". */
  io.perfflow.Localizable noun();

  /** The BPMN ids of the user tasks that decide about the subject's owner. */
  Set<String> decidingTasks();

  /** The employee the subject is about, if the subject exists. */
  Optional<String> ownerOf(long subjectId);

  /**
   * Why {@code person}, who is not the subject's owner, may not decide it either (for example
   * because they nominated it), or empty. Checked for the same deciding tasks as the owner rule.
   */
  default Optional<io.perfflow.Msg> conflictOf(long subjectId, String person) {
    return Optional.empty();
  }
}
