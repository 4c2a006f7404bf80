package io.perfflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contributed model setting is written into the model at deployment, and nothing else changes. */
class ModelSettingsTest {
  private static final String FILE = "supplier-delay-scan.bpmn";

  private static byte[] scanModel() throws Exception {
    return Files.readAllBytes(Path.of("processes", FILE));
  }

  @Test
  void aChangedIntervalIsWrittenIntoTheTimerAndTheDiagramStays() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "scan-timer-definition", "R/PT30M")));
    byte[] original = scanModel();
    Map<String, byte[]> deployed = settings.apply(Map.of(FILE, original, "other.bpmn", new byte[] {1}));

    assertThat(settings.changedFiles(Map.of(FILE, original))).containsExactly(FILE);
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(deployed.get(FILE)));
    TimerEventDefinition timer = model.getModelElementById("scan-timer-definition");
    assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("R/PT30M");
    assertThat(new String(deployed.get(FILE), java.nio.charset.StandardCharsets.UTF_8)).contains("BPMNDiagram", "BPMNShape");
    assertThat(deployed.get("other.bpmn")).containsExactly(1);
  }

  @Test
  void aSettingEqualToTheModelLeavesTheFileAsItIs() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "scan-timer-definition", "R/PT1H")));
    byte[] original = scanModel();
    assertThat(settings.changedFiles(Map.of(FILE, original))).isEmpty();
    assertThat(settings.apply(Map.of(FILE, original)).get(FILE)).isEqualTo(original);
  }

  @Test
  void aSettingForATimerTheModelDoesNotHaveFailsNamingIt() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "no-such-timer", "R/PT30M")));
    assertThatThrownBy(() -> settings.apply(Map.of(FILE, scanModel())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-timer");
  }

  @Test
  void aConfiguredIntervalBecomesATimeCycleOrFailsNamingItsProperty() {
    assertThat(ModelSetting.intervalCycle("p", "PT1H", "PT1H")).isEqualTo("R/PT1H");
    assertThat(ModelSetting.intervalCycle("p", " R/P7D ", "P7D")).isEqualTo("R/P7D");
    assertThat(ModelSetting.intervalCycle("p", "0 0 7 * * MON", "P7D")).isEqualTo("0 0 7 * * MON");
    assertThatThrownBy(() -> ModelSetting.intervalCycle("perfflow.x.scan-interval", "P7X", "P7D"))
        .hasMessageContaining("perfflow.x.scan-interval").hasMessageContaining("'P7X'");
    assertThatThrownBy(() -> ModelSetting.intervalCycle("perfflow.x.scan-interval", "weekly", "P7D"))
        .hasMessageContaining("perfflow.x.scan-interval must be a duration (P7D)");
  }
}
