package io.perfflow.supplier;

import io.perfflow.engine.ModelSetting;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interval of the supplier-delay-scan timer. The model says {@code R/PT1H}; a timer start
 * event cannot read process variables, so {@code perfflow.supplier-delays.scan-interval} (an
 * ISO-8601 duration such as {@code PT30M}, a repeating interval {@code R/PT1H}, or a cron
 * expression {@code 0 0 * * * *}) is contributed as a {@link ModelSetting}, which both runtimes'
 * deployers write into the model.
 */
@Configuration(proxyBeanMethods = false)
public class SupplierDelayScanSchedule {
  public static final String FILE = "supplier-delay-scan.bpmn";
  static final String TIMER_DEFINITION = "scan-timer-definition";

  @Bean
  ModelSetting supplierDelayScanInterval(@Value("${perfflow.supplier-delays.scan-interval:R/PT1H}") String interval) {
    return new ModelSetting(FILE, TIMER_DEFINITION, timeCycle(interval));
  }

  /** The timeCycle text for a configured interval; fails at startup on a bad value. */
  static String timeCycle(String interval) {
    String v = interval == null ? "" : interval.trim();
    try {
      if (v.startsWith("R")) {
        Duration.parse(v.substring(v.indexOf('/') + 1));
        return v;
      }
      if (v.startsWith("P")) {
        Duration.parse(v);
        return "R/" + v;
      }
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("perfflow.supplier-delays.scan-interval: not an ISO-8601 duration: '" + interval + "'", e);
    }
    if (v.split("\\s+").length == 6) {
      return v;
    }
    throw new IllegalArgumentException(
        "perfflow.supplier-delays.scan-interval must be a duration (PT1H), a repeating interval (R/PT1H) or a 6-field cron expression, got '" + interval + "'");
  }
}
