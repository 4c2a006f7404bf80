package io.perfflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.demo.DemoCompany;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The groups that the models hand tasks to (BPMN candidate groups, the approval-routing DMN)
 * exist in PerfFlow's organisation and in the Camunda identity created for Tasklist, with the
 * same members, so that a candidate-group task shows up for the right people in both UIs.
 */
class CandidateGroupsTest {
  static final Pattern QUOTED = Pattern.compile("&quot;([a-z-]+)&quot;|\"([a-z-]+)\"");

  static Set<String> groupsUsedByTheModels() throws IOException {
    Set<String> groups = new TreeSet<>();
    for (Path bpmn : files("processes", ".bpmn")) {
      Matcher m = Pattern.compile("candidateGroups=\"([^\"=][^\"]*)\"").matcher(Files.readString(bpmn));
      while (m.find()) {
        for (String g : m.group(1).split(",")) groups.add(g.trim());
      }
    }
    String route = Files.readString(Path.of("processes/approval-route.dmn")) + Files.readString(Path.of("processes/promotion-route.dmn"));
    Matcher entries = Pattern.compile("<outputEntry[^>]*>\\s*<text>(.*?)</text>", Pattern.DOTALL).matcher(route);
    while (entries.find()) {
      Matcher q = QUOTED.matcher(entries.group(1));
      while (q.find()) groups.add(q.group(1) != null ? q.group(1) : q.group(2));
    }
    return groups;
  }

  static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /**
   * Tasklist 8.8 shows a task only to its assignee and candidate groups in V1 mode with user task
   * access restrictions (V2 has no task-level visibility). That works only if every user task of
   * the models has an assignee or candidate groups: one with neither would be visible to all.
   */
  @Test
  @SuppressWarnings("unchecked")
  void tasklistShowsEachTaskOnlyToItsAssigneeAndCandidateGroups() throws IOException {
    Map<String, Object> config;
    try (Reader r = Files.newBufferedReader(Path.of("src/main/docker/camunda-application.yaml"))) {
      config = new Yaml().load(r);
    }
    Map<String, Object> tasklist = (Map<String, Object>) ((Map<String, Object>) config.get("camunda")).get("tasklist");
    assertThat(tasklist).as("camunda.tasklist in camunda-application.yaml").isNotNull();
    assertThat(tasklist.get("V2ModeEnabled")).as("Tasklist in V1 mode").isEqualTo(false);
    assertThat(((Map<String, Object>) tasklist.get("identity")).get("userAccessRestrictionsEnabled"))
        .as("user task access restrictions").isEqualTo(true);
    Map<String, Object> compose;
    try (Reader r = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      compose = new Yaml().load(r);
    }
    Map<String, Object> camunda = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("camunda");
    assertThat(((Map<String, Object>) camunda.get("environment")).get("CAMUNDA_TASKLIST_V2_MODE_ENABLED"))
        .as("docker-compose.yml keeps Tasklist in V1 mode").isEqualTo("false");

    int tasks = 0;
    for (Path bpmn : files("processes", ".bpmn")) {
      var model = io.camunda.zeebe.model.bpmn.Bpmn.readModelFromFile(bpmn.toFile());
      for (var task : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.UserTask.class)) {
        tasks++;
        var assignment = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition.class);
        boolean restricted = assignment != null
            && ((assignment.getAssignee() != null && !assignment.getAssignee().isBlank())
                || (assignment.getCandidateGroups() != null && !assignment.getCandidateGroups().isBlank()));
        assertThat(restricted).as("user task %s in %s has an assignee or candidate groups", task.getId(), bpmn).isTrue();
      }
    }
    assertThat(tasks).as("user tasks in the models").isGreaterThanOrEqualTo(6);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyGroupTheModelsUseExistsInPerfFlowAndInCamundaWithTheSameMembers() throws IOException {
    Set<String> used = groupsUsedByTheModels();
    assertThat(used).contains("hr", "ops-managers", "procurement-managers", "finance-managers", "cs-leads");

    Set<String> perfflow = DemoCompany.GROUPS.stream().map(DemoCompany.DemoGroup::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(perfflow).as("groups of the demo company").containsAll(used);

    Map<String, Object> config;
    try (Reader r = Files.newBufferedReader(Path.of("src/main/docker/camunda-application.yaml"))) {
      config = new Yaml().load(r);
    }
    Map<String, Object> init = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) config.get("camunda")).get("security")).get("initialization");
    List<Map<String, Object>> camundaGroups = (List<Map<String, Object>>) init.get("groups");
    Set<String> camunda = camundaGroups.stream().map(g -> (String) g.get("groupId")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(camunda).as("groups created in Camunda for Tasklist").containsAll(used);

    for (Map<String, Object> g : camundaGroups) {
      String id = (String) g.get("groupId");
      Set<String> expected = DemoCompany.EMPLOYEES.stream().filter(e -> e.groups().contains(id))
          .map(DemoCompany.DemoEmployee::id).collect(Collectors.toCollection(TreeSet::new));
      assertThat(new TreeSet<>((List<String>) g.get("users"))).as("members of %s in Camunda", id).isEqualTo(expected);
    }
    Set<String> users = ((List<Map<String, Object>>) init.get("users")).stream().map(u -> (String) u.get("username"))
        .collect(Collectors.toSet());
    assertThat(users).as("every demo employee can log in to Tasklist")
        .containsAll(DemoCompany.EMPLOYEES.stream().map(DemoCompany.DemoEmployee::id).toList());
  }
}
