package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.perfflow.runtime.camunda.BoundedClientClose.CloseOutcome;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the Camunda client can park forever on a job stream's lock that a pool thread kept
 * (client 8.8.14). PerfFlow's stop must finish anyway: these tests hand the bounded close a client
 * that blocks the same way. The class timeout fails the build instead of hanging it if the bound
 * ever stops working.
 */
@Timeout(30)
class BoundedClientCloseTest {
  private static final Duration SHORT = Duration.ofMillis(200);

  @Test
  void aClientThatClosesNormallyIsClosedOnceAndOtherCallsGoThrough() {
    AtomicInteger closes = new AtomicInteger();
    CamundaClient client = BoundedClientClose.wrap(stub(closes::incrementAndGet), SHORT);

    assertThat(client.toString()).startsWith("BoundedClientClose(");
    client.close();

    assertThat(closes).hasValue(1);
    assertThat(BoundedClientClose.lastOutcome(client)).isEqualTo(CloseOutcome.CLOSED);
  }

  @Test
  void aCloseStuckOnALockHeldByAnotherThreadIsInterruptedAndReturns() throws Exception {
    // The bug's shape: another thread took the stream lock and never gave it back.
    ReentrantLock streamLock = new ReentrantLock();
    CountDownLatch locked = new CountDownLatch(1);
    Thread holder =
        Thread.ofPlatform()
            .daemon(true)
            .start(
                () -> {
                  streamLock.lock();
                  locked.countDown();
                  try {
                    Thread.sleep(Long.MAX_VALUE);
                  } catch (InterruptedException e) {
                    streamLock.unlock();
                  }
                });
    locked.await();
    AtomicBoolean sawInterrupt = new AtomicBoolean();
    CamundaClient client =
        BoundedClientClose.wrap(
            stub(
                () -> {
                  try {
                    streamLock.lockInterruptibly();
                    streamLock.unlock();
                  } catch (InterruptedException e) {
                    sawInterrupt.set(true);
                  }
                }),
            SHORT);

    client.close();

    assertThat(BoundedClientClose.lastOutcome(client)).isEqualTo(CloseOutcome.CLOSED_AFTER_INTERRUPT);
    assertThat(sawInterrupt).isTrue();
    holder.interrupt();
  }

  @Test
  void aCloseThatIgnoresInterruptsIsAbandonedSoTheStopStillFinishes() {
    CountDownLatch never = new CountDownLatch(1);
    CamundaClient client =
        BoundedClientClose.wrap(
            stub(
                () -> {
                  while (never.getCount() > 0) {
                    try {
                      never.await();
                    } catch (InterruptedException ignored) {
                      // like a close that swallows the interrupt and keeps waiting
                    }
                  }
                }),
            SHORT);

    client.close();

    assertThat(BoundedClientClose.lastOutcome(client)).isEqualTo(CloseOutcome.ABANDONED);
    never.countDown();
  }

  @Test
  void onlyCamundaClientsAreWrapped() {
    BoundedClientClose postProcessor = new BoundedClientClose(SHORT);
    Object other = new Object();
    assertThat(postProcessor.postProcessAfterInitialization(other, "other")).isSameAs(other);
    Object wrapped = postProcessor.postProcessAfterInitialization(stub(() -> {}), "camundaClient");
    assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
    assertThat(postProcessor.postProcessAfterInitialization(wrapped, "camundaClient")).isSameAs(wrapped);
  }

  /** A client whose close() runs {@code onClose}; any other call answers null. */
  private static CamundaClient stub(Runnable onClose) {
    return (CamundaClient)
        Proxy.newProxyInstance(
            CamundaClient.class.getClassLoader(),
            new Class<?>[] {CamundaClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                onClose.run();
                return null;
              }
              if (method.getName().equals("toString")) {
                return "stub";
              }
              return null;
            });
  }
}
