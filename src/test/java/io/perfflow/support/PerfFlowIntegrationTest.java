package io.perfflow.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Base of the tests that drive the embedded product through its API. */
@EmbeddedPerfFlowTest
public abstract class PerfFlowIntegrationTest {
  @Autowired protected TestRestTemplate http;

  protected ReviewScenarios scenarios() {
    return new ReviewScenarios(http);
  }

  protected Api as(String user) {
    return ReviewScenarios.as(http, user);
  }
}
