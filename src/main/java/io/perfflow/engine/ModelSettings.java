package io.perfflow.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.TimeCycle;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Applies the process families' {@link ModelSetting}s to the models before they are deployed,
 * through the BPMN model API (the rest of the file, its diagram included, stays as it is).
 */
@Component
public class ModelSettings {
  private final List<ModelSetting> settings;

  public ModelSettings(List<ModelSetting> settings) {
    this.settings = List.copyOf(settings);
  }

  /**
   * The models to deploy, by file name, with every setting applied. A model its settings do not
   * change is deployed byte for byte as it is (so its version stays the same).
   */
  public Map<String, byte[]> apply(Map<String, byte[]> resources) {
    Map<String, byte[]> out = new LinkedHashMap<>(resources);
    for (String file : changedFiles(resources)) {
      out.computeIfPresent(file, this::apply);
    }
    return out;
  }

  /** The files whose model, as it is in {@code resources}, differs from its settings. */
  public List<String> changedFiles(Map<String, byte[]> resources) {
    return files().stream().filter(f -> resources.containsKey(f) && changes(f, resources.get(f))).toList();
  }

  public byte[] apply(String file, byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    for (ModelSetting s : settings) {
      if (s.file().equals(file)) {
        timeCycle(model, s).setTextContent(s.timeCycle());
      }
    }
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  boolean changes(String file, byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    return settings.stream().filter(s -> s.file().equals(file))
        .anyMatch(s -> !s.timeCycle().equals(timeCycle(model, s).getTextContent().trim()));
  }

  /** The model files that have settings. */
  public List<String> files() {
    return settings.stream().map(ModelSetting::file).distinct().toList();
  }

  private static TimeCycle timeCycle(BpmnModelInstance model, ModelSetting s) {
    if (!(model.getModelElementById(s.timerDefinitionId()) instanceof TimerEventDefinition timer) || timer.getTimeCycle() == null) {
      throw new IllegalStateException(s.file() + " has no timer definition '" + s.timerDefinitionId() + "' with a timeCycle");
    }
    return timer.getTimeCycle();
  }
}
