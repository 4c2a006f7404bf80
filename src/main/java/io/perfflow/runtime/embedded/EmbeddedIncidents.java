package io.perfflow.runtime.embedded;

import io.camunda.client.CamundaClient;
import io.perfflow.engine.Incidents;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("embedded")
class EmbeddedIncidents implements Incidents {
  private final EmbeddedEngineRecords records;
  private final CamundaClient client;

  EmbeddedIncidents(EmbeddedEngineRecords records, CamundaClient client) {
    this.records = records;
    this.client = client;
  }

  @Override
  public List<Incident> open(long processInstanceKey) {
    return records.openIncidents().stream()
        .filter(i -> i.processInstanceKey() == processInstanceKey)
        .map(i -> new Incident(i.key(), i.jobKey(), i.message()))
        .toList();
  }

  @Override
  public void retry(Incident incident) {
    io.perfflow.engine.IncidentRetry.retry(client, incident);
  }
}
