package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.tasks.UserTaskCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PerfFlow under the {@code camunda} profile starts while the Camunda cluster is unreachable, with
 * nothing of the embedded runtime in it. The database is a throw-away PostgreSQL started by the
 * test (standing in for the compose service); Camunda's addresses point at closed loopback ports.
 */
@io.perfflow.support.ApplicationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("camunda")
// Its PostgreSQL stops with the class: close the context with it.
@org.springframework.test.annotation.DirtiesContext
class CamundaProfileStartupTest {
  private static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + TestClients.closedPort());
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + TestClients.closedPort());
    registry.add("spring.mail.port", TestClients::closedPort);
    registry.add("perfflow.camunda.health-timeout", () -> "PT1S");
    // Default passwords stop a camunda-profile startup (DefaultPasswordGuard).
    registry.add("perfflow.demo.password", () -> "camunda-test-demo");
    registry.add("perfflow.demo.admin-password", () -> "camunda-test-admin");
    // The client's close can park on a stuck job stream while the cluster is unreachable; bounded.
    registry.add("perfflow.camunda.shutdown-timeout", () -> "PT2S");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Autowired ApplicationContext context;
  @Autowired UserTaskCommands commands;
  @Autowired HealthContributorRegistry health;
  @Autowired ClusterStatus clusterStatus;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
  @Autowired io.camunda.client.CamundaClient client;

  @Test
  void startsWithoutTheClusterAndWithoutAnythingEmbedded() {
    assertThat(commands).isInstanceOf(CamundaUserTaskCommands.class);
    // Closing the client is bounded, so this context's close cannot hang the build (it did).
    assertThat(BoundedClientClose.lastOutcome(client)).isNull();
    assertThat(context.getBeansOfType(io.perfflow.runtime.embedded.EmbeddedZeebeEngine.class)).isEmpty();
    assertThat(context.getBeansOfType(com.icegreen.greenmail.util.GreenMail.class)).isEmpty();
    assertThat(context.containsBean("embeddedPostgres")).isFalse();
    assertThat(context.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isEmpty();
    // The starter's own (unbounded) indicator is replaced by PerfFlow's `camunda` indicator.
    assertThat(health.getContributor("camundaClient")).isNull();

    HealthIndicator camunda = (HealthIndicator) health.getContributor("camunda");
    assertThat(camunda).isNotNull();
    assertThat(camunda.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(clusterStatus.snapshot().state()).isEqualTo(ClusterStatus.State.DOWN);

    // Over HTTP, without login: not ready, and no details; logged in: why.
    var anonymous = http.getForEntity("/actuator/health", String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(503);
    assertThat(anonymous.getBody()).contains("\"camunda\":{\"status\":\"DOWN\"").doesNotContain("\"details\"");
    var response = http.withBasicAuth("admin", "camunda-test-admin").getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getBody()).contains("\"camunda\":{\"status\":\"DOWN\"");
    // No embedded-only endpoints on a cluster.
    assertThat(http.withBasicAuth("admin", "camunda-test-admin").getForEntity("/api/dev/mailbox", String.class).getStatusCode().value()).isEqualTo(404);
  }
}
