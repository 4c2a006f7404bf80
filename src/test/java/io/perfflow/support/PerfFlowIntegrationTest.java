package io.perfflow.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The whole product on the embedded runtime: a real in-memory Zeebe engine, a real (throw-away)
 * PostgreSQL and a real SMTP capture, with the demo company seeded. One context is shared by
 * every test class that extends this, so tests create their own employees and cycles.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"perfflow.embedded.postgres.data-dir=", "logging.level.io.camunda.client.jobhandling=WARN"})
public abstract class PerfFlowIntegrationTest {
  @Autowired protected TestRestTemplate http;

  protected ReviewScenarios scenarios() {
    return new ReviewScenarios(http);
  }

  protected Api as(String user) {
    return ReviewScenarios.as(http, user);
  }
}
