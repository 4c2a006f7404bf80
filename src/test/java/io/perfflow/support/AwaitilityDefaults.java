package io.perfflow.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every wait in the suite checks at once and then every 25 ms (Awaitility's defaults wait 100 ms
 * before the first check and between checks, which adds up over hundreds of waits). Registered
 * for every test class by JUnit's extension auto-detection (junit-platform.properties and
 * META-INF/services), so no test can forget it.
 */
public final class AwaitilityDefaults implements BeforeAllCallback {
  public static final Duration POLL_INTERVAL = Duration.ofMillis(25);

  @Override
  public void beforeAll(ExtensionContext context) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
    Awaitility.setDefaultPollInterval(POLL_INTERVAL);
  }
}
