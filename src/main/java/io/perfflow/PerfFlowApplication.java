package io.perfflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PerfFlowApplication {
  public static void main(String[] args) {
    try {
      SpringApplication.run(PerfFlowApplication.class, args);
    } catch (Throwable startupFailure) {
      // Spring has logged the cause and closed the context; exit so that no library thread
      // left behind keeps a half-started PerfFlow alive.
      System.exit(1);
    }
  }
}
