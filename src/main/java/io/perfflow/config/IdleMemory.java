package io.perfflow.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the memory of the start back to the operating system, and keeps an idle PerfFlow small.
 *
 * <p>G1, the JVM's default collector, keeps the heap it grew to while PerfFlow started (the
 * Spring context, the engine's recovery, the demo company's seed) for as long as no collection
 * runs, and an idle PerfFlow may run none for hours. Measured on the 2-core test machine, 10 s
 * after a first start: 528 MB of heap committed, 56 MB of it live; RSS 714 MB, 408 MB after one
 * collection. So, once the start is over:
 * <ul>
 *   <li>one collection of the start's garbage ({@code perfflow.memory.collect-after-start},
 *       default true), on a thread of its own as PerfFlow reports ready: a pause of 0.1–0.5 s
 *       a moment after the start instead of inside it (measured: restarts took that much longer
 *       when it ran before ready), and
 *   <li>G1's periodic collection ({@code G1PeriodicGCInterval}: a concurrent cycle, which may
 *       shrink the heap, when none ran for {@code perfflow.memory.idle-collection-interval},
 *       default 60 s; 0 leaves it off). A busy PerfFlow collects anyway and never sees it. A
 *       {@code -XX:G1PeriodicGCInterval} given on the command line wins.
 * </ul>
 */
@Component
public class IdleMemory {
  private static final Logger LOG = LoggerFactory.getLogger(IdleMemory.class);
  static final String PERIODIC_GC = "G1PeriodicGCInterval";

  private final boolean collectAfterStart;
  private final Duration idleCollectionInterval;

  public IdleMemory(
      @Value("${perfflow.memory.collect-after-start:true}") boolean collectAfterStart,
      @Value("${perfflow.memory.idle-collection-interval:60s}") Duration idleCollectionInterval) {
    this.collectAfterStart = collectAfterStart;
    this.idleCollectionInterval = idleCollectionInterval;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE) // after the start's own work and banner
  public void afterStart() {
    applyIdleCollectionInterval();
    if (collectAfterStart) {
      Thread collector = new Thread(IdleMemory::collectTheStartsGarbage, "perfflow-idle-memory");
      collector.setDaemon(true);
      collector.start();
    }
  }

  private static void collectTheStartsGarbage() {
    long started = System.nanoTime();
    System.gc(); // once (a no-op with -XX:+DisableExplicitGC)
    LOG.info("Collected the start's garbage in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** Sets G1's periodic collection unless the collector is not G1 or the command line set it; returns whether it did. */
  boolean applyIdleCollectionInterval() {
    if (idleCollectionInterval.isZero() || idleCollectionInterval.isNegative()) {
      return false;
    }
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotSpot == null || !"true".equals(hotSpot.getVMOption("UseG1GC").getValue())) {
        return false;
      }
      VMOption periodic = hotSpot.getVMOption(PERIODIC_GC);
      if (periodic.getOrigin() != VMOption.Origin.DEFAULT || !periodic.isWriteable()) {
        return false; // chosen by whoever started the JVM
      }
      hotSpot.setVMOption(PERIODIC_GC, Long.toString(idleCollectionInterval.toMillis()));
      LOG.info("An idle PerfFlow returns memory: G1 collects when it has not for {}", idleCollectionInterval);
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException notThisJvm) {
      LOG.debug("No G1 periodic collection on this JVM: {}", notThisJvm.toString());
      return false;
    }
  }
}
