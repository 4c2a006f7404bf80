package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.perfflow.engine.Incidents;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("camunda")
class CamundaIncidents implements Incidents {
  private final CamundaClient client;

  CamundaIncidents(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<Incident> open(long processInstanceKey) {
    return client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .requestTimeout(Duration.ofSeconds(10))
        .send()
        .join()
        .items()
        .stream()
        .map(i -> new Incident(i.getIncidentKey(), i.getJobKey() == null ? 0 : i.getJobKey(), i.getErrorMessage()))
        .toList();
  }

  @Override
  public void retry(Incident incident) {
    io.perfflow.engine.IncidentRetry.retry(client, incident);
  }
}
