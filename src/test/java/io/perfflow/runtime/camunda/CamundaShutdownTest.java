package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.perfflow.PerfFlowApplication;
import io.perfflow.runtime.camunda.BoundedClientClose.CloseOutcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping PerfFlow in the camunda runtime goes through the bounded close of the Camunda client
 * (Spring would otherwise call the raw client's close(), which can park forever on a stuck job
 * stream while the cluster is unreachable, as it did in this build).
 */
@io.perfflow.support.ApplicationTest
class CamundaShutdownTest {

  @Test
  void stoppingPerfFlowClosesTheCamundaClientThroughTheBoundedClose() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start()) {
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(PerfFlowApplication.class)
              .profiles("camunda")
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password=",
                  "--camunda.client.rest-address=http://127.0.0.1:" + TestClients.closedPort(),
                  "--camunda.client.grpc-address=http://127.0.0.1:" + TestClients.closedPort(),
                  "--spring.mail.port=" + TestClients.closedPort(),
                  "--perfflow.demo.enabled=false",
                  "--perfflow.camunda.health-timeout=PT1S",
                  "--perfflow.camunda.shutdown-timeout=PT2S");
      CamundaClient client = app.getBean(CamundaClient.class);
      assertThat(BoundedClientClose.lastOutcome(client)).as("not closed while running").isNull();

      app.close();

      assertThat(BoundedClientClose.lastOutcome(client))
          .as("the context's stop closed the client through the bounded close")
          .isIn(CloseOutcome.CLOSED, CloseOutcome.CLOSED_AFTER_INTERRUPT);
    }
  }
}
