package io.perfflow.engine;

import java.util.Map;

/**
 * A decision a process family deploys, evaluated to prove that the models are deployed and the
 * engine answers (the "deployment" health). Contributed as a bean; the first one is used.
 */
public record DeploymentProbe(String decisionId, Map<String, Object> variables) {}
