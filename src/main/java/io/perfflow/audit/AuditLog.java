package io.perfflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every step of every review appends an event here. Events are hash-chained
 * (each stores the hash of the one before), so that {@link #verify()} detects an edited or a
 * deleted row. Appends are serialised on the single chain-head row so the chain stays linear.
 */
@Service
public class AuditLog {
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditLog(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public record Verification(boolean intact, long checked, Long firstBrokenEventId) {}

  /** Appends an event; joins the caller's transaction so the event and the change commit together. */
  @Transactional
  public void append(String actor, String action, Long reviewId, Long cycleId, Map<String, ?> details) {
    append(actor, action, reviewId, cycleId, details, null);
  }

  /**
   * Appends an event unless one with the same {@code dedupeKey} exists: a retried job (or a
   * listener that runs twice) records its step once.
   */
  @Transactional
  public void append(
      String actor, String action, Long reviewId, Long cycleId, Map<String, ?> details, String dedupeKey) {
    var head =
        jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head FOR UPDATE")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    if (dedupeKey != null
        && jdbc.sql("SELECT count(*) FROM audit_event WHERE dedupe_key = ?")
                .param(dedupeKey)
                .query(Long.class)
                .single()
            > 0) {
      return;
    }
    String prevHash = (String) head[1];
    long id = jdbc.sql("SELECT nextval('audit_event_id_seq')").query(Long.class).single();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String detailsJson = toJson(details);
    AuditEvent event = new AuditEvent(id, at, actor, action, reviewId, cycleId, detailsJson);
    String hash = hash(prevHash, event);
    jdbc.sql(
            """
            INSERT INTO audit_event (id, at, actor, action, review_id, cycle_id, details, dedupe_key, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, Timestamp.from(at), actor, action, reviewId, cycleId, detailsJson, dedupeKey, prevHash, hash)
        .update();
    jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?").params(id, hash).update();
  }

  public List<AuditEvent> historyOfReview(long reviewId) {
    return jdbc.sql("SELECT * FROM audit_event WHERE review_id = ? ORDER BY id")
        .param(reviewId)
        .query(AuditLog::event)
        .list();
  }

  public List<AuditEvent> historyOfCycle(long cycleId) {
    return jdbc.sql("SELECT * FROM audit_event WHERE cycle_id = ? AND review_id IS NULL ORDER BY id")
        .param(cycleId)
        .query(AuditLog::event)
        .list();
  }

  /** Events about a supplier-delay case: those whose details carry its {@code caseId}. */
  public List<AuditEvent> historyOfCase(long caseId) {
    return jdbc.sql(
            "SELECT * FROM audit_event WHERE review_id IS NULL AND details LIKE '%\"caseId\"%' AND (details::jsonb ->> 'caseId') = ? ORDER BY id")
        .param(Long.toString(caseId))
        .query(AuditLog::event)
        .list();
  }

  /** Recomputes the whole chain; reports the first event whose link or content does not match. */
  @Transactional(readOnly = true)
  public Verification verify() {
    long[] checked = {0};
    String[] expectedPrev = {"GENESIS"};
    Long[] broken = {null};
    jdbc.sql("SELECT * FROM audit_event ORDER BY id")
        .query(
            rs -> {
              if (broken[0] != null) {
                return;
              }
              AuditEvent event = event(rs, 0);
              String prev = rs.getString("prev_hash");
              String stored = rs.getString("hash");
              checked[0]++;
              if (!prev.equals(expectedPrev[0]) || !stored.equals(hash(prev, event))) {
                broken[0] = event.id();
                return;
              }
              expectedPrev[0] = stored;
            });
    if (broken[0] == null) {
      // A deleted last event leaves no successor to notice it: the head remembers the last hash.
      var head =
          jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head")
              .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
              .single();
      if (!head[1].equals(expectedPrev[0])) {
        broken[0] = (Long) head[0];
      }
    }
    return new Verification(broken[0] == null, checked[0], broken[0]);
  }

  static String hash(String prevHash, AuditEvent e) {
    String content =
        String.join(
            "\u001f",
            prevHash,
            Long.toString(e.id()),
            e.at().toString(),
            e.actor(),
            e.action(),
            String.valueOf(e.reviewId()),
            String.valueOf(e.cycleId()),
            e.details());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e1) {
      throw new IllegalStateException(e1);
    }
  }

  private static AuditEvent event(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        (Long) rs.getObject("review_id"),
        (Long) rs.getObject("cycle_id"),
        rs.getString("details"));
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details are not serialisable", e);
    }
  }

  static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
