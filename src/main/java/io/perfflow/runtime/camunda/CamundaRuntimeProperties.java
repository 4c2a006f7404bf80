package io.perfflow.runtime.camunda;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code perfflow.camunda.*}: settings of the camunda runtime (see application-camunda.yaml). */
@ConfigurationProperties("perfflow.camunda")
public record CamundaRuntimeProperties(
    String tasklistUrl,
    String operateUrl,
    @DefaultValue("PT2S") Duration healthTimeout,
    @DefaultValue("PT15S") Duration probeInterval,
    @DefaultValue("true") boolean deployOnStartup,
    @DefaultValue("PT60S") Duration deployMaxBackoff) {}
