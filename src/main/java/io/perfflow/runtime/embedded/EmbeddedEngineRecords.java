package io.perfflow.runtime.embedded;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads the embedded engine's record log for what Operate would show on a cluster: the open
 * incidents. The log is in memory and grows with every record, so this is for occasional use
 * (an operator's question, a test), not for a hot path.
 */
@Component
@Profile("embedded")
public class EmbeddedEngineRecords {
  private final EmbeddedZeebeEngine engine;

  public EmbeddedEngineRecords(EmbeddedZeebeEngine engine) {
    this.engine = engine;
  }

  public record OpenIncident(long key, long processInstanceKey, long jobKey, String elementId, String message) {}

  /** Incidents created and not resolved since the engine started. */
  public synchronized List<OpenIncident> openIncidents() {
    List<OpenIncident> created = new ArrayList<>();
    Set<Long> resolved = new HashSet<>();
    for (Record<?> record : engine.delegate().getRecordStreamSource().getRecords()) {
      if (record.getValueType() != ValueType.INCIDENT) {
        continue;
      }
      IncidentRecordValue value = (IncidentRecordValue) record.getValue();
      if (record.getIntent() == IncidentIntent.CREATED) {
        created.add(new OpenIncident(record.getKey(), value.getProcessInstanceKey(), value.getJobKey(), value.getElementId(), value.getErrorMessage()));
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        resolved.add(record.getKey());
      }
    }
    return created.stream().filter(i -> !resolved.contains(i.key())).toList();
  }

  public List<String> incidentMessages() {
    return openIncidents().stream().map(OpenIncident::message).toList();
  }
}
