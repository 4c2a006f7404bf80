package io.perfflow.benchmark;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * How far one embedded PerfFlow goes: whole review cycles of growing size, every task done
 * through the API, measured against the smallest cycle run first in the same JVM (ratios, not
 * absolute times, are what compare across machines). Run: {@code ./mvnw -Pbenchmark verify}.
 * Writes {@code target/benchmark/embedded-scale.md}.
 */
@Tag("benchmark")
class EmbeddedScaleBenchmarkTest extends PerfFlowIntegrationTest {
  static final int[] SIZES = sizes();

  static int[] sizes() {
    String configured = System.getProperty("perfflow.benchmark.sizes", "10,40,100");
    return java.util.Arrays.stream(configured.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  record Run(int reviews, double seconds, double reviewsPerMinute, long heapMb, long openTasksPeak) {}

  @Test
  void cyclesOfGrowingSize() throws IOException {
    ReviewScenarios s = scenarios();
    List<Run> runs = new ArrayList<>();
    int period = 1;
    for (int size : SIZES) {
      runs.add(cycle(s, size, String.format("2025-%02d", period++)));
    }
    StringBuilder report = new StringBuilder("# Embedded runtime scale (" + java.time.LocalDate.now() + ")\n\n");
    report.append("JVM: ").append(Runtime.version()).append(", cores: ").append(Runtime.getRuntime().availableProcessors())
        .append(", max heap: ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n\n");
    report.append("| reviews in cycle | wall time (s) | reviews/min | throughput vs baseline | heap after GC (MB) | heap vs baseline |\n");
    report.append("|---|---|---|---|---|---|\n");
    Run base = runs.get(0);
    for (Run r : runs) {
      report.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f× | %d | %.2f× |%n", r.reviews(), r.seconds(),
          r.reviewsPerMinute(), r.reviewsPerMinute() / base.reviewsPerMinute(), r.heapMb(), (double) r.heapMb() / base.heapMb()));
    }
    Path out = Path.of("target/benchmark/embedded-scale.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  /**
   * The cost of HTTP Basic: each new username/password pair is checked with BCrypt, a repeated
   * one within perfflow.security.credentials-cache-ttl is not (VerifiedCredentialsCache). Times
   * {@code n} calls of GET /api/tasks as n different employees (every call a BCrypt check) against
   * n calls as one of them (all but the first cached). Writes target/benchmark/basic-auth.md.
   */
  @Test
  void basicAuthWithAndWithoutTheVerifiedCredentialsCache() throws IOException {
    ReviewScenarios s = scenarios();
    int n = Integer.getInteger("perfflow.benchmark.auth-calls", 40);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(s.hire("operations", "olivia"));
    }
    s.as(people.get(0)).get("/api/tasks").expect(200); // warm-up: connection pool, JIT
    long start = System.nanoTime();
    for (String p : people.subList(1, n)) {
      s.as(p).get("/api/tasks").expect(200);
    }
    double uncached = (System.nanoTime() - start) / 1e6 / (n - 1);
    start = System.nanoTime();
    for (int i = 1; i < n; i++) {
      s.as(people.get(0)).get("/api/tasks").expect(200);
    }
    double cached = (System.nanoTime() - start) / 1e6 / (n - 1);
    String report = String.format(Locale.ROOT,
        "# HTTP Basic cost (%s)%n%n| GET /api/tasks | ms per call |%n|---|---|%n| new credentials (BCrypt) | %.1f |%n"
            + "| repeated credentials (cached) | %.1f |%n%nRatio: %.1f× faster with the cache (%d calls each).%n",
        java.time.LocalDate.now(), uncached, cached, uncached / cached, n - 1);
    Path out = Path.of("target/benchmark/basic-auth.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  /** Completes a task; a 503 (engine busy) leaves it to the next round, as a person would retry. */
  private static void complete(ReviewScenarios s, String user, long key, Map<String, Object> variables, Set<Long> done) {
    if (s.as(user).post("/api/tasks/" + key + "/complete", Map.of("variables", variables)).status() == 204) {
      done.add(key);
    }
  }

  private Run cycle(ReviewScenarios s, int size, String period) {
    List<String> employees = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      employees.add(s.hire("operations", "olivia"));
    }
    return cycle(s, employees, period);
  }

  private static void importMetrics(ReviewScenarios s, List<String> employees, String period) {
    StringBuilder csv = new StringBuilder("employeeId,metric,period,value,source\n");
    for (int i = 0; i < employees.size(); i++) {
      String id = employees.get(i);
      s.valuesScoring("operations", "normal", 85 + (i % 10)).forEach((m, v) ->
          csv.append(id).append(',').append(m).append(',').append(period).append(',').append(v.toPlainString()).append(",bench\n"));
    }
    s.hr().postText("/api/metrics/import", csv.toString(), MediaType.valueOf("text/csv")).expect(200);
  }

  /**
   * Memory stays flat over the months: the same company (perfflow.benchmark.rss-company, default
   * 50 people) through ten monthly cycles; the process's resident set size (VmRSS) after the
   * first and after the tenth, each after a GC. Writes target/benchmark/embedded-rss.md.
   */
  @Test
  void residentMemoryAfterOneAndTenCycles() throws IOException {
    ReviewScenarios s = scenarios();
    int company = Integer.getInteger("perfflow.benchmark.rss-company", 50);
    List<String> employees = new ArrayList<>();
    for (int i = 0; i < company; i++) {
      employees.add(s.hire("operations", "olivia"));
    }
    long[] rss = new long[11];
    for (int month = 1; month <= 10; month++) {
      cycle(s, employees, String.format("2024-%02d", month));
      rss[month] = residentMb();
    }
    String report = String.format(Locale.ROOT,
        "# Resident memory over cycles (%s)%n%n%d-person company, one cycle a month, every task through the API.%n%n"
            + "| after | RSS (MB) | vs after 1 |%n|---|---|---|%n| 1 cycle | %d | 1.00× |%n| 10 cycles | %d | %.2f× |%n",
        java.time.LocalDate.now(), company, rss[1], rss[10], (double) rss[10] / rss[1]);
    Path out = Path.of("target/benchmark/embedded-rss.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  /** This JVM's resident set size after a GC (Linux /proc; the embedded PostgreSQL is a separate process). */
  private static long residentMb() throws IOException {
    System.gc();
    return residentMb(ProcessHandle.current().pid());
  }

  /** A process's resident set size (VmRSS in /proc/{pid}/status), 0 for a process that is gone. */
  static long residentMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    } catch (IOException gone) {
      return 0;
    }
  }


  private Run cycle(ReviewScenarios s, List<String> employees, String period) {
    int size = employees.size();
    importMetrics(s, employees, period);

    long start = System.nanoTime();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period);
    body.put("employeeIds", employees);
    long cycle = s.hr().post("/api/cycles", body).expect(201).body().path("id").asLong();
    Set<Long> done = new HashSet<>();
    long[] peak = {0};
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      JsonNode tasks = s.hr().get("/api/tasks?candidateGroup=ops-managers").expect(200).body();
      JsonNode assigned = s.hr().get("/api/tasks").expect(200).body();
      peak[0] = Math.max(peak[0], assigned.size());
      for (JsonNode t : assigned) {
        long key = t.path("key").asLong();
        String assignee = t.path("assignee").asText(null);
        if (done.contains(key) || assignee == null) continue;
        if (t.path("elementId").asText().equals("self-assessment") && employees.contains(assignee)) {
          complete(s, assignee, key, Map.of("selfRating", 4), done);
        } else if (t.path("elementId").asText().equals("manager-review") && "olivia".equals(assignee)) {
          complete(s, "olivia", key, Map.of("adjustment", 0), done);
        }
      }
      for (JsonNode t : tasks) {
        long key = t.path("key").asLong();
        if (!done.contains(key)) complete(s, "olivia", key, Map.of("decision", "APPROVE"), done);
      }
      for (JsonNode t : s.hr().get("/api/tasks?candidateGroup=hr").expect(200).body()) {
        long key = t.path("key").asLong();
        if (!done.contains(key)) complete(s, "hana", key, Map.of("decision", "APPROVE"), done);
      }
      return "CLOSED".equals(s.hr().get("/api/cycles/" + cycle).expect(200).body().path("status").asText());
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new Run(size, seconds, size / seconds * 60, heap.getUsed() / (1024 * 1024), peak[0]);
  }
}
