package io.perfflow.runtime.camunda;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

/** Real Camunda clients for tests, pointed at loopback addresses the test chooses. */
final class TestClients {
  private TestClients() {}

  static CamundaClient client(int restPort, int grpcPort) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://127.0.0.1:" + restPort))
        .grpcAddress(URI.create("http://127.0.0.1:" + grpcPort))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A loopback port nothing listens on (free a moment ago). */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
