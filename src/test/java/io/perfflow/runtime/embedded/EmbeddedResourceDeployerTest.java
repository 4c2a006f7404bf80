package io.perfflow.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start on the same engine data deploys only the models that changed since the engine took
 * them (the engine parses and validates every resource of a deployment, changed or not); an
 * engine without its data gets everything again.
 */
@io.perfflow.support.ApplicationTest
class EmbeddedResourceDeployerTest {
  @TempDir Path data;
  EmbeddedZeebeEngine engine;
  CamundaClient client;

  void start() throws Exception {
    BareEngine bare = BareEngine.start(data.resolve("engine").toString());
    engine = bare.engine();
    client = bare.client();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (engine != null) {
      engine.stop();
      engine = null;
    }
  }

  static byte[] model(String id, String taskName) {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(id).startEvent().userTask("t", t -> t.name(taskName).zeebeUserTask()).endEvent().done())
        .getBytes(StandardCharsets.UTF_8);
  }

  long latestVersion(String processId) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join().getVersion();
  }

  @Test
  void onlyChangedModelsAreDeployedAgain() throws Exception {
    Map<String, byte[]> models = new LinkedHashMap<>();
    models.put("a.bpmn", model("a", "first"));
    models.put("b.bpmn", model("b", "first"));
    start();
    assertThat(EmbeddedResourceDeployer.deployChanged(client, engine, models)).as("a first start gets everything")
        .containsExactly("a.bpmn", "b.bpmn");

    stop();
    start();
    assertThat(engine.history()).isEqualTo(EmbeddedZeebeEngine.History.RESTORED);
    assertThat(EmbeddedResourceDeployer.deployChanged(client, engine, models)).as("nothing changed").isEmpty();
    assertThat(latestVersion("a")).isEqualTo(1);

    models.put("b.bpmn", model("b", "second"));
    models.put("c.bpmn", model("c", "first"));
    assertThat(EmbeddedResourceDeployer.deployChanged(client, engine, models)).containsExactly("b.bpmn", "c.bpmn");
    assertThat(latestVersion("a")).isEqualTo(1);
    assertThat(latestVersion("b")).isEqualTo(2);
    assertThat(latestVersion("c")).isEqualTo(1);
    assertThat(EmbeddedResourceDeployer.deployChanged(client, engine, models)).isEmpty();

    // without its data (removed here) the engine gets every model, whatever the folder remembers
    stop();
    Path dir = data.resolve("engine");
    for (String gone : new String[] {"log", "snapshots", "runtime"}) {
      EngineFiles.deleteRecursively(dir.resolve(gone));
    }
    assertThat(Files.exists(dir.resolve(EngineFiles.DEPLOYED))).isTrue();
    start();
    assertThat(engine.history()).isEqualTo(EmbeddedZeebeEngine.History.NONE);
    assertThat(EmbeddedResourceDeployer.deployChanged(client, engine, models)).containsExactly("a.bpmn", "b.bpmn", "c.bpmn");
    assertThat(latestVersion("b")).isEqualTo(1);
  }
}
