package io.perfflow.wellbeing;

import org.springframework.context.annotation.Configuration;

/**
 * The wellbeing family (stress early warning): its decisions and what it registers with the
 * generic packages. So far it contributes the signals and pulse API; the scan and the
 * intervention process are not built yet (see docs/modeling.md "Wellbeing").
 */
@Configuration(proxyBeanMethods = false)
public class WellbeingProcesses {
  /** processes/stress-signals.dmn: the signals' thresholds and windows (collect, one rule per signal). */
  public static final String SIGNALS_DECISION = "stress-signals";
  /** processes/stress-risk.dmn: the level from the fired signals. */
  public static final String RISK_DECISION = "stress-risk";
}
