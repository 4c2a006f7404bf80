package io.perfflow.runtime.embedded;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/**
 * The embedded engine alone, with a gRPC client, on a free loopback port: for tests of the engine
 * and of models that need no PerfFlow context (snapshots only when a test takes them).
 */
public record BareEngine(EmbeddedZeebeEngine engine, CamundaClient client) implements AutoCloseable {

  /** On {@code dataDir} (empty: a temporary folder, deleted at stop), rebuilt from what is there. */
  public static BareEngine start(String dataDir) {
    return start(dataDir, FileLogStorage.DEFAULT_SEGMENT_SIZE);
  }

  /** As {@link #start(String)}, with the log's segment size. */
  public static BareEngine start(String dataDir, long segmentSize) {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(port, dataDir, Duration.ZERO, segmentSize);
    CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port)).preferRestOverGrpc(false).build();
    return new BareEngine(engine, client);
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
