package io.perfflow.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded profile no default password may work: under {@code camunda} (a real
 * deployment) the startup fails while the demo company would be seeded with the documented
 * passwords {@code demo} / {@code admin}. Set PERFFLOW_DEMO_PASSWORD and
 * PERFFLOW_DEMO_ADMIN_PASSWORD, or PERFFLOW_DEMO_ENABLED=false. A throw-away test cluster may
 * set {@code perfflow.demo.allow-default-passwords=true} (never on a shared cluster).
 */
@Component
@Profile("camunda")
public class DefaultPasswordGuard {
  static final String DEFAULT_PASSWORD = "demo";
  static final String DEFAULT_ADMIN_PASSWORD = "admin";

  public DefaultPasswordGuard(
      @Value("${perfflow.demo.enabled:true}") boolean demoEnabled,
      @Value("${perfflow.demo.allow-default-passwords:false}") boolean allowDefaults,
      @Value("${perfflow.demo.password:demo}") String password,
      @Value("${perfflow.demo.admin-password:admin}") String adminPassword) {
    List<String> problems = allowDefaults ? List.of() : problems(demoEnabled, password, adminPassword);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("PerfFlow refuses to start under the camunda profile with default passwords: "
          + String.join("; ", problems) + ". Set them (or PERFFLOW_DEMO_ENABLED=false); see docs/operations.md.");
    }
  }

  static List<String> problems(boolean demoEnabled, String password, String adminPassword) {
    List<String> problems = new ArrayList<>();
    if (!demoEnabled) {
      return problems;
    }
    if (password == null || password.isBlank() || DEFAULT_PASSWORD.equals(password)) {
      problems.add("perfflow.demo.password (PERFFLOW_DEMO_PASSWORD) is the default '" + DEFAULT_PASSWORD + "'");
    }
    if (adminPassword == null || adminPassword.isBlank() || DEFAULT_ADMIN_PASSWORD.equals(adminPassword)) {
      problems.add("perfflow.demo.admin-password (PERFFLOW_DEMO_ADMIN_PASSWORD) is the default '" + DEFAULT_ADMIN_PASSWORD + "'");
    }
    return problems;
  }
}
