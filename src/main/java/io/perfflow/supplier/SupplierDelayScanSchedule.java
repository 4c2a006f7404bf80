package io.perfflow.supplier;

import io.perfflow.engine.ModelSetting;
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
    return new ModelSetting(FILE, TIMER_DEFINITION, ModelSetting.intervalCycle("perfflow.supplier-delays.scan-interval", interval, "PT1H"));
  }
}
