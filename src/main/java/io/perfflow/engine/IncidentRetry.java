package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import io.perfflow.engine.Incidents;
import java.time.Duration;

/** Retrying an incident is the same pair of commands on both runtimes (Operate's "retry"). */
public final class IncidentRetry {
  private IncidentRetry() {}

  public static void retry(CamundaClient client, Incidents.Incident incident) {
    if (incident.jobKey() > 0) {
      client.newUpdateRetriesCommand(incident.jobKey()).retries(3).requestTimeout(Duration.ofSeconds(10)).send().join();
    }
    client.newResolveIncidentCommand(incident.key()).requestTimeout(Duration.ofSeconds(10)).send().join();
  }
}
