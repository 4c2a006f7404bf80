package io.perfflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An idle PerfFlow gives memory back: G1's periodic collection is set unless someone chose otherwise. */
class IdleMemoryTest {
  private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  @Test
  void setsG1sPeriodicCollectionOnceAndThenLeavesTheChosenValueAlone() {
    assumeTrue("true".equals(hotSpot.getVMOption("UseG1GC").getValue()), "the test JVM runs G1");
    VMOption before = hotSpot.getVMOption(IdleMemory.PERIODIC_GC);
    if (before.getOrigin() == VMOption.Origin.DEFAULT) {
      assertTrue(new IdleMemory(false, Duration.ofSeconds(60)).applyIdleCollectionInterval());
      assertEquals("60000", hotSpot.getVMOption(IdleMemory.PERIODIC_GC).getValue());
    }
    String chosen = hotSpot.getVMOption(IdleMemory.PERIODIC_GC).getValue();
    assertFalse(new IdleMemory(false, Duration.ofSeconds(5)).applyIdleCollectionInterval(), "a value already chosen stays");
    assertEquals(chosen, hotSpot.getVMOption(IdleMemory.PERIODIC_GC).getValue());
  }

  @Test
  void zeroLeavesTheJvmsSettingAsItIs() {
    String value = hotSpot.getVMOption(IdleMemory.PERIODIC_GC).getValue();
    assertFalse(new IdleMemory(false, Duration.ZERO).applyIdleCollectionInterval());
    assertEquals(value, hotSpot.getVMOption(IdleMemory.PERIODIC_GC).getValue());
  }
}
