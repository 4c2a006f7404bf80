package io.perfflow.supplier;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The interval of the supplier-delay-scan timer. The model says {@code R/PT1H}; a timer start
 * event cannot read process variables, so {@code perfflow.supplier-delays.scan-interval} (an
 * ISO-8601 duration such as {@code PT30M}, a repeating interval {@code R/PT1H}, or a cron
 * expression {@code 0 0 * * * *}) is written into the scan model when it is deployed. Under the
 * camunda profile {@code CamundaResourceDeployer} applies {@link #customize}; in the embedded
 * runtime the starter has deployed the model as it is, and this deploys the changed version
 * once the application is ready (only when the configured interval differs).
 */
@Component
public class SupplierDelayScanSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(SupplierDelayScanSchedule.class);
  public static final String FILE = "supplier-delay-scan.bpmn";
  private static final Pattern TIMER =
      Pattern.compile("(id=\"scan-timer-definition\"><bpmn:timeCycle[^>]*>)([^<]*)(</bpmn:timeCycle>)");

  private final String timeCycle;
  private final ApplicationContext context;

  public SupplierDelayScanSchedule(
      @Value("${perfflow.supplier-delays.scan-interval:R/PT1H}") String interval, ApplicationContext context) {
    this.timeCycle = timeCycle(interval);
    this.context = context;
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

  public String timeCycle() {
    return timeCycle;
  }

  /** The scan model with the configured timer. */
  public byte[] apply(byte[] bpmn) {
    String text = new String(bpmn, StandardCharsets.UTF_8);
    Matcher m = TIMER.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(FILE + " has no timer 'scan-timer-definition' with a timeCycle");
    }
    return (text.substring(0, m.start(2)) + timeCycle + text.substring(m.end(2))).getBytes(StandardCharsets.UTF_8);
  }

  /** The models to deploy, with the scan model's timer set from the configuration. */
  public Map<String, byte[]> customize(Map<String, byte[]> resources) {
    Map<String, byte[]> out = new LinkedHashMap<>(resources);
    out.computeIfPresent(FILE, (name, bytes) -> apply(bytes));
    return out;
  }

  boolean changesModel(byte[] model) {
    return !java.util.Arrays.equals(model, apply(model));
  }

  @EventListener(ApplicationReadyEvent.class)
  public void deployChangedScheduleInEmbeddedRuntime() {
    if (!context.getEnvironment().matchesProfiles("embedded")) {
      return;
    }
    byte[] model = read();
    if (!changesModel(model)) {
      return;
    }
    context.getBean(CamundaClient.class).newDeployResourceCommand().addResourceBytes(apply(model), FILE).send().join();
    LOG.info("supplier-delay-scan deployed with the timer cycle '{}'", timeCycle);
  }

  private static byte[] read() {
    try (InputStream in = new ClassPathResource("processes/" + FILE).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
