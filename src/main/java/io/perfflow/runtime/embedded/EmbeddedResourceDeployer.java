package io.perfflow.runtime.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.perfflow.engine.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models ({@code processes/**}/*.bpmn, *.dmn, {@code forms/**}/*.form on the
 * classpath, with the process families' {@link ModelSettings} applied) to the embedded engine,
 * and only those that changed since the engine last took them.
 *
 * <p>The engine keeps an unchanged resource's version, but it still parses and validates every
 * resource of a deployment first: deploying all 28 at every start took about 6 s of a 26 s start
 * on 2 cores. So the engine's data folder remembers the SHA-256 of what it was given
 * ({@code deployed-resources}, written after the engine acknowledged the deployment, so after its
 * records are on disk), and a start on the same engine data sends only what differs: usually
 * nothing. An engine that started without its data (a first start, removed or unreadable data, a
 * throw-away folder) gets everything.
 *
 * <p>The deployment runs in the background from the moment every bean exists (while the web
 * server and the job workers start) and PerfFlow is not ready before it is done: its application
 * runner waits for it, and a deployment the engine rejects fails the start. That runner comes
 * after the demo seed (which writes only to PostgreSQL), so on a first start the seed and the
 * deployment share the wait instead of adding up, and before {@link EmbeddedRestartRecovery}
 * (which may start processes again).
 */
@Component
@Profile("embedded")
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class EmbeddedResourceDeployer implements SmartInitializingSingleton, ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedResourceDeployer.class);
  static final List<String> PATTERNS =
      List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

  static final java.time.Duration DEPLOY_TIMEOUT = java.time.Duration.ofMinutes(2);
  private final CamundaClient client;
  private final EmbeddedZeebeEngine engine;
  private final ModelSettings settings;
  private volatile CompletableFuture<List<String>> deployment;

  EmbeddedResourceDeployer(CamundaClient client, EmbeddedZeebeEngine engine, ModelSettings settings) {
    this.client = client;
    this.engine = engine;
    this.settings = settings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    deployment = CompletableFuture.supplyAsync(() -> deployChanged(settings.apply(resources())), r -> {
      Thread t = new Thread(r, "perfflow-deployment");
      t.setDaemon(true);
      t.start();
    });
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      deployment.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The models deployed at this start (empty when none had changed); waits for the deployment. */
  public List<String> deployedAtStart() {
    return deployment.join();
  }

  /** Deploys those of {@code resources} the engine does not have as they are; returns their names. */
  List<String> deployChanged(Map<String, byte[]> resources) {
    return deployChanged(client, engine, resources);
  }

  static List<String> deployChanged(CamundaClient client, EmbeddedZeebeEngine engine, Map<String, byte[]> resources) {
    if (resources.isEmpty()) {
      LOG.warn("No processes, decisions or forms on the classpath; nothing to deploy");
      return List.of();
    }
    Map<String, String> digests = new LinkedHashMap<>();
    resources.forEach((name, bytes) -> digests.put(name, sha256(bytes)));
    Map<String, String> known = engine.history() == EmbeddedZeebeEngine.History.RESTORED ? engine.deployedResources() : Map.of();
    List<String> changed = digests.keySet().stream().filter(name -> !digests.get(name).equals(known.get(name))).toList();
    if (changed.isEmpty()) {
      LOG.info("{} models unchanged since the engine last took them: nothing to deploy", resources.size());
      return changed;
    }
    DeployResourceCommandStep2 command = null;
    for (String name : changed) {
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(resources.get(name), name)
          : command.addResourceBytes(resources.get(name), name);
    }
    // The engine is in this process: a deployment that takes long means a busy machine (28
    // models took over 30 s, the client's default, at a load average of 25 on 2 cores). Sent
    // again after a time-out: the engine keeps an unchanged resource's version.
    long key = -1;
    for (int attempt = 1; key < 0; attempt++) {
      try {
        key = command.requestTimeout(DEPLOY_TIMEOUT).send().join().getKey();
      } catch (io.camunda.client.api.command.ClientStatusException e) {
        if (attempt >= 3 || e.getStatusCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED) {
          throw e;
        }
        LOG.warn("The deployment of {} models was not answered within {} (attempt {}); sending it again", changed.size(), DEPLOY_TIMEOUT, attempt);
      }
    }
    engine.rememberDeployedResources(digests);
    LOG.info("Deployed {} of {} models (deployment {}){}", changed.size(), resources.size(), key,
        changed.size() == resources.size() ? "" : ": " + String.join(", ", changed) + " changed since the last start");
    return changed;
  }

  /** The models by file name, in a stable order. */
  static Map<String, byte[]> resources() {
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models from the classpath", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
