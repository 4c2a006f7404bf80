package io.perfflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.metrics.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verifying the chain while it is appended to: what was appended after the head was read is not a break. */
class AuditChainVerifyTest {
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
