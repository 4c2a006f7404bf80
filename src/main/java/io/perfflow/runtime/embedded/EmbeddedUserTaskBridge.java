package io.perfflow.runtime.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.perfflow.tasks.UserTaskCommands;
import java.lang.reflect.Method;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Completes and assigns Camunda user tasks on the embedded engine.
 *
 * <p>The in-memory engine's gRPC gateway has no user-task RPCs and the Camunda client's user-task
 * commands are REST-only, so this bridge writes the USER_TASK commands straight into the engine's
 * log, through the gateway's own (package-private) command writer. The engine then processes
 * them exactly as it would a command from the REST API: listeners run, a second completion is
 * rejected. It is fire-and-forget; callers observe the outcome through the task listeners.
 */
public final class EmbeddedUserTaskBridge implements UserTaskCommands {
  private final Object commandWriter;
  private final Method writeCommandWithKey;
  private final ObjectMapper json;

  public EmbeddedUserTaskBridge(EmbeddedZeebeEngine engine, ObjectMapper json) {
    this.json = json;
    Object gateway = EmbeddedZeebeEngine.readField(engine.delegate(), "gateway");
    this.commandWriter = EmbeddedZeebeEngine.readField(gateway, "writer");
    try {
      this.writeCommandWithKey =
          commandWriter
              .getClass()
              .getDeclaredMethod(
                  "writeCommandWithKey", Long.class, UnifiedRecordValue.class, RecordMetadata.class);
      this.writeCommandWithKey.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("The embedded engine's command writer changed shape", e);
    }
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
    try {
      writeCommandWithKey.invoke(commandWriter, key, record, metadata);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not write the user task command to the engine", e);
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
