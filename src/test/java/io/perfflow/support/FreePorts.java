package io.perfflow.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a PerfFlow started in a child JVM. {@code new ServerSocket(0)} hands out a port from
 * the kernel's ephemeral range (32768–60999 on Linux) and frees it again, and while the child
 * starts, its embedded PostgreSQL and engine pick their own ports from that same range: once in a
 * benchmark run one of them took the web server's port first ("port 44441 already in use"). A
 * port below that range is never handed out that way.
 */
public final class FreePorts {
  private static final int FROM = 20_000;
  private static final int TO = 32_000; // below the ephemeral range

  private FreePorts() {}

  public static int belowTheEphemeralRange() {
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FROM, TO);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        return port;
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between " + FROM + " and " + TO);
  }
}
