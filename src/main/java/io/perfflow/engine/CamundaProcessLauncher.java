package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.perfflow.engine.ProcessLauncher;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class CamundaProcessLauncher implements ProcessLauncher {
  private final CamundaClient client;

  CamundaProcessLauncher(CamundaClient client) {
    this.client = client;
  }

  @Override
  public long start(String bpmnProcessId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(bpmnProcessId)
        .latestVersion()
        .variables(variables)
        .requestTimeout(Duration.ofSeconds(20))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Override
  public Map<String, Object> startAndAwait(String bpmnProcessId, Map<String, Object> variables, Duration timeout) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(bpmnProcessId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(timeout)
        .send()
        .join()
        .getVariablesAsMap();
  }

  @Override
  public boolean publish(String messageName, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(messageName)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .requestTimeout(Duration.ofSeconds(20))
          .send()
          .join();
      return true;
    } catch (ClientException e) {
      if (isAlreadyExists(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean isAlreadyExists(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClientStatusException s && s.getStatusCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("ALREADY_EXISTS") || m.contains("already exists") || m.contains("409"))) {
        return true;
      }
    }
    return false;
  }
}
