package io.perfflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.perfflow.metrics.MetricQueries;
import io.perfflow.metrics.MetricWindow;
import io.perfflow.review.Cycles;
import io.perfflow.runtime.embedded.EmbeddedZeebeEngine;
import io.perfflow.runtime.embedded.EngineBenchmarks;
import io.perfflow.metrics.SqlMetricSource;
import io.perfflow.scorecard.Direction;
import io.perfflow.scoring.Scoring;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PerfFlow at the size of a real company, each figure side by side with its baseline in the same
 * run (ratios compare across machines; absolute times depend on the machine):
 * <ol>
 *   <li>the metric pull of a cycle over every employee: PerfFlow's set-based queries (one query per
 *       metric for everybody) against one query per employee per metric, with the query plans;
 *   <li>scoring: KPI lines scored per second on one core;
 *   <li>the inbox: {@code GET /api/tasks} latency with 10,000 open tasks, with a session and with Basic.
 * </ol>
 * Every figure: one warm-up, then the median of 5 samples with min and max; failures are counted
 * and reported. Run: {@code ./mvnw -Pbenchmark verify -Dtest=CompanyScaleBenchmarkTest}
 * ({@code -Dperfflow.benchmark.employees=10000} by default). Writes {@code target/benchmark/company-scale.md},
 * {@code company-scale.csv} and the plans under {@code target/benchmark/plans/}.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompanyScaleBenchmarkTest extends PerfFlowIntegrationTest {
  static final int EMPLOYEES = Integer.getInteger("perfflow.benchmark.employees", 10_000);
  /** How many employees the per-employee baseline runs for in each sample (its cost is linear; scaled to all). */
  static final int BASELINE_SAMPLE = Integer.getInteger("perfflow.benchmark.baseline-sample", 300);
  static final int OPEN_TASKS = Integer.getInteger("perfflow.benchmark.open-tasks", 10_000);
  /** Samples per figure after the warm-up (5; the CI smoke takes 1). */
  static final int SAMPLES = Integer.getInteger("perfflow.benchmark.samples", 5);
  /** Inbox calls per sample. */
  static final int CALLS = Integer.getInteger("perfflow.benchmark.inbox-calls", 100);
  static final Path OUT = Path.of("target/benchmark");
  /**
   * The figures to measure, by name: {@code pull, scoring, inbox, workers, start} (all by default;
   * e.g. {@code pull,inbox} to iterate on the metric queries and the inbox without the engine and
   * start-up figures). The company is always generated.
   */
  static final Set<String> STEPS = Set.of(System.getProperty("perfflow.benchmark.steps", "pull,scoring,inbox,workers,start").split("\\s*,\\s*"));

  static void step(String name) {
    org.junit.jupiter.api.Assumptions.assumeTrue(STEPS.contains(name), "step " + name + " not in perfflow.benchmark.steps");
  }

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired SqlMetricSource sql;
  @Autowired MetricQueries metricQueries;
  @Autowired io.perfflow.CompanyTime companyTime;
  @Autowired CamundaClient camunda;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired Cycles cycles;
  @LocalServerPort int port;

  /** Shared by the ordered steps of one run: the company, and the figures for the report. */
  static CompanyGenerator.Company company;
  static final Map<String, Figure> FIGURES = new LinkedHashMap<>();
  static final List<String> NOTES = new ArrayList<>();

  /** Median, min and max of the samples, in the figure's unit, and how many calls failed. */
  record Figure(String what, String unit, double median, double min, double max, int failures) {
    static Figure of(String what, String unit, List<Double> samples, int failures) {
      List<Double> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      return new Figure(what, unit, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), failures);
    }
  }

  @FunctionalInterface
  interface Sample {
    double run() throws Exception;
  }

  /** One warm-up, then {@link #SAMPLES} samples. */
  static List<Double> measure(Sample sample) throws Exception {
    sample.run();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      values.add(sample.run());
    }
    return values;
  }

  @Test
  @Order(1)
  void generateTheCompany() throws Exception {
    long start = System.nanoTime();
    company = new CompanyGenerator(dataSource).generate(EMPLOYEES);
    double seconds = (System.nanoTime() - start) / 1e9;
    NOTES.add(String.format(Locale.ROOT, "Company: %,d employees (%,d operators, %,d buyers, %,d agents), %,d rows written with COPY in %.1f s (%,.0f rows/s).",
        company.all().size(), company.operators().size(), company.buyers().size(), company.agents().size(), company.rows(), seconds,
        company.rows() / seconds));
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.employee WHERE id LIKE 'b-%'").query(Long.class).single())
        .isEqualTo(company.all().size());
  }

  /** Each role's metrics: those its normal scorecard reads that have a query. */
  private Map<String, List<String>> metricsByRole() {
    Map<String, List<String>> byRole = new TreeMap<>();
    jdbc.sql("""
            SELECT k.role, k.metric FROM perfflow.scorecard_kpi k JOIN perfflow.metric_definition m ON m.code = k.metric
            WHERE k.profile = 'normal' AND m.query IS NOT NULL ORDER BY k.role, k.position""")
        .query((rs, n) -> byRole.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    return byRole;
  }

  private Map<String, List<String>> employeesByRole() {
    return Map.of("operations", company.operators(), "procurement", company.buyers(), "customer-service", company.agents());
  }

  @Test
  @Order(2)
  void metricPullSetBasedAgainstOneQueryPerEmployee() throws Exception {
    step("pull");
    assertThat(company).as("the company of step 1").isNotNull();
    Map<String, List<String>> people = employeesByRole();
    // Only the roles the generated company has: scorecards of other roles (design, added with the
    // plan templates) have metrics but nobody to pull them for.
    Map<String, List<String>> metrics = metricsByRole();
    metrics.keySet().retainAll(people.keySet());
    assertThat(metrics).as("the generated roles' metrics").isNotEmpty();
    int[] values = {0};
    List<Double> setBased = measure(() -> {
      long start = System.nanoTime();
      int n = 0;
      for (var role : metrics.entrySet()) {
        n += sql.read(people.get(role.getKey()), CompanyGenerator.PERIOD, role.getValue()).size();
      }
      values[0] = n;
      return (System.nanoTime() - start) / 1e9;
    });
    // The baseline: the same values, one query per employee per metric, for a sample of each
    // role (a different random sample each time), scaled linearly to the whole company. A fair
    // per-employee implementation: the definitions are read once, and each query runs the way
    // PerfFlow runs any metric query (MetricQueries: pooled connection, read-only transaction,
    // statement timeout) against the same tables and indexes.
    Map<String, String[]> definitions = new TreeMap<>();
    jdbc.sql("SELECT code, query, datasource FROM perfflow.metric_definition WHERE query IS NOT NULL")
        .query((rs, n) -> definitions.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
    MetricWindow window = MetricWindow.month(CompanyGenerator.PERIOD);
    Random random = new Random(7);
    int[] baselineQueries = {0};
    int[] baselineValues = {0};
    List<Double> perEmployee = measure(() -> {
      double seconds = 0;
      int queries = 0;
      int found = 0;
      for (var role : metrics.entrySet()) {
        List<String> all = people.get(role.getKey());
        int sample = Math.min(all.size(), Math.max(1, BASELINE_SAMPLE * all.size() / company.all().size()));
        long start = System.nanoTime();
        for (int i = 0; i < sample; i++) {
          String id = all.get(random.nextInt(all.size()));
          for (String metric : role.getValue()) {
            String[] d = definitions.get(metric);
            found += metricQueries.run(metric, d[0], d[1], new String[] {id}, window).size();
            queries++;
          }
        }
        seconds += (System.nanoTime() - start) / 1e9 * all.size() / sample;
      }
      baselineQueries[0] = queries;
      baselineValues[0] = found;
      return seconds;
    });
    FIGURES.put("pull-set", Figure.of("Metric pull, set-based (one query per metric)", "s", setBased, 0));
    FIGURES.put("pull-baseline", Figure.of("Metric pull, one query per employee per metric (scaled from a sample)", "s", perEmployee, 0));
    double ratio = median(perEmployee) / median(setBased);
    NOTES.add(String.format(Locale.ROOT, "Metric pull: %,d values for %,d employees and %d metrics; the baseline ran %,d queries per sample "
            + "(%d employees) and was scaled to everyone. **Set-based is %.1f× faster** (goal ≥ 20×), and takes %.2f s (goal under 10 s).",
        values[0], company.all().size(), metrics.values().stream().mapToInt(List::size).sum(), baselineQueries[0], BASELINE_SAMPLE, ratio,
        median(setBased)));
    FIGURES.put("pull-ratio", new Figure("Metric pull, baseline / set-based (ratio of the medians; goal ≥ 20×)", "×", ratio, ratio, ratio, 0));
    assertThat(values[0]).as("the pull found values").isPositive();
    assertThat(baselineValues[0]).as("the baseline found values").isPositive();
    plans(metrics, people);
  }

  private static double median(List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of each metric query over its whole role, and which indexes each used. */
  private void plans(Map<String, List<String>> metrics, Map<String, List<String>> people) throws IOException {
    Path dir = OUT.resolve("plans");
    Files.createDirectories(dir);
    Pattern index = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan) (?:Backward )?(?:using|on) (\\S+)");
    Map<String, Set<String>> usedBy = new TreeMap<>();
    Map<String, String> times = new LinkedHashMap<>();
    for (var role : metrics.entrySet()) {
      for (String metric : role.getValue()) {
        String query = jdbc.sql("SELECT query FROM perfflow.metric_definition WHERE code = ?").param(metric).query(String.class).single();
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + query)
            .param("employeeIds", people.get(role.getKey()).toArray(String[]::new))
            .param("periodStart", CompanyGenerator.PERIOD.atDay(1))
            .param("periodEnd", CompanyGenerator.PERIOD.plusMonths(1).atDay(1))
            .param("companyTimeZone", companyTime.zone().getId())
            .query(String.class).list();
        Files.write(dir.resolve(metric + ".txt"), plan);
        plan.stream().filter(l -> l.startsWith("Execution Time:")).findFirst()
            .ifPresent(l -> times.put(metric, l.substring("Execution Time:".length()).trim()));
        for (String line : plan) {
          Matcher m = index.matcher(line);
          if (m.find()) usedBy.computeIfAbsent(m.group(1), i -> new LinkedHashSet<>()).add(metric);
        }
      }
    }
    StringBuilder t = new StringBuilder("Execution time of each metric query over its whole role (EXPLAIN ANALYZE, one run):\n\n| metric | execution |\n|---|---|\n");
    times.forEach((m, x) -> t.append("| ").append(m).append(" | ").append(x).append(" |\n"));
    NOTES.add(t.toString());
    List<String> sourceIndexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'source' ORDER BY indexname").query(String.class).list();
    StringBuilder s = new StringBuilder("Indexes of the `source` schema and the metric plans that use them:\n\n| index | used by |\n|---|---|\n");
    for (String i : sourceIndexes) {
      s.append("| ").append(i).append(" | ").append(usedBy.containsKey(i) ? String.join(", ", usedBy.get(i)) : "— (no metric plan)").append(" |\n");
    }
    usedBy.keySet().stream().filter(i -> !sourceIndexes.contains(i))
        .forEach(i -> s.append("| ").append(i).append(" (perfflow) | ").append(String.join(", ", usedBy.get(i))).append(" |\n"));
    NOTES.add(s.toString());
  }

  @Test
  @Order(3)
  void scoringLinesPerSecondOnOneCore() throws Exception {
    step("scoring");
    List<Scoring.KpiInput> review = List.of(
        new Scoring.KpiInput("a", Direction.HIGHER_IS_BETTER, new BigDecimal("1200"), new BigDecimal("30"), new BigDecimal("1020")),
        new Scoring.KpiInput("b", Direction.HIGHER_IS_BETTER, new BigDecimal("3"), new BigDecimal("25"), new BigDecimal("2.55")),
        new Scoring.KpiInput("c", Direction.HIGHER_IS_BETTER, new BigDecimal("25"), new BigDecimal("20"), new BigDecimal("21.25")),
        new Scoring.KpiInput("d", Direction.LOWER_IS_BETTER, new BigDecimal("5"), new BigDecimal("15"), new BigDecimal("5.75")),
        new Scoring.KpiInput("e", Direction.HIGHER_IS_BETTER, new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("17")));
    BigDecimal cap = new BigDecimal("1.5");
    BigDecimal[] sink = {BigDecimal.ZERO};
    List<Double> perSecond = measure(() -> {
      long lines = 0;
      long start = System.nanoTime();
      while (System.nanoTime() - start < 1_000_000_000L) {
        for (int i = 0; i < 1000; i++) {
          sink[0] = Scoring.score(review, cap).total();
          lines += review.size();
        }
      }
      return lines / ((System.nanoTime() - start) / 1e9);
    });
    assertThat(sink[0]).isEqualByComparingTo("85.00");
    FIGURES.put("scoring", Figure.of("Scoring, KPI lines per second (one thread)", "lines/s", perSecond, 0));
  }

  @Test
  @Order(4)
  void inboxLatencyWithTenThousandOpenTasks() throws Exception {
    step("inbox");
    assertThat(company).as("the company of step 1").isNotNull();
    // Open tasks straight into the inbox table (what the task listeners write): 1 % offered to
    // ops-managers (olivia's group), the rest to 100 other groups and assignees.
    jdbc.sql("""
            INSERT INTO perfflow.user_task (key, process_instance_key, element_id, name, form_id, assignee, candidate_groups, due_at, status)
            SELECT 9000000000000 + g, 9100000000000 + g, 'approve-review', 'Approve review', 'approval',
                   CASE WHEN g % 3 = 0 THEN 'b-op-' || (g % 4000) END,
                   CASE WHEN g % 100 = 0 THEN ARRAY['ops-managers'] ELSE ARRAY['b-group-' || (g % 100)] END,
                   now() + make_interval(hours => g % 500), 'CREATED'
            FROM generate_series(1, :n) g""").param("n", OPEN_TASKS).update();
    int mine = jdbc.sql("SELECT count(*) FROM perfflow.user_task WHERE status = 'CREATED' AND 'ops-managers' = ANY(candidate_groups)")
        .query(Integer.class).single();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    login(browser, "olivia", "demo");
    HttpClient plain = HttpClient.newHttpClient();
    String basic = "Basic " + Base64.getEncoder().encodeToString("olivia:demo".getBytes(StandardCharsets.UTF_8));
    try {
      inbox("inbox-session", "GET /api/tasks, an approver with a session (" + mine + " of " + OPEN_TASKS + " tasks are theirs)",
          () -> browser.send(HttpRequest.newBuilder(url("/api/tasks")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      inbox("inbox-basic", "GET /api/tasks, the same approver with HTTP Basic",
          () -> plain.send(HttpRequest.newBuilder(url("/api/tasks")).header("Authorization", basic).GET().build(),
              HttpResponse.BodyHandlers.discarding()).statusCode());
    } finally {
      // The other benchmarks share this database: leave no task that no engine knows.
      jdbc.sql("DELETE FROM perfflow.user_task WHERE key > 9000000000000 AND key <= 9000000000000 + :n").param("n", OPEN_TASKS).update();
    }
  }

  @FunctionalInterface
  interface Call {
    int status() throws Exception;
  }

  /** {@link #CALLS} calls per sample; each sample's p50 and p99; the figure is the median over the samples. */
  private void inbox(String key, String what, Call call) throws Exception {
    int[] failures = {0};
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = measure(() -> {
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        long start = System.nanoTime();
        int status = call.status();
        ms.add((System.nanoTime() - start) / 1e6);
        if (status != 200) failures[0]++;
      }
      Collections.sort(ms);
      p50.add(ms.get(ms.size() / 2));
      return ms.get((int) Math.ceil(ms.size() * 0.99) - 1);
    });
    FIGURES.put(key + "-p50", Figure.of(what + ", p50", "ms", p50.subList(1, p50.size()), failures[0]));
    FIGURES.put(key + "-p99", Figure.of(what + ", p99 (goal ≤ 50 ms)", "ms", p99, failures[0]));
    assertThat(failures[0]).as("failed inbox calls").isZero();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void login(HttpClient browser, String user, String password) throws Exception {
    String page = browser.send(HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("a CSRF token on the login page").isTrue();
    int status = browser.send(HttpRequest.newBuilder(url("/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    assertThat(status).as("login").isEqualTo(302);
  }

  /** Instances per sample of the workers-against-the-ceiling figure. */
  static final int REVIEW_INSTANCES = Integer.getInteger("perfflow.benchmark.review-instances", 50);
  /** Rounds of both models before the first level's samples, so that the JIT has compiled the workers' code (5, in the CI smoke too: 5 instances a round there). */
  static final int WORKERS_WARM_UP = Integer.getInteger("perfflow.benchmark.workers-warm-up", 5);
  /** The waiting user tasks that figure is measured with. */
  static final int[] WAITING = java.util.Arrays.stream(System.getProperty("perfflow.benchmark.waiting", "0,1000,2000").split(","))
      .mapToInt(w -> Integer.parseInt(w.trim())).toArray();

  /**
   * {@code performance-review} from start to its first user task (self-assessment, created and
   * assigned to the employee: its creating and assigning listeners done) with PerfFlow's real workers (metrics collected and scored from the
   * database, rating recorded, the task written to the inbox), against the same model with every
   * job type renamed and served by workers that only complete the job, on the same engine in the
   * same run: how much of the engine's ceiling the workers leave. Each with 0 / 1,000 / 2,000
   * instances waiting at a user task (issue 9's helpers start them). The samples of the two
   * alternate, so a change of the machine's load hits both.
   */
  @Test
  @Order(5)
  void reviewWorkersAgainstTheEnginesCeilingWithWaitingTasks() throws Exception {
    step("workers");
    assertThat(company).as("the company of step 1").isNotNull();
    String model = Files.readString(Path.of("processes/performance-review.bpmn"));
    String noopModel = model.replace("\"performance-review\"", "\"performance-review-noop\"").replace("type=\"perfflow.", "type=\"noop.perfflow.");
    camunda.newDeployResourceCommand().addResourceBytes(noopModel.getBytes(StandardCharsets.UTF_8), "performance-review-noop.bpmn").send().join();
    EngineBenchmarks.deployWaitingModel(camunda);
    Set<String> types = new java.util.TreeSet<>();
    Matcher type = Pattern.compile("type=\"(noop\\.perfflow\\.[^\"]+)\"").matcher(noopModel);
    while (type.find()) types.add(type.group(1));
    List<JobWorker> noop = new ArrayList<>();
    for (String t : types) {
      // The rating decision reads the total; task listener jobs must complete without variables.
      noop.add(camunda.newWorker().jobType(t).handler((client, job) -> {
        var complete = client.newCompleteCommand(job);
        if (t.endsWith(".compute-scores")) complete.variables(Map.of("total", 85, "kpiLines", List.of()));
        complete.send().join();
      }).maxJobsActive(16).streamEnabled(true).fetchVariables(List.of("reviewId")).open());
    }
    int needed = (WORKERS_WARM_UP + WAITING.length * (SAMPLES + 1)) * REVIEW_INSTANCES;
    java.util.ArrayDeque<Cycles.ReviewRef> reviews = new java.util.ArrayDeque<>(reviews(needed));
    List<Long> waiting = new ArrayList<>();
    int[] failures = {0, 0};
    try {
      // The JIT first: the real workers run far more code (Spring, JDBC, Jackson) than the no-op
      // ones, and one sample of 50 did not compile it (the real model's CPU per instance still
      // fell by half from the first level to the third, the no-op model's much less).
      for (int i = 0; i < WORKERS_WARM_UP; i++) {
        toFirstTask("performance-review", reviews, failures, 0);
        toFirstTask("performance-review-noop", null, failures, 1);
      }
      for (int level : WAITING) {
        waiting.addAll(EngineBenchmarks.addWaiting(engine, camunda, level - waiting.size()));
        List<Double> real = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        List<List<Double>> realCpu = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> noopCpu = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i <= SAMPLES; i++) { // sample 0 is the warm-up
          Run r;
          Run c;
          if (i % 2 == 0) {
            r = toFirstTask("performance-review", reviews, failures, 0);
            c = toFirstTask("performance-review-noop", null, failures, 1);
          } else {
            c = toFirstTask("performance-review-noop", null, failures, 1);
            r = toFirstTask("performance-review", reviews, failures, 0);
          }
          if (i > 0) {
            real.add(r.perSecond());
            ceiling.add(c.perSecond());
            realCpu.get(0).add(r.jvmCpuMs());
            realCpu.get(1).add(r.postgresCpuMs());
            noopCpu.get(0).add(c.jvmCpuMs());
            noopCpu.get(1).add(c.postgresCpuMs());
          }
        }
        FIGURES.put("review-real-cpu-jvm-" + level, Figure.of("CPU per instance, real workers, " + level
            + " waiting tasks: PerfFlow's JVM (engine, workers, client)", "ms", realCpu.get(0), failures[0]));
        FIGURES.put("review-real-cpu-postgres-" + level, Figure.of("CPU per instance, real workers, " + level
            + " waiting tasks: PostgreSQL", "ms", realCpu.get(1), failures[0]));
        FIGURES.put("review-noop-cpu-jvm-" + level, Figure.of("CPU per instance, no-op workers, " + level
            + " waiting tasks: PerfFlow's JVM", "ms", noopCpu.get(0), failures[1]));
        FIGURES.put("review-noop-cpu-postgres-" + level, Figure.of("CPU per instance, no-op workers, " + level
            + " waiting tasks: PostgreSQL", "ms", noopCpu.get(1), failures[1]));
        FIGURES.put("review-real-" + level, Figure.of("performance-review start to first user task, real workers, " + level
            + " waiting tasks", "instances/s", real, failures[0]));
        FIGURES.put("review-noop-" + level, Figure.of("the same model with no-op workers (the engine's ceiling), " + level
            + " waiting tasks", "instances/s", ceiling, failures[1]));
        NOTES.add(String.format(Locale.ROOT, "Workers against the ceiling with %,d waiting tasks: **%.2f×** (median real / median no-op; goal ≥ 0.8×).",
            level, median(real) / median(ceiling)));
      }
    } finally {
      noop.forEach(JobWorker::close);
      EngineBenchmarks.cancel(engine, camunda, waiting);
      jdbc.sql("UPDATE perfflow.review_cycle SET status = 'CLOSED', closed_at = now() WHERE started_by = 'benchmark'").update();
    }
    NOTES.add(String.format(Locale.ROOT, "Workers against the ceiling: %d instances per sample, all started at once; a sample ends when the "
        + "engine has written the last instance's USER_TASK ASSIGNED (self-assessment created and assigned, its listeners done); the instances are cancelled after each sample. Failures: "
        + "instances not at their task within 5 minutes or refused (real %d, no-op %d).", REVIEW_INSTANCES, failures[0], failures[1]));
    assertThat(failures[0] + failures[1]).as("instances that did not reach their first task").isZero();
  }

  /** Reviews ready to run (cycles of benchmark operators prepared as a cycle prepares them: rows, lines, metrics read set-based). */
  private List<Cycles.ReviewRef> reviews(int n) {
    List<Cycles.ReviewRef> all = new ArrayList<>();
    while (all.size() < n) {
      List<String> scope = company.operators().subList(0, Math.min(company.operators().size(), n - all.size()));
      long cycle = jdbc.sql("INSERT INTO perfflow.review_cycle (period, status, employee_ids, started_by) VALUES (?, 'RUNNING', ?, 'benchmark') RETURNING id")
          .params(CompanyGenerator.PERIOD.toString(), scope.toArray(String[]::new)).query(Long.class).single();
      all.addAll(cycles.prepare(cycle));
    }
    return all;
  }

  /**
   * Starts {@link #REVIEW_INSTANCES} instances of {@code process} at once and follows the engine's
   * log until each has its first user task created and assigned; instances per second. {@code reviews} null:
   * the no-op model's variables. The instances are cancelled afterwards (not timed).
   */
  private Run toFirstTask(String process, java.util.Deque<Cycles.ReviewRef> reviews, int[] failures, int failureSlot) throws Exception {
    long[] position = {engine.forEachRecord(lastPosition, r -> {})};
    lastPosition = position[0];
    long jvmCpu = jvmCpuNanos();
    long pgCpu = postgresCpuTicks();
    Set<Long> created = new java.util.HashSet<>();
    List<CompletableFuture<ProcessInstanceEvent>> starts = new ArrayList<>();
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(64);
    long start = System.nanoTime();
    for (int i = 0; i < REVIEW_INSTANCES; i++) {
      Map<String, Object> variables = new LinkedHashMap<>();
      if (reviews != null) {
        Cycles.ReviewRef r = reviews.removeFirst();
        variables.put("reviewId", r.reviewId());
        variables.put("employeeId", r.employeeId());
        variables.put("managerId", r.managerId());
        variables.put("role", r.role());
      } else {
        variables.put("reviewId", -1);
        variables.put("employeeId", "b-noop");
        variables.put("managerId", "olivia");
        variables.put("role", "operations");
      }
      slots.acquireUninterruptibly();
      starts.add(camunda.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().variables(variables).send()
          .toCompletableFuture().whenComplete((e, x) -> slots.release()));
    }
    Set<Long> keys = new java.util.HashSet<>();
    for (var f : starts) {
      try {
        keys.add(f.join().getProcessInstanceKey());
      } catch (RuntimeException e) {
        failures[failureSlot]++;
      }
    }
    long deadline = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    long done = 0;
    while (System.nanoTime() < deadline) {
      position[0] = engine.forEachRecord(position[0], r -> {
        if (r.getValueType() == ValueType.USER_TASK && r.getRecordType() == RecordType.EVENT && r.getIntent() == UserTaskIntent.ASSIGNED) {
          created.add(((UserTaskRecordValue) r.getValue()).getProcessInstanceKey());
        }
      });
      if (created.containsAll(keys)) {
        done = System.nanoTime();
        break;
      }
      Thread.sleep(5); // following the engine's log, not waiting for a timer
    }
    if (done == 0) {
      keys.stream().filter(k -> !created.contains(k)).forEach(k -> failures[failureSlot]++);
      done = System.nanoTime();
    }
    double jvmMs = (jvmCpuNanos() - jvmCpu) / 1e6 / Math.max(1, keys.size());
    double pgMs = (postgresCpuTicks() - pgCpu) * 1000.0 / CLOCK_TICKS / Math.max(1, keys.size());
    lastPosition = position[0];
    EngineBenchmarks.cancel(engine, camunda, new ArrayList<>(keys));
    return new Run(keys.size() / ((done - start) / 1e9), jvmMs, pgMs);
  }

  /** One sample of {@link #toFirstTask}: instances per second, and CPU per instance in this JVM and in PostgreSQL. */
  record Run(double perSecond, double jvmCpuMs, double postgresCpuMs) {}

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Linux's clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every Linux PerfFlow runs on). */
  static final int CLOCK_TICKS = 100;

  /**
   * User and system CPU ticks of this test's PostgreSQL: its postmaster, with what its ended
   * children used (it reaps them), and every live process under it. A backend that ends between
   * two readings moves from the live ones to the postmaster's reaped ones, so it is counted once.
   */
  private long postgresCpuTicks() {
    long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
    return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
        .map(postmaster -> cpuTicks(postmaster, true) + postmaster.children().mapToLong(p -> cpuTicks(p, false)).sum())
        .orElse(0L);
  }

  private static long cpuTicks(ProcessHandle p, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime (fields 14 and 15); cutime, cstime (16 and 17): the ended children's
      return Long.parseLong(f[11]) + Long.parseLong(f[12]) + (withReapedChildren ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
    } catch (IOException | RuntimeException e) {
      return 0; // a backend that ended in between (its CPU is in the postmaster's reaped children's now)
    }
  }

  static long lastPosition = -1;

  /**
   * Start to healthy and idle memory of PerfFlow as a user starts it: a JVM of its own
   * ({@code java -cp … PerfFlowApplication}, no memory flags), a fresh data folder (migrations,
   * demo company seeded) and then a restart on the same folder; then a restart on a folder whose
   * engine holds a year of monthly cycles of a 50-person company (issue 9: first a start that
   * creates its database, then the measured restart). Health polled every 50 ms until {@code UP};
   * resident memory of the JVM (and, apart, of its PostgreSQL) after 10 s idle. When this build
   * made the fast-start jar and its AOT cache ({@code -Pfast-start}), the same again with
   * {@code java -XX:AOTCache=… -jar}, as {@code docs/operations.md} tells a company to start it.
   */
  @Test
  @Order(6)
  void startToHealthyAndIdleMemory() throws Exception {
    step("start");
    Path year = Files.createTempDirectory("perfflow-year-of-cycles");
    try {
      long records = EngineBenchmarks.writeAYearOfCycles(year.resolve("engine"));
      int[] failures = {0};
      for (Launch launch : launches()) {
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> withYear = new ArrayList<>();
        List<Double> rssFirst = new ArrayList<>();
        List<Double> rssAgain = new ArrayList<>();
        List<Double> rssYear = new ArrayList<>();
        List<Double> pgRss = new ArrayList<>();
        for (int i = 0; i <= SAMPLES; i++) { // sample 0 is the warm-up (the OS's file cache)
          Path dir = Files.createTempDirectory("perfflow-start");
          Path yearDir = Files.createTempDirectory("perfflow-start-year");
          try {
            double[] a = startStop(launch, dir, failures, true);
            double[] b = startStop(launch, dir, failures, true);
            if (i == 0) {
              continue;
            }
            org.springframework.util.FileSystemUtils.copyRecursively(year.resolve("engine"), yearDir.resolve("engine"));
            startStop(launch, yearDir, failures, false); // creates, migrates and seeds the database beside the year
            double[] c = startStop(launch, yearDir, failures, true);
            if (!Double.isNaN(a[0]) && !Double.isNaN(b[0]) && !Double.isNaN(c[0])) {
              first.add(a[0]);
              rssFirst.add(a[1]);
              again.add(b[0]);
              rssAgain.add(b[1]);
              pgRss.add(b[2]);
              withYear.add(c[0]);
              rssYear.add(c[1]);
            }
          } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            org.springframework.util.FileSystemUtils.deleteRecursively(yearDir);
          }
        }
        if (first.isEmpty()) {
          throw new AssertionError("no start" + launch.what() + " got healthy (" + failures[0] + " failed)");
        }
        String k = launch.key();
        String w = launch.what();
        FIGURES.put(k + "start-first", Figure.of("Start to healthy" + w + ", first start (empty data folder: migrations, demo company; goal ≤ 15 s)", "s", first, failures[0]));
        FIGURES.put(k + "start-again", Figure.of("Start to healthy" + w + ", restart on the same data (goal ≤ 15 s)", "s", again, failures[0]));
        FIGURES.put(k + "start-year", Figure.of(String.format(Locale.ROOT, "Start to healthy%s, restart with a year of engine history "
            + "(50 people's monthly cycles: %,d records; goal ≤ 15 s)", w, records), "s", withYear, failures[0]));
        FIGURES.put(k + "rss-first", Figure.of("Idle RSS of the JVM" + w + " 10 s after the first start (goal ≤ 600 MB)", "MB", rssFirst, failures[0]));
        FIGURES.put(k + "rss-again", Figure.of("Idle RSS of the JVM" + w + " 10 s after the restart (goal ≤ 600 MB)", "MB", rssAgain, failures[0]));
        FIGURES.put(k + "rss-year", Figure.of("Idle RSS of the JVM" + w + " 10 s after the restart with a year of history (goal ≤ 600 MB)", "MB", rssYear, failures[0]));
        FIGURES.put(k + "rss-postgres", Figure.of("Idle RSS of its embedded PostgreSQL" + w + " (all its processes; shared memory counted once per process)", "MB", pgRss, failures[0]));
      }
      assertThat(failures[0]).as("starts that did not get healthy").isZero();
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(year);
    }
  }

  /** A way to start PerfFlow: {@code key} prefixes its figures' keys, {@code what} goes into their names. */
  record Launch(String key, String what, List<String> java) {}

  /**
   * The plain start from this build's class path; and the fast-start build when this run made it
   * ({@code -Pfast-start} packages it before the benchmark runs). {@code -XX:AOTMode=on}: a cache
   * the JVM refuses fails the start instead of silently measuring a start without it.
   */
  static List<Launch> launches() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Launch> all = new ArrayList<>();
    all.add(new Launch("", "", List.of(java, "-cp", System.getProperty("java.class.path"), "io.perfflow.PerfFlowApplication")));
    Path fastStart = Path.of("target/fast-start").toAbsolutePath();
    Path cache = fastStart.resolve("perfflow.aot");
    if (Files.exists(cache)) {
      Path jar;
      try (var jars = Files.list(fastStart)) {
        jar = jars.filter(f -> f.getFileName().toString().matches("perfflow-.*\\.jar")).findFirst()
            .orElseThrow(() -> new AssertionError("target/fast-start has an AOT cache but no jar"));
      }
      all.add(new Launch("fast-", " (fast-start build: JDK AOT cache)",
          List.of(java, "-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-jar", jar.toString())));
    }
    return all;
  }

  /**
   * One start: seconds to healthy, idle JVM RSS (MB), idle RSS of its PostgreSQL (MB) (without
   * {@code idle}: no memory, NaN); then SIGTERM and wait.
   */
  private double[] startStop(Launch launch, Path dir, int[] failures, boolean idle) throws Exception {
    int appPort = io.perfflow.support.FreePorts.belowTheEphemeralRange();
    List<String> command = new ArrayList<>(launch.java());
    command.addAll(List.of("--server.port=" + appPort, "--perfflow.embedded.postgres.data-dir=" + dir.resolve("postgres"),
        "--perfflow.embedded.engine.data-dir=" + dir.resolve("engine")));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI health = URI.create("http://127.0.0.1:" + appPort + "/actuator/health");
      long deadline = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
      double seconds = -1;
      while (System.nanoTime() < deadline && p.isAlive()) {
        try {
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(health).timeout(java.time.Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
            seconds = (System.nanoTime() - start) / 1e9;
            break;
          }
        } catch (IOException notYet) {
          // the port is not open yet
        }
        Thread.sleep(50); // polling a child process's health, not waiting for a timer
      }
      if (seconds < 0) {
        failures[0]++;
        Files.createDirectories(OUT);
        Files.copy(dir.resolve("log.txt"), OUT.resolve("failed-start-" + failures[0] + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
      }
      if (!idle) {
        return new double[] {seconds, Double.NaN, Double.NaN};
      }
      Thread.sleep(10_000); // idle
      // The embedded PostgreSQL runs detached from the JVM: its postmaster's pid is in its data folder.
      long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
      long pg = ProcessHandle.of(postmaster).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants())
          .mapToLong(x -> EmbeddedScaleBenchmarkTest.residentMb(x.pid())).sum()).orElse(0L);
      return new double[] {seconds, EmbeddedScaleBenchmarkTest.residentMb(p.pid()), pg};
    } finally {
      List<ProcessHandle> children = p.toHandle().descendants().toList();
      p.destroy();
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      for (ProcessHandle h : children) {
        try {
          h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          h.destroyForcibly();
        }
      }
      // A PostgreSQL the stopped application left running (it stops it itself on SIGTERM).
      Path pid = dir.resolve("postgres").resolve("postmaster.pid");
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(h -> {
          h.destroy();
          try {
            h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
          } catch (Exception e) {
            h.destroyForcibly();
          }
        });
      }
    }
  }

  @Test
  @Order(7)
  void writeTheReport() throws Exception {
    Files.createDirectories(OUT);
    StringBuilder md = new StringBuilder("# PerfFlow at company scale (" + java.time.LocalDate.now() + ")\n\n");
    md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM; JVM %s, max heap %d MB; %s (the embedded one: %s).%n%n"
            + "Load average (1, 5, 15 min) at the start: %s; at the end: %s. Whole run: %.1f min (generation included).%n%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
        jdbc.sql("SELECT split_part(version(), ' on ', 1)").query(String.class).single(),
        jdbc.sql("SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings "
            + "WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem')").query(String.class).single(),
        LOAD_AT_START, loadAverage(), (System.nanoTime() - RUN_START) / 60e9));
    md.append("| figure | median | min | max | unit | failures |\n|---|---|---|---|---|---|\n");
    StringBuilder csv = new StringBuilder("figure,median,min,max,unit,failures\n");
    for (var f : FIGURES.entrySet()) {
      Figure x = f.getValue();
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d |%n", x.what(), fmt(x.median()), fmt(x.min()), fmt(x.max()), x.unit(), x.failures()));
      csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%s,%d%n", f.getKey(), x.median(), x.min(), x.max(), x.unit(), x.failures()));
    }
    md.append('\n');
    NOTES.forEach(n -> md.append(n).append("\n\n"));
    Files.writeString(OUT.resolve("company-scale.md"), md);
    Files.writeString(OUT.resolve("company-scale.csv"), csv);
    System.out.println(md);
    List<String> expected = new ArrayList<>();
    if (STEPS.contains("pull")) expected.addAll(List.of("pull-set", "pull-baseline"));
    if (STEPS.contains("scoring")) expected.add("scoring");
    if (STEPS.contains("inbox")) expected.addAll(List.of("inbox-session-p99", "inbox-basic-p99"));
    if (STEPS.contains("workers")) expected.addAll(List.of("review-real-" + WAITING[0], "review-noop-" + WAITING[0]));
    if (STEPS.contains("start")) expected.addAll(List.of("start-first", "start-again", "start-year", "rss-first"));
    int hold = Integer.getInteger("perfflow.benchmark.hold-minutes", 0);
    if (hold > 0) {
      // For looking into the generated company by hand (psql, EXPLAIN) before it is thrown away.
      System.out.println("Holding the database for " + hold + " min: "
          + ((com.zaxxer.hikari.HikariDataSource) dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class)).getJdbcUrl());
      Thread.sleep(java.time.Duration.ofMinutes(hold));
    }
    assertThat(FIGURES).as("every step asked for produced its figures").containsKeys(expected.toArray(String[]::new));
  }

  static final long RUN_START = System.nanoTime();
  static final String LOAD_AT_START = loadAverage();

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
          .map(l -> (Long.parseLong(l.replaceAll("\\D+", "")) >> 20) + " GiB").orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
