package io.perfflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.metrics.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chain under concurrent use: verifying while it is appended to (what was appended after the
 * head was read is not a break), and a step appended twice at once (a redelivered job).
 */
class AuditChainVerifyTest {
  @Test
  void aStepAppendedTwiceIsRecordedOnceAlsoWhenBothAppendsRunAtOnce() throws Exception {
    TestDatabase db = TestDatabase.fresh().withAppSearchPath();
    AuditLog audit = new AuditLog(db.jdbc, new ObjectMapper());
    audit.append("perfflow", "METRICS_COLLECTED", null, Map.of("n", 1), "job-1");
    audit.append("perfflow", "METRICS_COLLECTED", null, Map.of("n", 1), "job-1");
    assertThat(db.jdbc.sql("SELECT count(*) FROM audit_event WHERE dedupe_key = 'job-1'").query(Long.class).single()).isEqualTo(1);

    // The first append holds the head's lock, uncommitted, while the second (the same job
    // delivered again) waits for it; once the first commits, the second must add nothing and
    // leave the head where the first put it.
    var firstHasAppended = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> db.transaction.executeWithoutResult(t -> {
        audit.append("perfflow", "SCORES_COMPUTED", null, Map.of("n", 2), "job-2");
        firstHasAppended.countDown();
        await(release);
      }));
      await(firstHasAppended);
      var second = pool.submit(() -> db.transaction.executeWithoutResult(
          t -> audit.append("perfflow", "SCORES_COMPUTED", null, Map.of("n", 2), "job-2")));
      org.awaitility.Awaitility.await("the second append waits for the first's lock").atMost(java.time.Duration.ofSeconds(10))
          .until(() -> db.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
              .query(Long.class).single() == 1);
      assertThat(second.isDone()).isFalse();
      release.countDown();
      first.get(10, java.util.concurrent.TimeUnit.SECONDS);
      second.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.jdbc.sql("SELECT count(*) FROM audit_event WHERE dedupe_key = 'job-2'").query(Long.class).single()).isEqualTo(1);
    assertThat(db.jdbc.sql("SELECT last_id FROM audit_chain_head").query(Long.class).single())
        .isEqualTo(db.jdbc.sql("SELECT id FROM audit_event WHERE dedupe_key = 'job-2'").query(Long.class).single());
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 2, null));
    audit.append("hr", "NEXT", null, Map.of("n", 3));
    assertThat(audit.verify()).as("the chain goes on from the first append").isEqualTo(new AuditLog.Verification(true, 3, null));
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEventAppendedWhileTheChainIsReadIsNotABreakButAnEditedOrDeletedOneIs() {
    TestDatabase db = TestDatabase.fresh().withAppSearchPath();
    AuditLog audit = new AuditLog(db.jdbc, new ObjectMapper());
    audit.append("hr", "FIRST", null, Map.of("n", 1));
    audit.append("hr", "SECOND", null, Map.of("n", 2));
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 2, null));
    Map<String, Object> headBefore = db.jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head").query().singleRow();

    // A verification that read the head just before a concurrent append committed sees the
    // append's event but the old head: the state this puts back.
    audit.append("hr", "THIRD", null, Map.of("n", 3));
    db.jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?").params(headBefore.get("last_id"), headBefore.get("last_hash")).update();
    assertThat(audit.verify()).as("the chain up to the head it read").isEqualTo(new AuditLog.Verification(true, 2, null));

    // The head's own event gone: still found out.
    long second = ((Number) headBefore.get("last_id")).longValue();
    db.jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
    db.jdbc.sql("DELETE FROM audit_event WHERE id >= ?").param(second).update();
    assertThat(audit.verify().intact()).isFalse();
    assertThat(audit.verify().firstBrokenEventId()).isEqualTo(second);
  }
}
