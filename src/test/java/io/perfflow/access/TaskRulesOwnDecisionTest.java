package io.perfflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.UserTask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Nobody decides their own case" for a process family TaskRules has never heard of: the family
 * contributes a {@link SubjectOwner}, and the rule applies to its deciding tasks only.
 */
class TaskRulesOwnDecisionTest {
  /** A made-up family: cases about an employee, decided in "decide-case". */
  private final SubjectOwner cases =
      new SubjectOwner() {
        @Override
        public String subjectType() {
          return "test-case";
        }

        @Override
        public io.perfflow.Localizable noun() {
          return io.perfflow.Msg.verbatim("case");
        }

        @Override
        public Set<String> decidingTasks() {
          return Set.of("decide-case");
        }

        @Override
        public Optional<String> ownerOf(long subjectId) {
          return subjectId == 7 ? Optional.of("oscar") : Optional.empty();
        }
      };

  // assigneeRefusal consults only the owners, so no AccessPolicy is needed here.
  private final TaskRules rules = new TaskRules(null, List.of(cases));

  @Test
  void theOwnerMayNotBeGivenATaskDecidingTheirOwnCase() {
    assertThat(rules.assigneeRefusal(task("decide-case", new Subject("test-case", 7)), "oscar"))
        .hasValueSatisfying(reason -> assertThat(reason.english()).contains("Nobody decides their own case", "'oscar'", "case 7"));
    // the same refusal in Chinese, the person and the subject still named
    assertThat(rules.assigneeRefusal(task("decide-case", new Subject("test-case", 7)), "oscar").orElseThrow().in(java.util.Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("任何人都不能决定自己的case：“oscar”不能完成、认领或被分配case 7 的任务 42（Decide）");
  }

  @Test
  void othersTheOwnersOtherTasksAndOtherSubjectsAreNotRefused() {
    assertThat(rules.assigneeRefusal(task("decide-case", new Subject("test-case", 7)), "olivia")).isEmpty();
    assertThat(rules.assigneeRefusal(task("describe-case", new Subject("test-case", 7)), "oscar")).isEmpty();
    assertThat(rules.assigneeRefusal(task("decide-case", new Subject("test-case", 8)), "oscar")).isEmpty();
    assertThat(rules.assigneeRefusal(task("decide-case", new Subject("other-thing", 7)), "oscar")).isEmpty();
    assertThat(rules.assigneeRefusal(task("decide-case", null), "oscar")).isEmpty();
  }

  private static UserTask task(String elementId, Subject subject) {
    return new UserTask(42, "Decide", elementId, "form", subject, List.of("hr"), null,
        Instant.EPOCH, "CREATED", 1, Instant.EPOCH, null, null);
  }
}
