package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the models on the classpath ({@code processes/**}/*.bpmn, *.dmn, {@code forms/**}/*.form
 * — the top-level folders the modeler edits, copied by the build) in one deployment, in the
 * background, once the application is ready, and retries with back-off until the cluster takes
 * it. The engine keeps the current version when a resource is unchanged, so deploying at every
 * start is idempotent, also with several PerfFlow replicas. A deployment the engine rejects as
 * invalid (HTTP 400) is not retried: fix the model.
 */
public class CamundaResourceDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaResourceDeployer.class);
  static final List<String> PATTERNS =
      List.of("classpath:processes/**/*.bpmn", "classpath:processes/**/*.dmn", "classpath:forms/**/*.form");

  private final CamundaClient client;
  private final ClusterStatus status;
  private final Duration maxBackoff;
  private final UnaryOperator<Map<String, byte[]>> customizer;
  private volatile Thread worker;

  public CamundaResourceDeployer(CamundaClient client, ClusterStatus status, Duration maxBackoff) {
    this(client, status, maxBackoff, UnaryOperator.identity());
  }

  /** {@code customizer} may change a model before it is deployed (the process families' model settings). */
  public CamundaResourceDeployer(
      CamundaClient client, ClusterStatus status, Duration maxBackoff, UnaryOperator<Map<String, byte[]>> customizer) {
    this.client = client;
    this.status = status;
    this.maxBackoff = maxBackoff;
    this.customizer = customizer;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void deployInBackground() {
    Thread thread = new Thread(this::deployUntilDone, "perfflow-camunda-deployer");
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  public void stop() {
    Thread thread = worker;
    if (thread != null) {
      thread.interrupt();
    }
  }

  void deployUntilDone() {
    Map<String, byte[]> resources;
    try {
      resources = customizer.apply(resources());
    } catch (IOException e) {
      LOG.error("Could not read the models from the classpath; nothing deployed", e);
      status.deployment("failed: " + e.getMessage());
      return;
    }
    if (resources.isEmpty()) {
      LOG.warn("No processes, decisions or forms on the classpath; nothing to deploy");
      status.deployment("nothing to deploy");
      return;
    }
    Duration backoff = Duration.ofSeconds(2);
    for (int attempt = 1; !Thread.currentThread().isInterrupted(); attempt++) {
      try {
        DeploymentEvent event = deploy(resources);
        LOG.info(
            "Deployed {} resources to Camunda (deployment {}; {} processes, {} decisions, {} forms)",
            resources.size(), event.getKey(), event.getProcesses().size(), event.getDecisions().size(),
            event.getForm().size());
        status.deployment("deployed " + resources.size() + " resources");
        return;
      } catch (RuntimeException e) {
        ClientHttpException http = httpError(e);
        if (http != null && http.code() >= 400 && http.code() < 500 && http.code() != 408 && http.code() != 429) {
          LOG.error("Camunda rejected the deployment of {}: {}", resources.keySet(), CamundaClusterProbe.describe(e));
          status.deployment("rejected: " + CamundaClusterProbe.describe(e));
          return;
        }
        String why = CamundaClusterProbe.describe(e);
        status.deployment("pending (attempt " + attempt + "): " + why);
        LOG.warn("Deployment to Camunda failed (attempt {}), retrying in {} s: {}", attempt, backoff.toSeconds(), why);
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      }
    }
  }

  DeploymentEvent deploy(Map<String, byte[]> resources) {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 ready = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      ready =
          ready == null
              ? command.addResourceBytes(resource.getValue(), resource.getKey())
              : ready.addResourceBytes(resource.getValue(), resource.getKey());
    }
    return ready.send().join();
  }

  /** The models by file name, in a stable order. */
  static Map<String, byte[]> resources() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String pattern : PATTERNS) {
      found.addAll(List.of(resolver.getResources(pattern)));
    }
    found.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())));
    Map<String, byte[]> byName = new LinkedHashMap<>();
    for (Resource resource : found) {
      try (InputStream in = resource.getInputStream()) {
        byName.putIfAbsent(resource.getFilename(), in.readAllBytes());
      }
    }
    return byName;
  }

  private static ClientHttpException httpError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClientHttpException http) {
        return http;
      }
    }
    return null;
  }
}
