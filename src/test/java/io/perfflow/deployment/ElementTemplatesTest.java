package io.perfflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * The element templates in element-templates/ are the modeler's view of the job workers: one
 * template per job type of docs/modeling.md and per {@code @JobWorker} on the classpath, except
 * the task-listener type, which is not a service task.
 */
class ElementTemplatesTest {
  static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";
  static final String TASK_LISTENER_PREFIX = "perfflow.task.";
  private static final Path TEMPLATES = Path.of("element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTemplateIsAValidPerfFlowServiceTaskTemplate() throws IOException {
    Map<String, Path> byId = new TreeMap<>();
    for (Path file : templateFiles()) {
      JsonNode t = JSON.readTree(file.toFile());
      String where = file.getFileName().toString();
      for (String key : List.of("$schema", "name", "id", "version", "engines", "appliesTo", "elementType", "properties")) {
        assertThat(t.has(key)).as("%s has %s", where, key).isTrue();
      }
      assertThat(t.get("$schema").asText()).as(where).isEqualTo(SCHEMA);
      assertThat(t.get("version").isInt()).as("%s version is an integer", where).isTrue();
      assertThat(t.at("/engines/camunda").asText()).as(where).isEqualTo("^8.8");
      assertThat(texts(t.get("appliesTo"))).as(where).contains("bpmn:Task");
      assertThat(t.at("/elementType/value").asText()).as(where).isEqualTo("bpmn:ServiceTask");
      assertThat(byId.put(t.get("id").asText(), file)).as("template id %s is unique", t.get("id").asText()).isNull();

      List<JsonNode> typeBindings = new ArrayList<>();
      Set<String> propertyIds = new TreeSet<>();
      for (JsonNode p : t.get("properties")) {
        JsonNode binding = p.get("binding");
        assertThat(binding).as("%s: every property has a binding", where).isNotNull();
        if ("zeebe:taskDefinition".equals(binding.path("type").asText()) && "type".equals(binding.path("property").asText())) {
          typeBindings.add(p);
        }
        if (p.has("id")) {
          assertThat(propertyIds.add(p.get("id").asText())).as("%s: property id %s unique", where, p.get("id")).isTrue();
        }
      }
      assertThat(typeBindings).as("%s: exactly one zeebe:taskDefinition type binding", where).hasSize(1);
      JsonNode type = typeBindings.get(0);
      assertThat(type.get("type").asText()).as("%s: the job type is Hidden", where).isEqualTo("Hidden");
      String jobType = type.get("value").asText();
      assertThat(jobType).as(where).startsWith("perfflow.").doesNotStartWith(TASK_LISTENER_PREFIX);
      assertThat(where).as("file name of the template for %s", jobType).isEqualTo(fileName(jobType));
    }
  }

  @Test
  void templatesCoverExactlyTheServiceTaskJobTypesOfTheModelingContract() throws IOException {
    Set<String> documented = documentedJobTypes();
    assertThat(documented).as("job types found in docs/modeling.md").contains(TASK_LISTENER_PREFIX + "creating").hasSizeGreaterThan(5);
    documented.removeIf(t -> t.startsWith(TASK_LISTENER_PREFIX));
    assertSameTypes("docs/modeling.md", documented, templateTypes());
  }

  @Test
  void templatesCoverExactlyTheJobWorkersOnTheClasspath() throws IOException {
    Map<String, String> workers = jobWorkerTypes("io.perfflow");
    Assumptions.assumeFalse(
        workers.isEmpty(), "no @JobWorker under io.perfflow on the classpath yet (workers/ not merged)");
    Set<String> types = new TreeSet<>(workers.keySet());
    types.removeIf(t -> t.startsWith(TASK_LISTENER_PREFIX));
    assertSameTypes("@JobWorker methods " + workers, types, templateTypes());
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertSameTypes(String source, Set<String> expected, Set<String> templates) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(templates);
    Set<String> extra = new TreeSet<>(templates);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail("Element templates and %s disagree.%n  job types without a template (add element-templates/%s): %s"
              + "%n  templates without such a job type (remove or rename): %s",
          source, "perfflow-<type>.json", missing, extra);
    }
  }

  static String fileName(String jobType) {
    return "perfflow-" + jobType.substring("perfflow.".length()).replace('.', '-') + ".json";
  }

  static Set<String> templateTypes() throws IOException {
    Set<String> types = new TreeSet<>();
    for (Path file : templateFiles()) {
      for (JsonNode p : JSON.readTree(file.toFile()).path("properties")) {
        if ("zeebe:taskDefinition".equals(p.at("/binding/type").asText()) && "type".equals(p.at("/binding/property").asText())) {
          types.add(p.path("value").asText());
        }
      }
    }
    return types;
  }

  private static List<Path> templateFiles() throws IOException {
    assertThat(TEMPLATES).isDirectory();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      List<Path> list = files.filter(f -> f.getFileName().toString().matches("perfflow-.*\\.json")).sorted().toList();
      assertThat(list).as("element-templates/perfflow-*.json").isNotEmpty();
      return list;
    }
  }

  /** Job types in the first column of docs/modeling.md's job-type table. */
  static Set<String> documentedJobTypes() throws IOException {
    Pattern row = Pattern.compile("^\\|\\s*`(perfflow\\.[a-z0-9.-]+)`\\s*\\|");
    Set<String> types = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("docs/modeling.md"))) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        types.add(m.group(1));
      }
    }
    return types;
  }

  /**
   * {@code type} of every method annotated with {@link JobWorker} in classes under the package,
   * read from the class files (no class is loaded), mapped to where it was found.
   */
  static Map<String, String> jobWorkerTypes(String basePackage) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
    Map<String, String> types = new TreeMap<>();
    List<String> withoutType = new ArrayList<>();
    for (Resource resource : resolver.getResources("classpath*:" + basePackage.replace('.', '/') + "/**/*.class")) {
      MetadataReader reader = readers.getMetadataReader(resource);
      for (MethodMetadata method : reader.getAnnotationMetadata().getAnnotatedMethods(JobWorker.class.getName())) {
        Map<String, Object> attributes = method.getAnnotationAttributes(JobWorker.class.getName());
        String type = attributes == null ? "" : String.valueOf(attributes.get("type"));
        String where = reader.getClassMetadata().getClassName() + "#" + method.getMethodName();
        if (type.isBlank()) {
          withoutType.add(where);
        } else {
          types.put(type, where);
        }
      }
    }
    assertThat(withoutType).as("@JobWorker methods must name their job type explicitly").isEmpty();
    return types;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
