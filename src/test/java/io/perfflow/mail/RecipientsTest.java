package io.perfflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfflow.org.Employee;
import io.perfflow.org.Group;
import io.perfflow.org.Organisation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who a mail task's {@code to} header reaches; the employee the process is about is never mailed as a group member. */
class RecipientsTest {
  private static Employee person(String id, String... groups) {
    return new Employee(id, id, id + "@x.example", "operations", "ops", null, null, LocalDate.of(2024, 1, 1), "L1",
        BigDecimal.TEN, List.of(groups), true);
  }

  private static final Map<String, Employee> PEOPLE = Map.of(
      "olivia", person("olivia", "approvers", "solo"), "oscar", person("oscar", "approvers", "mine"), "hana", person("hana", "hr"));

  /** An organisation over a fixed map, no database: only what Recipients reads. */
  private static final Organisation ORG = new Organisation(null, null) {
    @Override
    public Employee get(String id) {
      return PEOPLE.get(id);
    }

    @Override
    public Optional<Group> group(String id) {
      return Optional.of(new Group(id, id, id.equals("hr") ? "hana" : "olivia"));
    }

    @Override
    public List<Employee> membersOf(String groupId) {
      return PEOPLE.values().stream().filter(e -> e.groups().contains(groupId)).sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
  };

  private final Recipients recipients = new Recipients(ORG);

  @Test
  void aGroupIsMailedWithoutTheEmployeeTheProcessIsAbout() {
    assertThat(recipients.resolve("group:approvers", "hana", null, Map.of())).containsExactly("olivia@x.example", "oscar@x.example");
    assertThat(recipients.resolve("group:approvers", "oscar", null, Map.of())).containsExactly("olivia@x.example");
  }

  @Test
  void whenOnlyTheEmployeeIsLeftTheHeadStandsInAndOtherwiseNobodyOfThatGroup() {
    // oscar's own approval group is only oscar: its head (olivia) is reminded instead.
    assertThat(recipients.resolve("group-var:g", "oscar", null, Map.of("g", "mine"))).containsExactly("olivia@x.example");
    assertThat(recipients.resolve("group:solo", "olivia", null, Map.of())).as("olivia heads and is all of 'solo'").isEmpty();
    assertThat(recipients.resolve("group:solo, group:hr", "olivia", null, Map.of())).containsExactly("hana@x.example");
  }

  @Test
  void aGroupWithNobodyInItIsAModelError() {
    assertThatThrownBy(() -> recipients.resolve("group:nobody", "olivia", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no members");
  }
}
