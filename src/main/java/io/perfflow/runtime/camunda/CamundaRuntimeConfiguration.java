package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import io.perfflow.engine.ModelSettings;
import io.perfflow.tasks.UserTaskCommands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The camunda runtime (profile {@code camunda}): PerfFlow against a real Camunda 8 Orchestration
 * Cluster. The {@link CamundaClient} itself comes from the Camunda Spring Boot starter, configured
 * in application-camunda.yaml; building it does not connect, so PerfFlow starts while the cluster
 * is unreachable, and the job workers, the deployer and the probe reconnect when it returns.
 */
@Configuration(proxyBeanMethods = false)
@Profile("camunda")
public class CamundaRuntimeConfiguration {

  /**
   * Closing the client may hang on a stuck job stream (see {@link BoundedClientClose}); PerfFlow's
   * shutdown waits at most twice {@code perfflow.camunda.shutdown-timeout} for it.
   */
  @Bean
  static BoundedClientClose boundedClientClose(
      @Value("${perfflow.camunda.shutdown-timeout:PT10S}") String shutdownTimeout) {
    return new BoundedClientClose(Duration.parse(shutdownTimeout));
  }

  @Bean
  ClusterStatus clusterStatus() {
    return new ClusterStatus();
  }

  @Bean
  CamundaClusterProbe camundaClusterProbe(
      CamundaClient client, ClusterStatus status, CamundaRuntimeProperties properties) {
    return new CamundaClusterProbe(client, status, properties.healthTimeout());
  }

  /** Named so that /actuator/health shows it as {@code camunda}. */
  @Bean
  CamundaHealthIndicator camundaHealthIndicator(CamundaClusterProbe probe) {
    return new CamundaHealthIndicator(probe);
  }

  @Bean
  UserTaskCommands camundaUserTaskCommands(CamundaClient client, ClusterStatus status) {
    return new CamundaUserTaskCommands(client, status);
  }

  @Bean(destroyMethod = "stop")
  @ConditionalOnProperty(name = "perfflow.camunda.deploy-on-startup", havingValue = "true", matchIfMissing = true)
  CamundaResourceDeployer camundaResourceDeployer(
      CamundaClient client, ClusterStatus status, CamundaRuntimeProperties properties, ModelSettings modelSettings) {
    return new CamundaResourceDeployer(client, status, properties.deployMaxBackoff(), modelSettings::apply);
  }

  @Bean
  ClusterStatusRefresher clusterStatusRefresher(CamundaClusterProbe probe) {
    return new ClusterStatusRefresher(probe);
  }

  /** Keeps {@link ClusterStatus} current for the UI even when nobody calls /actuator/health. */
  static class ClusterStatusRefresher {
    private final CamundaClusterProbe probe;

    ClusterStatusRefresher(CamundaClusterProbe probe) {
      this.probe = probe;
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${perfflow.camunda.probe-interval:PT15S}")
    void refresh() {
      probe.probe();
    }
  }
}
