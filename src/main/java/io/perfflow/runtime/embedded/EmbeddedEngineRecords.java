package io.perfflow.runtime.embedded;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads the embedded engine's record log for what Operate would show on a cluster: the open
 * incidents. It follows the log incrementally and keeps only the incidents still open, so memory
 * does not grow with the history; the first call after a start reads the log once from disk.
 */
@Component
@Profile("embedded")
public class EmbeddedEngineRecords {
  private final EmbeddedZeebeEngine engine;
  private final Map<Long, OpenIncident> open = new LinkedHashMap<>();
  private long readUpTo = -1;

  public EmbeddedEngineRecords(EmbeddedZeebeEngine engine) {
    this.engine = engine;
  }

  public record OpenIncident(long key, long processInstanceKey, long jobKey, String elementId, String message) {}

  /** Incidents created and not resolved (across restarts: the log is kept). */
  public synchronized List<OpenIncident> openIncidents() {
    readUpTo = engine.forEachRecord(readUpTo, this::follow);
    return new ArrayList<>(open.values());
  }

  private void follow(Record<?> record) {
    if (record.getValueType() != ValueType.INCIDENT) {
      return;
    }
    if (record.getIntent() == IncidentIntent.CREATED) {
      IncidentRecordValue value = (IncidentRecordValue) record.getValue();
      open.put(record.getKey(), new OpenIncident(record.getKey(), value.getProcessInstanceKey(), value.getJobKey(),
          value.getElementId(), value.getErrorMessage()));
    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
      open.remove(record.getKey());
    }
  }

  public List<String> incidentMessages() {
    return openIncidents().stream().map(OpenIncident::message).toList();
  }
}
