package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CamundaHealthIndicatorTest {

  @Test
  void reportsDownWithinItsTimeoutWhenNothingListens() {
    ClusterStatus status = new ClusterStatus();
    Duration timeout = Duration.ofMillis(1500);
    try (CamundaClient client = TestClients.client(TestClients.closedPort(), TestClients.closedPort())) {
      CamundaHealthIndicator indicator =
          new CamundaHealthIndicator(new CamundaClusterProbe(client, status, timeout));

      long started = System.nanoTime();
      Health health = indicator.health();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("rest", "DOWN").containsEntry("grpc", "DOWN");
      assertThat((String) health.getDetails().get("error")).contains("REST: ").contains("gRPC: ");
      assertThat(took).isLessThan(timeout.plusMillis(1000));
      assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.DOWN);
      assertThat(status.snapshot().lastError()).isNotBlank();
    }
  }

  @Test
  void reportsDownWithinItsTimeoutWhenTheServerNeverAnswers() throws Exception {
    // A socket that accepts connections but never answers: the worst case for a health check.
    try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        CamundaClient client = TestClients.client(silent.getLocalPort(), silent.getLocalPort())) {
      ClusterStatus status = new ClusterStatus();
      Duration timeout = Duration.ofMillis(1000);
      long started = System.nanoTime();
      Health health = new CamundaHealthIndicator(new CamundaClusterProbe(client, status, timeout)).health();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(took).isLessThan(timeout.plusMillis(1000));
    }
  }

  @Test
  void statusKeepsTheLastErrorAfterRecoveryAndTracksSince() {
    ClusterStatus status = new ClusterStatus();
    assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.UNKNOWN);
    status.markDown("connection refused");
    var down = status.snapshot();
    status.markDown("connection refused again");
    assertThat(status.snapshot().since()).isEqualTo(down.since());
    status.markUp();
    assertThat(status.isUp()).isTrue();
    assertThat(status.snapshot().lastError()).isEqualTo("connection refused again");
  }
}
