package io.perfflow.runtime.embedded;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.engine.state.instance.Incident;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.stream.impl.state.DbLastProcessedPositionState;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the embedded engine's RocksDB state from outside the engine (the snapshot thread, the
 * incidents view), through a transaction context of its own: RocksDB serves concurrent readers,
 * and a separate context sees only what the engine committed. One caller at a time.
 *
 * <p>What Operate would show on a cluster, the open incidents, are the engine's own {@code
 * INCIDENTS} column family: an incident is there from its creation until it is resolved. So they
 * need no record log and survive log compaction.
 */
final class EngineState {
  private final TransactionContext context;
  private final DbLastProcessedPositionState lastProcessed;
  private final ColumnFamily<DbLong, Incident> incidents;

  EngineState(ZeebeDb<ZbColumnFamilies> db) {
    context = db.createContext();
    lastProcessed = new DbLastProcessedPositionState(db, context);
    incidents = db.createColumnFamily(ZbColumnFamilies.INCIDENTS, context, new DbLong(), new Incident());
  }

  /** The position of the last record the engine processed and committed (-1: none). */
  synchronized long lastProcessedPosition() {
    return lastProcessed.getLastSuccessfulProcessedRecordPosition();
  }

  synchronized List<EmbeddedEngineRecords.OpenIncident> openIncidents() {
    List<EmbeddedEngineRecords.OpenIncident> open = new ArrayList<>();
    incidents.forEach((key, incident) -> {
      IncidentRecord r = incident.getRecord();
      open.add(new EmbeddedEngineRecords.OpenIncident(key.getValue(), r.getProcessInstanceKey(), r.getJobKey(), r.getElementId(), r.getErrorMessage()));
    });
    return open;
  }

  /** Nothing to release: the context's transactions end with each read. */
  void close() {}
}
