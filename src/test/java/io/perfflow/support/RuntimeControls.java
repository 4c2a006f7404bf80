package io.perfflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * What a scenario needs from the runtime beyond PerfFlow's API: moving the engine's clock and
 * reading the mail that was sent. Embedded mode offers both over /api/dev; on a Camunda cluster
 * (Camunda Process Test) the test's runtime and its own SMTP capture do.
 */
public interface RuntimeControls {
  void advanceClock(Duration by);

  /** Mails to {@code address}, newest first, each {@code {to, subject, body, sentAt}}. */
  List<JsonNode> mailTo(String address);
}
