package io.perfflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plug-in rule (docs/modeling.md, "Adding a process"): the generic packages know no process
 * family. A generic package may refer only to generic packages (and the root package's classes);
 * the web shell, in addition, to neither {@code runtime} nor {@code api}. Checked on the source
 * text, so an import, a fully qualified name or a {@code {@link}} to a process class all count.
 */
class DependencyRulesTest {
  static final Set<String> GENERIC = Set.of("tasks", "mail", "audit", "engine", "runtime", "web", "config", "org", "i18n");
  private static final Path MAIN = Path.of("src/main/java/io/perfflow");
  private static final Path WORKERS = Path.of("workers/io/perfflow/workers");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.perfflow\\.([a-z][a-z0-9]*)\\b");

  /** The packages {@code source} refers to that {@code pkg} may not use. */
  static Set<String> forbidden(String pkg, String source) {
    Set<String> bad = new TreeSet<>();
    Matcher m = REFERENCE.matcher(source);
    while (m.find()) {
      String target = m.group(1);
      boolean allowed = GENERIC.contains(target) || target.equals(pkg);
      if (pkg.equals("web") && (target.equals("runtime") || target.equals("api"))) {
        allowed = false;
      }
      if (pkg.equals("workers")) {
        allowed = GENERIC.contains(target) || target.equals("workers");
      }
      if (!allowed) {
        bad.add("io.perfflow." + target);
      }
    }
    return bad;
  }

  @Test
  void theRuleCatchesAProcessImport() {
    assertThat(forbidden("tasks", "import io.perfflow.review.ReviewWorkflow;")).containsExactly("io.perfflow.review");
    assertThat(forbidden("mail", "var c = new io.perfflow.supplier.SupplierDelays();")).containsExactly("io.perfflow.supplier");
    assertThat(forbidden("web", "import io.perfflow.runtime.camunda.ClusterStatus;\nimport io.perfflow.api.ReviewAccess;"))
        .containsExactly("io.perfflow.api", "io.perfflow.runtime");
    assertThat(forbidden("runtime", "import io.perfflow.tasks.TaskRecorder;\nimport io.perfflow.NotFoundException;")).isEmpty();
  }

  @Test
  void genericPackagesKnowNoProcess() {
    List<String> violations = new ArrayList<>();
    for (String pkg : GENERIC) {
      Path dir = MAIN.resolve(pkg);
      List<Path> files = javaFiles(dir, true);
      assertThat(files).as("sources of package %s", pkg).isNotEmpty();
      for (Path file : files) {
        Set<String> bad = forbidden(pkg, read(file));
        if (!bad.isEmpty()) {
          violations.add(file + " refers to " + bad);
        }
      }
    }
    assertThat(violations).as("generic packages referring to a process family (or web to runtime/api)").isEmpty();
  }

  /** The generic workers (mail, task listeners) are in workers/io/perfflow/workers/; a family's in its own folder. */
  @Test
  void genericWorkersKnowNoProcess() {
    List<Path> files = javaFiles(WORKERS, false);
    assertThat(files).isNotEmpty();
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      Set<String> bad = forbidden("workers", read(file));
      if (!bad.isEmpty()) {
        violations.add(file + " refers to " + bad);
      }
    }
    assertThat(violations).isEmpty();
  }

  /** Mail templates live in their family's folder, mail/<feature>/<template>.txt. */
  @Test
  void mailTemplatesAreInFeatureFolders() throws IOException {
    Path mail = Path.of("src/main/resources/mail");
    try (Stream<Path> top = Files.list(mail)) {
      assertThat(top.filter(Files::isRegularFile).map(Path::toString).toList()).isEmpty();
    }
    try (Stream<Path> all = Files.walk(mail)) {
      assertThat(all.filter(p -> p.toString().endsWith(".txt")).count()).isPositive();
    }
  }

  private static List<Path> javaFiles(Path dir, boolean recursive) {
    try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
