package io.perfflow.runtime.embedded;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What Operate would show on a cluster, for the embedded engine: the open incidents. They are read
 * from the engine's own state (its {@code INCIDENTS} column family), not from its record log,
 * which is compacted: an incident is in the state from its creation until it is resolved, across
 * restarts.
 */
@Component
@Profile("embedded")
public class EmbeddedEngineRecords {
  private final EmbeddedZeebeEngine engine;

  public EmbeddedEngineRecords(EmbeddedZeebeEngine engine) {
    this.engine = engine;
  }

  public record OpenIncident(long key, long processInstanceKey, long jobKey, String elementId, String message) {}

  /** Incidents created and not resolved. */
  public List<OpenIncident> openIncidents() {
    return engine.openIncidents();
  }

  public List<String> incidentMessages() {
    return openIncidents().stream().map(OpenIncident::message).toList();
  }
}
