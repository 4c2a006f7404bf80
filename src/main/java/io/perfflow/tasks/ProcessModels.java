package io.perfflow.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the deployed BPMN says about each user task (its name and linked form), read from the
 * same files in {@code processes/} that are deployed, so the inbox never repeats the model.
 */
@Component
public class ProcessModels {
  public record UserTaskInfo(String name, String formId) {}

  private final java.util.concurrent.CompletableFuture<Map<String, UserTaskInfo>> read;

  /**
   * Reads the models on a thread of its own: the BPMN model API takes seconds to load on a cold
   * JVM (its schema and element types), which the start does not have to wait for; the first
   * question waits for the answer.
   */
  public ProcessModels() {
    read = new java.util.concurrent.CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        read.complete(readAll());
      } catch (Throwable e) {
        read.completeExceptionally(e);
      }
    }, "perfflow-process-models");
    reader.setDaemon(true);
    reader.start();
  }

  private static Map<String, UserTaskInfo> readAll() {
    Map<String, UserTaskInfo> userTasks = new HashMap<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          BpmnModelInstance model = Bpmn.readModelFromStream(in);
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            String processId =
                task.getScope() instanceof io.camunda.zeebe.model.bpmn.instance.Process p
                    ? p.getId()
                    : processOf(task);
            userTasks.put(
                processId + "#" + task.getId(),
                new UserTaskInfo(task.getName() == null ? task.getId() : task.getName(), form == null ? null : form.getFormId()));
            // Also by element id alone: element ids are unique across PerfFlow's processes.
            userTasks.putIfAbsent(task.getId(), userTasks.get(processId + "#" + task.getId()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models", e);
    }
    return userTasks;
  }

  private static String processOf(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
    var current = element.getParentElement();
    while (current != null && !(current instanceof io.camunda.zeebe.model.bpmn.instance.Process)) {
      current = current.getParentElement();
    }
    return current == null ? "" : ((io.camunda.zeebe.model.bpmn.instance.Process) current).getId();
  }

  public Optional<UserTaskInfo> userTask(String bpmnProcessId, String elementId) {
    Map<String, UserTaskInfo> userTasks;
    try {
      userTasks = read.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    UserTaskInfo info = userTasks.get(bpmnProcessId + "#" + elementId);
    return Optional.ofNullable(info != null ? info : userTasks.get(elementId));
  }
}
