package io.perfflow.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just ran PerfFlow where it is and how to log in. */
@Component
public class StartupBanner {
  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment env;
  private final boolean demo;
  private final String adminPassword;
  private final String demoPassword;

  public StartupBanner(Environment env, @Value("${perfflow.demo.enabled:true}") boolean demo,
      @Value("${perfflow.demo.admin-password:admin}") String adminPassword, @Value("${perfflow.demo.password:demo}") String demoPassword) {
    this.env = env;
    this.demo = demo;
    this.adminPassword = adminPassword;
    this.demoPassword = demoPassword;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    StringBuilder b = new StringBuilder();
    b.append("\n\n  PerfFlow is ready: http://localhost:").append(port).append("/\n");
    if (demo) {
      b.append("  Logins (user / password):\n")
          .append("    admin / ").append(adminPassword).append("   HR administrator (starts cycles, sees everything)\n")
          .append("    olivia, paul, fiona, cora, hana / ").append(demoPassword).append("   managers, finance, HR\n")
          .append("    oscar, owen, opal, otto, priya, pedro, petra, carl, chen, cruz, cleo / ").append(demoPassword).append("   employees\n");
    }
    if (env.matchesProfiles("embedded")) {
      b.append("  Embedded runtime: captured mail at /mailbox, engine clock at POST /api/dev/clock\n");
    }
    LOG.info(b.toString());
  }
}
