package io.perfflow.runtime.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Zeebe engine of the embedded runtime (zeebe-process-test's in-memory engine: the
 * real workflow engine over an in-memory log).
 *
 * <p>Two things are changed from the library's defaults, both for reasons measured on this
 * product: its gRPC gateway would bind every interface with no authentication, so it is rebound
 * to loopback before it starts; and it keeps a static non-daemon {@link Timer} that would keep
 * the JVM alive after the application context closes, so {@link #stop()} cancels it.
 */
public final class EmbeddedZeebeEngine {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

  private final ZeebeTestEngine engine;
  private final int port;
  private final java.util.concurrent.atomic.AtomicReference<Duration> advanced =
      new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

  private EmbeddedZeebeEngine(ZeebeTestEngine engine, int port) {
    this.engine = engine;
    this.port = port;
  }

  /** Creates the engine with its gateway bound to {@code 127.0.0.1:port} and starts it. */
  public static EmbeddedZeebeEngine start(int port) {
    ZeebeTestEngine engine = EngineFactory.create(port);
    rebindGatewayToLoopback(engine, port);
    engine.start();
    LOG.info("Embedded Zeebe engine listening on 127.0.0.1:{}", port);
    return new EmbeddedZeebeEngine(engine, port);
  }

  public void stop() {
    try {
      engine.stop();
    } finally {
      cancelEngineStateMonitorTimer();
    }
  }

  public int port() {
    return port;
  }

  public String gatewayAddress() {
    return "127.0.0.1:" + port;
  }

  /** Moves the engine's clock forward: due timers fire as if that time had passed. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
    advanced.accumulateAndGet(duration, Duration::plus);
  }

  /** How far the engine's clock was moved ahead of the wall clock. */
  public Duration advanced() {
    return advanced.get();
  }

  /** The engine's current time. */
  public java.time.Instant now() {
    return java.time.Instant.now().plus(advanced.get());
  }

  ZeebeTestEngine delegate() {
    return engine;
  }

  /** The addresses the gateway really listens on (for the loopback-only check). */
  public List<? extends SocketAddress> listenAddresses() {
    return ((Server) readField(engine, "grpcServer")).getListenSockets();
  }

  private static void rebindGatewayToLoopback(ZeebeTestEngine engine, int port) {
    BindableService gateway = (BindableService) readField(engine, "gateway");
    Server loopbackOnly =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(gateway)
            .build();
    writeField(engine, "grpcServer", loopbackOnly);
  }

  private static void cancelEngineStateMonitorTimer() {
    try {
      Class<?> monitor = Class.forName("io.camunda.zeebe.process.test.engine.EngineStateMonitor");
      Field timer = monitor.getDeclaredField("TIMER");
      timer.setAccessible(true);
      ((Timer) timer.get(null)).cancel();
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Could not cancel the engine's idle-state timer; the JVM may not exit by itself", e);
    }
  }

  static Object readField(Object target, String name) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "The embedded Zeebe engine changed shape (field " + name + "); check its version", e);
    }
  }

  private static void writeField(Object target, String name, Object value) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "The embedded Zeebe engine changed shape (field " + name + "); check its version", e);
    }
  }
}
