package io.perfflow.review;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.perfflow.runtime.embedded.CapturedMail;
import io.perfflow.support.ReviewScenarios;
import io.perfflow.support.RuntimeControls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared performance-review scenarios against the real Camunda 8.8 runtime (Zeebe with its
 * REST API, as Tasklist uses it), started by Camunda Process Test in Testcontainers. PerfFlow runs
 * in its {@code camunda} profile: user tasks are completed over the Orchestration Cluster REST
 * API, the clock is the runtime's. Needs a Docker engine; without one it is reported as skipped.
 * Run only this suite with {@code ./mvnw -Pcamunda-process-test verify}.
 */
@io.perfflow.support.ApplicationTest
@Tag("camunda-process-test")
@EnabledIf(
    value = "dockerAvailable",
    disabledReason = "no Docker engine: Camunda Process Test starts the Camunda runtime with Testcontainers")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // A throw-away cluster: the scenarios log in with the demo passwords (DefaultPasswordGuard).
    properties = {"spring.mail.host=127.0.0.1", "perfflow.demo.allow-default-passwords=true"})
@ActiveProfiles("camunda")
// Its PostgreSQL stops with the class: close the context with it.
@org.springframework.test.annotation.DirtiesContext
@CamundaSpringProcessTest
class PerformanceReviewCamundaProcessTest extends PerformanceReviewScenarios {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static EmbeddedPostgres postgres;
  private static GreenMail mailCapture;

  /**
   * Skipped only when Testcontainers finds no Docker engine (it answers false then); anything else
   * going wrong (a missing class, a broken configuration) fails the suite instead of hiding it.
   */
  static boolean dockerAvailable() {
    return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    int smtp;
    try (ServerSocket s = new ServerSocket(0)) {
      smtp = s.getLocalPort();
    }
    mailCapture = new GreenMail(new ServerSetup(smtp, "127.0.0.1", "smtp"));
    mailCapture.start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.mail.port", () -> smtp);
  }

  @AfterAll
  static void stopInfrastructure() throws IOException {
    if (mailCapture != null) mailCapture.stop();
    if (postgres != null) postgres.close();
  }

  @Autowired TestRestTemplate http;
  @Autowired CamundaProcessTestContext processTest;

  @BeforeEach
  void modelsAreDeployed() {
    await().atMost(Duration.ofMinutes(2)).until(
        () -> http.withBasicAuth("admin", "admin").getForObject("/actuator/health", JsonNode.class).path("components").path("deployment").path("status").asText(),
        "UP"::equals);
  }

  @Override
  protected ReviewScenarios scenarios() {
    return new ReviewScenarios(http, new RuntimeControls() {
      @Override
      public void advanceClock(Duration by) {
        processTest.increaseTime(by);
      }

      @Override
      public List<JsonNode> mailTo(String address) {
        try {
          return CapturedMail.newestFirst(mailCapture, address).stream().map(m -> (JsonNode) JSON.valueToTree(m)).toList();
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
    });
  }
}
