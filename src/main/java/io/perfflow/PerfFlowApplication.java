package io.perfflow;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
// The models a modeler edits in processes/ and forms/, deployed as they are.
@Deployment(resources = {"classpath:/processes/*.bpmn", "classpath:/processes/*.dmn", "classpath:/forms/*.form"})
@ConfigurationPropertiesScan
@EnableScheduling
public class PerfFlowApplication {
  public static void main(String[] args) {
    try {
      SpringApplication app = new SpringApplication(PerfFlowApplication.class);
      io.perfflow.config.StartupProfile.installIfAsked(app);
      app.run(args);
    } catch (Throwable startupFailure) {
      // Spring has logged the cause and closed the context; exit so that no library thread
      // left behind keeps a half-started PerfFlow alive.
      System.exit(1);
    }
  }
}
