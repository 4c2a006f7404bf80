package io.perfflow.supplier;

import io.perfflow.audit.Subject;
import io.perfflow.tasks.SubjectKind;
import io.perfflow.web.NavLink;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supplier-delay family's processes and subject, and what it registers with the generic
 * packages: the inbox's subject kind and the navigation link here; its mail context, restart recovery and the scan
 * timer's model setting are the beans {@link SupplierDelayMailContext},
 * {@link SupplierDelayRestartRecovery} and {@link SupplierDelayScanSchedule}.
 */
@Configuration(proxyBeanMethods = false)
public class SupplierProcesses {
  public static final String SCAN = "supplier-delay-scan";
  public static final String ESCALATION = "supplier-delay-escalation";

  /** Subject type of a supplier-delay case (its tasks, mails and audit events). */
  public static final String CASE = "supplier-delay-case";

  public static Subject supplierCase(long caseId) {
    return new Subject(CASE, caseId);
  }

  @Bean
  NavLink supplierDelaysNavLink() {
    return new NavLink(30, "supplier.nav.delays", "/supplier-delays", "supplier-delays");
  }

  @Bean
  SubjectKind supplierDelayCaseSubjectKind() {
    return new SubjectKind(CASE, "caseId", Set.of(ESCALATION));
  }
}
