package io.perfflow.runtime.embedded;

import io.camunda.client.CamundaClient;
import io.perfflow.engine.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In the embedded runtime the starter deploys the models as they are; once the application is
 * ready this deploys again each model whose {@link io.perfflow.engine.ModelSetting}s differ
 * (the camunda runtime's deployer applies them before its single deployment).
 */
@Component
@Profile("embedded")
class EmbeddedModelSettingsDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedModelSettingsDeployer.class);

  private final ModelSettings settings;
  private final CamundaClient client;

  EmbeddedModelSettingsDeployer(ModelSettings settings, CamundaClient client) {
    this.settings = settings;
    this.client = client;
  }

  @EventListener(ApplicationReadyEvent.class)
  void deployChangedModels() {
    for (String file : settings.changedFiles(readAll())) {
      client.newDeployResourceCommand().addResourceBytes(settings.apply(file, read(file)), file).send().join();
      LOG.info("{} deployed again with its configured settings", file);
    }
  }

  private java.util.Map<String, byte[]> readAll() {
    java.util.Map<String, byte[]> models = new java.util.LinkedHashMap<>();
    for (String file : settings.files()) {
      models.put(file, read(file));
    }
    return models;
  }

  private static byte[] read(String file) {
    try (InputStream in = new ClassPathResource("processes/" + file).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
