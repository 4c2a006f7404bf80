package io.perfflow.runtime.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.perfflow.tasks.UserTaskCommands;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.util.Either;
import io.perfflow.tasks.EngineBusyException;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Completes and assigns Camunda user tasks on the embedded engine.
 *
 * <p>The in-memory engine's gRPC gateway has no user-task RPCs and the Camunda client's user-task
 * commands are REST-only, so this bridge writes the USER_TASK commands straight into the engine's
 * log, through the log writer the gateway's own command writer uses. The engine then processes
 * them exactly as it would a command from the REST API: listeners run, a second completion is
 * rejected. It is fire-and-forget once the log took the command; callers observe the outcome
 * through the task listeners.
 */
public final class EmbeddedUserTaskBridge implements UserTaskCommands {
  private final LogStreamWriter log;
  private final ObjectMapper json;

  public EmbeddedUserTaskBridge(EmbeddedZeebeEngine engine, ObjectMapper json) {
    this.json = json;
    // The gateway's command writer drops the result of the write, so the bridge writes through
    // the same log writer, under the same lock, and sees when the log refused the command.
    this.log = engine.commandLog();
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskRecord record = new UserTaskRecord().setUserTaskKey(userTaskKey);
    record.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(toJson(variables))));
    record.setAction("complete");
    write(userTaskKey, record, UserTaskIntent.COMPLETE);
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    UserTaskRecord record = new UserTaskRecord().setUserTaskKey(userTaskKey);
    record.setAssignee(assignee);
    record.setAction("assign");
    write(userTaskKey, record, UserTaskIntent.ASSIGN);
  }

  private void write(long key, UserTaskRecord record, UserTaskIntent intent) {
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    Either<LogStreamWriter.WriteFailure, Long> written;
    synchronized (log) {
      written = log.tryWrite(WriteContext.internal(), LogAppendEntry.of(key, metadata, record));
    }
    if (written.isLeft()) {
      throw new EngineBusyException(io.perfflow.Msg.of("tasks.error.engineDidNotAccept", intent.name(), key, String.valueOf(written.getLeft())));
    }
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables == null ? Map.of() : variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Task variables are not serialisable: " + e.getMessage());
    }
  }
}
