package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.perfflow.tasks.UserTaskGoneException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Camunda client against a stand-in for the Orchestration Cluster REST API that answers
 * as the 8.8 API documents: 204 on success, problem+json 404 (no such task) and 409 (wrong state).
 */
class CamundaUserTaskCommandsTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private CamundaClient client;
  private ClusterStatus status;
  private CamundaUserTaskCommands commands;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + path + " " + body);
          int code = path.contains("/404/") ? 404 : path.contains("/409/") ? 409 : path.contains("/504/") ? 504 : 204;
          if (code == 204) {
            exchange.sendResponseHeaders(204, -1);
          } else {
            byte[] problem =
                ("{\"type\":\"about:blank\",\"title\":\"" + (code == 404 ? "NOT_FOUND" : "INVALID_STATE")
                        + "\",\"status\":" + code + ",\"detail\":\"test detail " + code + "\",\"instance\":\""
                        + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(code, problem.length);
            exchange.getResponseBody().write(problem);
          }
          exchange.close();
        });
    server.start();
    client = TestClients.client(server.getAddress().getPort(), TestClients.closedPort());
    status = new ClusterStatus();
    commands = new CamundaUserTaskCommands(client, status);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void completesThroughTheRestApiWithTheVariables() {
    commands.complete(2251799813685249L, Map.of("selfRating", 4));
    assertThat(requests).singleElement().asString()
        .startsWith("POST /v2/user-tasks/2251799813685249/completion")
        .contains("\"selfRating\":4");
  }

  @Test
  void assignsThroughTheRestApi() {
    commands.assign(2251799813685250L, "olivia");
    assertThat(requests).singleElement().asString()
        .startsWith("POST /v2/user-tasks/2251799813685250/assignment")
        .contains("\"assignee\":\"olivia\"");
  }

  @Test
  void notFoundBecomesUserTaskGone() {
    assertThatThrownBy(() -> commands.complete(404, Map.of()))
        .isInstanceOfSatisfying(
            UserTaskGoneException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(UserTaskGoneException.Reason.NOT_FOUND);
              assertThat(e.userTaskKey()).isEqualTo(404);
              assertThat(e.getMessage()).contains("not found").contains("test detail 404");
            });
  }

  @Test
  void conflictBecomesAlreadyCompleted() {
    assertThatThrownBy(() -> commands.assign(409, "olivia"))
        .isInstanceOfSatisfying(
            UserTaskGoneException.class,
            e -> assertThat(e.reason()).isEqualTo(UserTaskGoneException.Reason.ALREADY_COMPLETED));
    assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.UNKNOWN);
  }

  /** A gateway timeout while a blocking task listener runs: busy, try again (503), not an error. */
  @Test
  void gatewayTimeoutMeansBusyTryAgain() {
    assertThatThrownBy(() -> commands.complete(504, Map.of()))
        .isInstanceOf(io.perfflow.tasks.EngineBusyException.class)
        .hasMessageContaining("try again");
  }

  @Test
  void unreachableClusterIsRethrownAndMarksTheClusterDown() {
    try (CamundaClient unreachable = TestClients.client(TestClients.closedPort(), TestClients.closedPort())) {
      ClusterStatus down = new ClusterStatus();
      assertThatThrownBy(() -> new CamundaUserTaskCommands(unreachable, down).complete(1, Map.of()))
          .isInstanceOf(ClientException.class)
          .isNotInstanceOf(UserTaskGoneException.class);
      assertThat(down.snapshot().state()).isEqualTo(ClusterStatus.State.DOWN);
    }
  }
}
