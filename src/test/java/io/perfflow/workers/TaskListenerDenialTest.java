package io.perfflow.workers;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1.CompleteJobCommandJobResultStep;
import io.camunda.client.api.command.CompleteJobResult;
import io.camunda.client.api.command.CompleteUserTaskJobResultStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.TaskRecorder;
import io.perfflow.tasks.UserTaskCommands;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Camunda mode: Tasklist and the cluster's REST API bypass PerfFlow's API, so the completing and
 * assigning listeners deny what PerfFlow's rules refuse, with the rule as the reason. A worker
 * unit test (the embedded engine's gateway drops job results, so no engine can show it here).
 */
class TaskListenerDenialTest {
  private final TaskInbox checks = mock(TaskInbox.class);
  private final TaskRecorder inbox = mock(TaskRecorder.class);
  private final UserTaskCommands cluster = mock(UserTaskCommands.class);
  private final JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final TaskListenerWorkers workers = new TaskListenerWorkers(inbox, checks, new ObjectMapper(), cluster);

  TaskListenerDenialTest() {
    when(job.getCustomHeaders()).thenReturn(Map.of(TaskListenerWorkers.KEY, "42", TaskListenerWorkers.ASSIGNEE, "oscar"));
    when(job.getVariablesAsMap()).thenReturn(Map.of("decision", "APPROVE"));
    when(cluster.listenersCanDeny()).thenReturn(true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRefusedCompletionIsDeniedWithTheRuleAsReasonAndNotRecorded() {
    String reason = "Nobody decides their own review: 'oscar' may not complete task 42";
    when(checks.completionRefusal(42L, "oscar", Map.of("decision", "APPROVE"))).thenReturn(Optional.of(reason));
    CompleteJobCommandStep1 command = client.newCompleteCommand(job);

    workers.completing(client, job);

    ArgumentCaptor<Function<CompleteJobCommandJobResultStep, CompleteJobResult>> result = ArgumentCaptor.forClass(Function.class);
    verify(command).withResult(result.capture());
    CompleteJobCommandJobResultStep step = mock(CompleteJobCommandJobResultStep.class);
    CompleteUserTaskJobResultStep1 userTask = mock(CompleteUserTaskJobResultStep1.class);
    when(step.forUserTask()).thenReturn(userTask);
    result.getValue().apply(step);
    verify(userTask).deny(true, reason);
    verify(inbox, never()).completed(anyLong(), anyString(), anyMap());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRefusedAssignmentIsDenied() {
    when(checks.assignmentRefusal(42L, "oscar")).thenReturn(Optional.of("Nobody decides their own review"));
    CompleteJobCommandStep1 command = client.newCompleteCommand(job);

    workers.assigning(client, job);

    verify(command).withResult(any(Function.class));
    verify(inbox, never()).assigned(anyLong(), any());
  }

  @Test
  void anAllowedCompletionIsRecordedAndCompletedPlainly() {
    when(checks.completionRefusal(42L, "oscar", Map.of("decision", "APPROVE"))).thenReturn(Optional.empty());
    CompleteJobCommandStep1 command = client.newCompleteCommand(job);

    workers.completing(client, job);

    verify(inbox).completed(42L, "oscar", Map.of("decision", "APPROVE"));
    verify(command, never()).withResult(any());
  }

  @Test
  void whereDenialsCannotReachTheEngineTheListenerRecordsWhatHappened() {
    when(cluster.listenersCanDeny()).thenReturn(false);
    when(checks.completionRefusal(42L, "oscar", Map.of("decision", "APPROVE"))).thenReturn(Optional.of("refused"));
    CompleteJobCommandStep1 command = client.newCompleteCommand(job);

    workers.completing(client, job);

    verify(inbox).completed(42L, "oscar", Map.of("decision", "APPROVE"));
    verify(command, never()).withResult(any());
  }
}
