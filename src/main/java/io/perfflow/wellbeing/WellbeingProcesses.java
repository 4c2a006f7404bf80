package io.perfflow.wellbeing;

import io.perfflow.audit.Subject;
import io.perfflow.engine.ModelSetting;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wellbeing family (stress early warning): its decisions, processes and subject, and what it
 * registers with the generic packages: the inbox's subject kind (tasks of stress-intervention are
 * about a wellbeing case, variable {@code wellbeingCaseId}), the navigation links and the scan
 * timer's interval ({@code perfflow.wellbeing.scan-interval}). Its mail context, restart
 * recovery, task view and subject owner are beans of their own in this package.
 */
@Configuration(proxyBeanMethods = false)
public class WellbeingProcesses {
  /** processes/stress-signals.dmn: the signals' thresholds and windows (collect, one rule per signal). */
  public static final String SIGNALS_DECISION = "stress-signals";
  /** processes/stress-risk.dmn: the level from the fired signals. */
  public static final String RISK_DECISION = "stress-risk";
  /** processes/stress-scan.bpmn: weekly (and on request) over all active employees. */
  public static final String SCAN = "stress-scan";
  /** processes/stress-intervention.bpmn: one instance per wellbeing case. */
  public static final String INTERVENTION = "stress-intervention";
  /** The message that starts a case's stress-intervention (correlation key: the case). */
  public static final String OPENED_MESSAGE = "stress-case-opened";
  /** Subject type of a wellbeing case (its tasks, mails and audit events). */
  public static final String CASE = "wellbeing-case";
  /** The process variable holding the case id (also the inbox filter: GET /api/tasks?wellbeingCaseId=). */
  public static final String CASE_VARIABLE = "wellbeingCaseId";

  static final String SCAN_FILE = "stress-scan.bpmn";
  static final String SCAN_TIMER_DEFINITION = "stress-scan-timer-definition";

  public static Subject wellbeingCase(long caseId) {
    return new Subject(CASE, caseId);
  }

  @Bean
  SubjectKind wellbeingCaseSubjectKind() {
    return new SubjectKind(CASE, CASE_VARIABLE, Set.of(INTERVENTION));
  }

  @Bean
  NavLink wellbeingNavLink() {
    return new NavLink(40, "wellbeing.nav.wellbeing", "/wellbeing", "wellbeing", true);
  }

  @Bean
  NavLink pulseNavLink() {
    return new NavLink(45, "wellbeing.nav.pulse", "/pulse", "pulse");
  }

  /** The weekly scan's interval (R/P7D by default; an ISO duration, R/&lt;duration&gt; or a 6-field cron). */
  @Bean
  ModelSetting stressScanInterval(@Value("${perfflow.wellbeing.scan-interval:R/P7D}") String interval) {
    return new ModelSetting(SCAN_FILE, SCAN_TIMER_DEFINITION, ModelSetting.intervalCycle("perfflow.wellbeing.scan-interval", interval, "P7D"));
  }

}
