package io.perfflow.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Base of the tests that drive the embedded product through its API. */
@EmbeddedPerfFlowTest
public abstract class PerfFlowIntegrationTest {
  /** The company time zone the application tests run with (the default of perfflow.company.time-zone). */
  protected static final ZoneId COMPANY_ZONE = ZoneId.of(io.perfflow.CompanyTime.DEFAULT_ZONE);

  @Autowired protected TestRestTemplate http;

  protected ReviewScenarios scenarios() {
    return new ReviewScenarios(http);
  }

  protected Api as(String user) {
    return ReviewScenarios.as(http, user);
  }

  /** The engine's time (the wall clock plus what /api/dev/clock moved it). */
  protected Instant engineTime() {
    return Instant.parse(as("admin").get("/api/dev/clock").expect(200).body().path("engineTime").asText());
  }

  /**
   * Moves the engine clock forward to the next {@code time} of day in UTC (less than a day ahead)
   * and returns the engine's time then: 23:30 UTC is 07:30 of the next day in the company zone.
   */
  protected Instant advanceEngineClockToUtc(LocalTime time) {
    Instant now = engineTime();
    Instant target = now.atOffset(ZoneOffset.UTC).toLocalDate().atTime(time).toInstant(ZoneOffset.UTC);
    if (!target.isAfter(now)) {
      target = target.plus(Duration.ofDays(1));
    }
    as("admin").post("/api/dev/clock", Map.of("advance", Duration.between(now, target).toString())).expect(200);
    return engineTime();
  }
}
