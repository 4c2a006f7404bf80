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
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every step of every process appends an event here, about a {@link Subject}. Events are hash-chained
 * (each stores the hash of the one before), so that {@link #verify()} detects an edited or a
 * deleted row. Appends are serialised on the single chain-head row so the chain stays linear.
 */
@Service
public class AuditLog {
  /** The actor of what PerfFlow itself does (workers, listeners, scans). */
  public static final String SYSTEM = "perfflow";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditLog(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public record Verification(boolean intact, long checked, Long firstBrokenEventId) {}

  /** Appends an event; joins the caller's transaction so the event and the change commit together. */
  @Transactional
  public void append(String actor, String action, Subject subject, Map<String, ?> details) {
    append(actor, action, subject, details, null);
  }

  /**
   * Appends an event unless one with the same {@code dedupeKey} exists: a retried job (or a
   * listener that runs twice) records its step once.
   *
   * <p>Two statements, as every worker step appends one: the head is locked (and the event's id
   * drawn) first, so the chain stays linear; the insert then skips a key that is there already
   * (also one that a concurrent append of the same step committed while this one waited for the
   * lock) and moves the head only when it inserted.
   */
  @Transactional
  public void append(String actor, String action, Subject subject, Map<String, ?> details, String dedupeKey) {
    var head =
        jdbc.sql("SELECT last_hash, nextval('audit_event_id_seq') FROM audit_chain_head FOR UPDATE")
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
            .single();
    String prevHash = (String) head[0];
    long id = (Long) head[1];
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String detailsJson = toJson(details);
    AuditEvent event = new AuditEvent(id, at, actor, action, subject, detailsJson);
    String hash = hash(prevHash, event);
    jdbc.sql(
            """
            WITH appended AS (
              INSERT INTO audit_event (id, at, actor, action, subject_type, subject_id, details, dedupe_key, prev_hash, hash,
                hash_version)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)
              ON CONFLICT (dedupe_key) DO NOTHING
              RETURNING id, hash)
            UPDATE audit_chain_head SET last_id = appended.id, last_hash = appended.hash FROM appended""")
        .params(id, Timestamp.from(at), actor, action, subject == null ? null : subject.type(),
            subject == null ? null : subject.id(), detailsJson, dedupeKey, prevHash, hash)
        .update();
  }

  /** Every event about one subject (a review, a cycle, a supplier-delay case, ...), oldest first. */
  public List<AuditEvent> historyOf(Subject subject) {
    return jdbc.sql("SELECT * FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id")
        .params(subject.type(), subject.id())
        .query(AuditLog::event)
        .list();
  }

  /**
   * Recomputes the whole chain; reports the first event whose link or content does not match.
   *
   * <p>The head is read first and the chain only up to it: every event up to the head's last id
   * had committed when the head was read (appends hold the head's lock), and an event appended
   * while the chain is being read has a later id. Reading the events first and the head after
   * them reported a chain that was being appended to as broken (seen with the suite in reversed
   * class order: a bonus pool's mails were audited during its verification).
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    var head =
        jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    long[] checked = {0};
    String[] expectedPrev = {"GENESIS"};
    Long[] broken = {null};
    jdbc.sql("SELECT * FROM audit_event WHERE id <= ? ORDER BY id")
        .param(head[0])
        .query(
            rs -> {
              if (broken[0] != null) {
                return;
              }
              AuditEvent event = event(rs, 0);
              String prev = rs.getString("prev_hash");
              String stored = rs.getString("hash");
              checked[0]++;
              String computed = rs.getInt("hash_version") == 1
                  ? hashV1(prev, event, (Long) rs.getObject("v1_review_id"), (Long) rs.getObject("v1_cycle_id"))
                  : hash(prev, event);
              if (!prev.equals(expectedPrev[0]) || !stored.equals(computed)) {
                broken[0] = event.id();
                return;
              }
              expectedPrev[0] = stored;
            });
    if (broken[0] == null && !head[1].equals(expectedPrev[0])) {
      // A deleted last event leaves no successor to notice it: the head remembers the last hash.
      broken[0] = (Long) head[0];
    }
    return new Verification(broken[0] == null, checked[0], broken[0]);
  }

  /** The hash of an event (hash_version 2): its link, its content and its subject. */
  static String hash(String prevHash, AuditEvent e) {
    return sha256(String.join(
        "\u001f",
        "v2",
        prevHash,
        Long.toString(e.id()),
        e.at().toString(),
        e.actor(),
        e.action(),
        e.subject() == null ? "" : e.subject().type(),
        e.subject() == null ? "" : Long.toString(e.subject().id()),
        e.details()));
  }

  /**
   * Events written before V12 (hash_version 1) hashed a review id and a cycle id instead of a
   * subject; they keep those two columns (v1_review_id, v1_cycle_id) so their hashes still
   * verify. Their subject was derived by V12 from hashed fields (review id, cycle id, the
   * details' case id).
   */
  static String hashV1(String prevHash, AuditEvent e, Long reviewId, Long cycleId) {
    return sha256(String.join(
        "\u001f",
        prevHash,
        Long.toString(e.id()),
        e.at().toString(),
        e.actor(),
        e.action(),
        String.valueOf(reviewId),
        String.valueOf(cycleId),
        e.details()));
  }

  private static String sha256(String content) {
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
        Subject.of(rs.getString("subject_type"), (Long) rs.getObject("subject_id")),
        rs.getString("details"));
  }

  /** Longer texts in audit details are stored as their digest (see {@link #bounded}). */
  static final int MAX_DETAIL_TEXT = 8000;

  /**
   * Audit details stay small whatever the input: a text longer than {@value #MAX_DETAIL_TEXT}
   * characters is replaced by its SHA-256, its length and its first 200 characters, so the event
   * still proves what was there without storing megabytes.
   */
  static Object bounded(Object value) {
    if (value instanceof String text && text.length() > MAX_DETAIL_TEXT) {
      Map<String, Object> digest = new java.util.LinkedHashMap<>();
      digest.put("sha256", sha256(text));
      digest.put("length", text.length());
      digest.put("start", text.substring(0, 200));
      return digest;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, bounded(v)));
      return copy;
    }
    if (value instanceof java.util.Collection<?> list) {
      return list.stream().map(AuditLog::bounded).toList();
    }
    return value;
  }


  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : bounded(details));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details are not serialisable", e);
    }
  }
}
