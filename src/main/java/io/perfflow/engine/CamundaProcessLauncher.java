package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import io.perfflow.review.ProcessLauncher;
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
}
