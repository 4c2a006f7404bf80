package io.perfflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the Dockerfile and application-camunda.yaml describe one deployment; this
 * fails when they drift apart. Plain JUnit and SnakeYAML: no Docker, no Spring context.
 */
class DeploymentFilesConsistencyTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  /** Variables PerfFlow's container may set that are read by Spring or the JVM, not by a placeholder. */
  private static final Set<String> NON_PLACEHOLDER_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

  private static Map<String, Object> services;
  private static Map<String, String> perfflowEnv;
  private static Map<String, String> camundaProfile; // flattened application-camunda.yaml
  private static Map<String, String> baseConfig; // flattened application.yaml
  private static List<String> dockerfile;

  @BeforeAll
  static void load() throws IOException {
    services = map(yaml(ROOT.resolve("docker-compose.yml")).get("services"));
    perfflowEnv = environment(service("perfflow"));
    camundaProfile = flatten(yaml(ROOT.resolve("src/main/resources/application-camunda.yaml")));
    baseConfig = flatten(yaml(ROOT.resolve("src/main/resources/application.yaml")));
    dockerfile = dockerfileInstructions(ROOT.resolve("Dockerfile"));
  }

  @Test
  void theProfileIsCamundaInComposeAndDockerfile() {
    assertThat(perfflowEnv).as("perfflow's SPRING_PROFILES_ACTIVE in docker-compose.yml")
        .containsEntry("SPRING_PROFILES_ACTIVE", "camunda");
    assertThat(dockerfileEnv()).as("ENV in the Dockerfile").containsEntry("SPRING_PROFILES_ACTIVE", "camunda");
  }

  @Test
  void perfflowsVariablesAreExactlyThePlaceholdersOfTheProfile() {
    Set<String> placeholders = placeholders();
    Set<String> unknown = new LinkedHashSet<>(perfflowEnv.keySet());
    unknown.removeAll(placeholders);
    unknown.removeAll(NON_PLACEHOLDER_VARIABLES);
    assertThat(unknown)
        .as("variables set for perfflow in docker-compose.yml that application-camunda.yaml never reads "
            + "(typo? placeholders are %s)", placeholders)
        .isEmpty();
    for (String property : List.of(
        "camunda.client.rest-address", "camunda.client.grpc-address", "spring.datasource.url",
        "spring.datasource.username", "spring.datasource.password", "spring.mail.host", "spring.mail.port")) {
      String variable = placeholderVariable(property);
      assertThat(perfflowEnv).as("docker-compose.yml must set %s for %s", variable, property).containsKey(variable);
    }
  }

  @Test
  void camundaAddressesPointAtTheCamundaServicesContainerPorts() {
    for (String property : List.of("camunda.client.rest-address", "camunda.client.grpc-address")) {
      URI uri = URI.create(resolved(property));
      assertThat(services).as("service %s named in %s", uri.getHost(), property).containsKey(uri.getHost());
      assertThat(containerPorts(service(uri.getHost())))
          .as("%s (%s) must be a port the %s service publishes", property, uri, uri.getHost())
          .contains(uri.getPort());
    }
    assertThat(URI.create(resolved("camunda.client.rest-address")).getPort()).as("REST port of Camunda 8.8").isEqualTo(8080);
    assertThat(URI.create(resolved("camunda.client.grpc-address")).getPort()).as("gRPC port of Camunda 8.8").isEqualTo(26500);
  }

  @Test
  void theProfilesDefaultsReachTheComposeClusterFromTheHost() {
    Map<Integer, Integer> published = publishedPorts(service("camunda"));
    URI rest = URI.create(placeholderDefault("camunda.client.rest-address"));
    URI grpc = URI.create(placeholderDefault("camunda.client.grpc-address"));
    assertThat(rest.getPort()).as("default REST address %s vs. host port of camunda:8080", rest).isEqualTo(published.get(8080));
    assertThat(grpc.getPort()).as("default gRPC address %s vs. host port of camunda:26500", grpc).isEqualTo(published.get(26500));
  }

  @Test
  void theDatabaseMatchesThePostgresService() {
    String url = resolved("spring.datasource.url");
    assertThat(url).startsWith("jdbc:postgresql://");
    URI uri = URI.create(url.substring("jdbc:".length()));
    Map<String, String> postgres = environment(service(uri.getHost()));
    assertThat(String.valueOf(service(uri.getHost()).get("image"))).startsWith("postgres:");
    assertThat(containerPorts(service(uri.getHost()))).contains(uri.getPort());
    assertThat(uri.getPath()).as("database in %s", url).isEqualTo("/" + postgres.get("POSTGRES_DB"));
    assertThat(resolved("spring.datasource.username")).as("datasource username vs. POSTGRES_USER").isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(resolved("spring.datasource.password")).as("datasource password vs. POSTGRES_PASSWORD").isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    assertThat(String.join(" ", healthcheck(service(uri.getHost()))))
        .contains("-U " + postgres.get("POSTGRES_USER")).contains("-d " + postgres.get("POSTGRES_DB"));
  }

  @Test
  void mailGoesToMailpit() {
    String host = resolved("spring.mail.host");
    assertThat(services).as("mail host %s is a service", host).containsKey(host);
    assertThat(String.valueOf(service(host).get("image"))).startsWith("axllent/mailpit:");
    assertThat(Integer.parseInt(resolved("spring.mail.port"))).isEqualTo(1025);
    assertThat(containerPorts(service(host))).contains(1025, 8025);
    assertThat(Integer.parseInt(placeholderDefault("spring.mail.port"))).isEqualTo(1025);
  }

  @Test
  void perfflowListensWhereDockerfileAndComposeSay() {
    int serverPort = Integer.parseInt(baseConfig.get("server.port"));
    assertThat(dockerfile.stream().filter(l -> l.startsWith("EXPOSE ")).toList())
        .as("EXPOSE in the Dockerfile").containsExactly("EXPOSE " + serverPort);
    assertThat(publishedPorts(service("perfflow"))).as("perfflow's ports").containsEntry(serverPort, 8080);
    assertThat(dockerfile.stream().filter(l -> l.startsWith("HEALTHCHECK ")).findFirst().orElse(""))
        .contains("localhost:" + serverPort + "/actuator/health");
    assertThat(String.join(" ", healthcheck(service("perfflow")))).contains("localhost:" + serverPort + "/actuator/health");
    assertThat(service("perfflow")).containsKey("build");
  }

  @Test
  void everyImageTagIsPinned() {
    Map<String, String> images = new TreeMap<>();
    services.forEach((name, s) -> {
      Object image = map(s).get("image");
      if (image != null) {
        images.put("service " + name, image.toString());
      } else {
        assertThat(map(s)).as("service %s has neither image nor build", name).containsKey("build");
      }
    });
    dockerfile.stream()
        .filter(l -> l.startsWith("FROM "))
        .forEach(l -> images.put("Dockerfile " + l, l.split("\\s+")[1]));
    assertThat(images).isNotEmpty();
    images.forEach((where, image) -> assertThat(unpinnedReason(image)).as("%s: %s", where, image).isNull());
  }

  @Test
  void everyServiceHasAHealthcheckAndPerfflowWaitsForItsDependencies() {
    services.keySet().forEach(name -> assertThat(healthcheck(service(name))).as("healthcheck of %s", name).isNotEmpty());
    Map<String, Object> dependsOn = map(service("perfflow").get("depends_on"));
    Set<String> needed = new LinkedHashSet<>();
    needed.add(URI.create(resolved("camunda.client.rest-address")).getHost());
    needed.add(URI.create(resolved("spring.datasource.url").substring(5)).getHost());
    needed.add(resolved("spring.mail.host"));
    assertThat(dependsOn.keySet()).containsAll(needed);
    services.forEach((name, s) -> {
      Object deps = map(s).get("depends_on");
      if (deps != null) {
        map(deps).forEach((dep, condition) -> {
          assertThat(services).as("%s depends on %s", name, dep).containsKey(dep);
          assertThat(map(condition)).as("%s -> %s", name, dep).containsEntry("condition", "service_healthy");
        });
      }
    });
  }

  // ---------------------------------------------------------------------------------------------

  /** Null when pinned: a tag other than latest with at least major.minor. */
  static String unpinnedReason(String image) {
    if (image.contains("@sha256:")) {
      return null;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon < slash || colon < 0) {
      return "no tag";
    }
    String tag = image.substring(colon + 1);
    if (tag.equals("latest") || tag.contains("${")) {
      return "tag " + tag + " is not pinned";
    }
    return tag.matches("v?\\d+\\.\\d+.*") ? null : "tag " + tag + " names no version (major.minor at least)";
  }

  private static Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    camundaProfile.values().forEach(v -> {
      Matcher m = PLACEHOLDER.matcher(v);
      while (m.find()) {
        names.add(m.group(1));
      }
    });
    return names;
  }

  private static Matcher placeholder(String property) {
    String value = camundaProfile.get(property);
    assertThat(value).as("%s in application-camunda.yaml", property).isNotNull();
    Matcher m = PLACEHOLDER.matcher(value);
    assertThat(m.matches()).as("%s = %s must be a ${VARIABLE:default} placeholder", property, value).isTrue();
    return m;
  }

  private static String placeholderVariable(String property) {
    return placeholder(property).group(1);
  }

  private static String placeholderDefault(String property) {
    String fallback = placeholder(property).group(2);
    assertThat(fallback).as("default of %s", property).isNotNull();
    return fallback;
  }

  /** The value PerfFlow sees in docker-compose: the service's variable, else the default. */
  private static String resolved(String property) {
    Matcher m = placeholder(property);
    return perfflowEnv.getOrDefault(m.group(1), m.group(2));
  }

  private static Map<String, Object> service(String name) {
    assertThat(services).as("docker-compose.yml service").containsKey(name);
    return map(services.get(name));
  }

  private static Set<Integer> containerPorts(Map<String, Object> service) {
    Set<Integer> ports = new LinkedHashSet<>(publishedPorts(service).keySet());
    Object expose = service.get("expose");
    if (expose instanceof List<?> list) {
      list.forEach(p -> ports.add(Integer.parseInt(p.toString().split("/")[0])));
    }
    return ports;
  }

  /** container port -> host port, from "host:container" or "ip:host:container". */
  private static Map<Integer, Integer> publishedPorts(Map<String, Object> service) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    Object list = service.get("ports");
    if (list instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = entry.toString().split("/")[0].split(":");
        int container = Integer.parseInt(parts[parts.length - 1]);
        ports.put(container, parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container);
      }
    }
    return ports;
  }

  private static List<String> healthcheck(Map<String, Object> service) {
    Object hc = service.get("healthcheck");
    if (hc == null) {
      return List.of();
    }
    Object test = map(hc).get("test");
    return test instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(test));
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object e = service.get("environment");
    if (e instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
    } else if (e instanceof List<?> l) {
      l.forEach(item -> {
        String[] kv = item.toString().split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      });
    }
    return env;
  }

  private static Map<String, String> dockerfileEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
    dockerfile.stream().filter(l -> l.startsWith("ENV ")).forEach(l -> {
      Matcher m = pair.matcher(l.substring(4));
      while (m.find()) {
        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
      }
    });
    return env;
  }

  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> dockerfileInstructions(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        out.add(current.toString().strip().replaceAll("\\s+", " "));
        current.setLength(0);
      }
    }
    return out;
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return map(new Yaml().load(reader));
    }
  }

  private static Map<String, String> flatten(Map<String, Object> tree) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", tree, flat);
    return flat;
  }

  private static void flatten(String prefix, Object node, Map<String, String> flat) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, flat));
    } else {
      flat.put(prefix, node == null ? "" : node.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }
}
