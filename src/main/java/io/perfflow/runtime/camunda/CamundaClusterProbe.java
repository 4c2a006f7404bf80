package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Asks the cluster for its topology over both protocols PerfFlow uses, in parallel and with a
 * short timeout: REST (user-task commands, deployments) and gRPC (job workers). The cluster is UP
 * only when both answer with at least one broker. Never throws; records the outcome in {@link
 * ClusterStatus}.
 */
public class CamundaClusterProbe {
  /** The outcome of one probe, with per-protocol details for /actuator/health. */
  public record Result(boolean up, Map<String, Object> details, String error) {}

  private final CamundaClient client;
  private final ClusterStatus status;
  private final Duration timeout;

  public CamundaClusterProbe(CamundaClient client, ClusterStatus status, Duration timeout) {
    this.client = client;
    this.status = status;
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  public Result probe() {
    CamundaFuture<Topology> rest = send(() -> client.newTopologyRequest().useRest().requestTimeout(timeout).send());
    CamundaFuture<Topology> grpc = send(() -> client.newTopologyRequest().useGrpc().requestTimeout(timeout).send());
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> details = new LinkedHashMap<>();
    String restError = await(rest, deadline, "rest", details);
    String grpcError = await(grpc, deadline, "grpc", details);
    String error =
        restError == null && grpcError == null
            ? null
            : (restError == null ? "" : "REST: " + restError)
                + (restError != null && grpcError != null ? "; " : "")
                + (grpcError == null ? "" : "gRPC: " + grpcError);
    if (error == null) {
      status.markUp();
    } else {
      details.put("error", error);
      status.markDown(error);
    }
    return new Result(error == null, details, error);
  }

  private static CamundaFuture<Topology> send(Supplier<CamundaFuture<Topology>> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      return null; // reported by await() as "request could not be sent"
    }
  }

  /** Waits for one answer until the shared deadline; returns an error text or null. */
  private String await(CamundaFuture<Topology> future, long deadline, String name, Map<String, Object> details) {
    if (future == null) {
      details.put(name, "DOWN");
      return "request could not be sent";
    }
    long remaining = Math.max(0, deadline - System.nanoTime());
    try {
      Topology topology = future.get(remaining, TimeUnit.NANOSECONDS);
      if (topology.getBrokers() == null || topology.getBrokers().isEmpty()) {
        details.put(name, "DOWN");
        return "no broker in the topology";
      }
      details.put(name, "UP");
      details.putIfAbsent("brokers", topology.getBrokers().size());
      details.putIfAbsent("partitions", topology.getPartitionsCount());
      details.putIfAbsent("gatewayVersion", topology.getGatewayVersion());
      return null;
    } catch (TimeoutException e) {
      future.cancel(true);
      details.put(name, "DOWN");
      return "no answer within " + timeout.toMillis() + " ms";
    } catch (ExecutionException e) {
      details.put(name, "DOWN");
      return describe(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      details.put(name, "DOWN");
      return "interrupted";
    } catch (RuntimeException e) {
      details.put(name, "DOWN");
      return describe(e);
    }
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == error ? message : error.getClass().getSimpleName() + ": " + message;
  }
}
