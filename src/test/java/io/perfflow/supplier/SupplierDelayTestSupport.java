package io.perfflow.supplier;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real application in the embedded runtime (in-memory Zeebe, embedded PostgreSQL, GreenMail),
 * shared by the supplier-delay tests. Each test inserts its own purchase orders (unique ids), so
 * it does not depend on the generated demo data (the scan also opens cases for those).
 */
@io.perfflow.support.EmbeddedPerfFlowTest
abstract class SupplierDelayTestSupport {
  /** The company time zone the tests run with (the default, perfflow.company.time-zone). */
  static final java.time.ZoneId ZONE = java.time.ZoneId.of(io.perfflow.CompanyTime.DEFAULT_ZONE);
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail mail;
  @Autowired SupplierDelays delays;

  record Mail(List<String> to, String subject, String body) {}

  // --- the procurement ERP ----------------------------------------------------------------------

  /** A new supplier and an undelivered order of {@code buyer}, promised {@code daysAgo} days before the engine's today. */
  String lateOrder(String buyer, int daysAgo) {
    return order(buyer, 10, engineToday().minusDays(daysAgo + 10L), engineToday().minusDays(daysAgo), null);
  }

  String order(String buyer, int quantity, LocalDate orderedOn, LocalDate promisedOn, LocalDate deliveredOn) {
    String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String supplier = "SUP-" + id;
    jdbc.sql("INSERT INTO source.supplier (id, name) VALUES (?, ?)").params(supplier, "Supplier of " + id).update();
    jdbc.sql(
            """
            INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost,
              ordered_on, promised_on, delivered_on, status) VALUES (?, ?, ?, 'phone cases', ?, 1234.50, 1200, ?, ?, ?, ?)""")
        .params(id, supplier, buyer, quantity, orderedOn, promisedOn, deliveredOn, deliveredOn == null ? "ORDERED" : "DELIVERED")
        .update();
    return id;
  }

  void deliver(String orderId) {
    jdbc.sql("UPDATE source.purchase_order SET status = 'DELIVERED', delivered_on = ? WHERE id = ?").params(engineToday(), orderId).update();
  }

  // --- the API ------------------------------------------------------------------------------------

  Map<String, Object> scan() {
    ResponseEntity<Map<String, Object>> r =
        http.withBasicAuth("paul", "demo").exchange("/api/supplier-delays/scan", HttpMethod.POST, null, new ParameterizedTypeReference<>() {});
    if (!r.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("scan answered " + r.getStatusCode() + ": " + r.getBody());
    }
    return r.getBody();
  }

  @SuppressWarnings("unchecked")
  static List<Object> opened(Map<String, Object> scanResult) {
    return (List<Object>) scanResult.get("openedOrderIds");
  }

  Map<String, Object> getCase(long id, String user) {
    return ok(http.withBasicAuth(user, "demo")
        .exchange("/api/supplier-delays/" + id, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {}));
  }

  /** Completes a task; the caller asserts the answer's status (204, or the 400 it expects). */
  ResponseEntity<String> complete(long taskKey, String user, Map<String, Object> variables) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/tasks/" + taskKey + "/complete", Map.of("variables", variables), String.class);
  }

  /** Completes a task and asserts that it was accepted. */
  void completeOk(long taskKey, String user, Map<String, Object> variables) {
    ResponseEntity<String> answer = complete(taskKey, user, variables);
    if (answer.getStatusCode().value() != 204) {
      throw new AssertionError("completing task " + taskKey + " as " + user + " answered " + answer.getStatusCode() + ": " + answer.getBody());
    }
  }

  List<Map<String, Object>> inbox(String query, String user) {
    return ok(http.withBasicAuth(user, "demo")
        .exchange("/api/tasks?" + query, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}));
  }

  /** Moves the engine clock: due timers fire. Returns the total the clock has been moved. */
  Duration advanceClock(String by) {
    Map<String, Object> r = ok(http.withBasicAuth("admin", "admin")
        .exchange("/api/dev/clock", HttpMethod.POST, new HttpEntity<>(Map.of("advance", by)), new ParameterizedTypeReference<Map<String, Object>>() {}));
    return Duration.parse((String) r.get("totalAdvanced"));
  }

  /** The engine's time, read without moving the clock. */
  Instant engineNow() {
    Map<String, Object> r = ok(http.withBasicAuth("admin", "admin")
        .exchange("/api/dev/clock", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {}));
    return Instant.parse((String) r.get("engineTime"));
  }

  private static <T> T ok(ResponseEntity<T> response) {
    if (response.getStatusCode().value() != 200) {
      throw new AssertionError("expected HTTP 200 but got " + response.getStatusCode() + ": " + response.getBody());
    }
    return response.getBody();
  }

  LocalDate engineToday() {
    return LocalDate.ofInstant(engineNow(), ZONE);
  }

  // --- the case -----------------------------------------------------------------------------------

  SupplierDelayCase caseOf(String orderId) {
    return awaitValue(() -> jdbc.sql("SELECT * FROM supplier_delay_case WHERE order_id = ? ORDER BY id DESC LIMIT 1")
        .param(orderId).query(SupplierDelays::row).optional().orElse(null));
  }

  long caseCount(String orderId) {
    return jdbc.sql("SELECT count(*) FROM supplier_delay_case WHERE order_id = ?").param(orderId).query(Long.class).single();
  }

  /** The open inbox task of a case (waits until the task listener has put it there). */
  long openTask(long caseId, String elementId) {
    return awaitValue(() -> jdbc.sql("SELECT key FROM user_task WHERE subject_type = 'supplier-delay-case' AND subject_id = ? AND element_id = ? AND status = 'CREATED' AND (assignee IS NOT NULL OR cardinality(candidate_groups) > 0)")
        .params(caseId, elementId).query(Long.class).optional().orElse(null));
  }

  /**
   * Waits until the assigning listener has run for an assigned task (a completion sent before
   * it is rejected by the engine).
   */
  void awaitAssigned(long taskKey, String assignee) {
    await().atMost(PATIENCE).until(() -> assignee.equals(
        jdbc.sql("SELECT assignee FROM user_task WHERE key = ?").param(taskKey).query(String.class).optional().orElse(null)));
  }

  SupplierDelayCase awaitStatus(String orderId, String status) {
    await().atMost(PATIENCE).until(() -> status.equals(caseOf(orderId).status().name()));
    return caseOf(orderId);
  }

  List<String> timelineActions(long caseId) {
    return delays.timeline(caseId).stream().map(e -> e.action()).toList();
  }

  // --- mail -----------------------------------------------------------------------------------------

  /**
   * Mails about an order (its id is in every supplier-delay subject), oldest first. GreenMail
   * keeps one copy per recipient: a mail to two people is counted once.
   */
  List<Mail> mailsAbout(String orderId) throws MessagingException {
    List<Mail> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<MimeMessage> messages = new ArrayList<>(Arrays.asList(mail.getReceivedMessages()));
    // The capture groups messages by recipient mailbox; order them by when PerfFlow sent them.
    messages.sort(java.util.Comparator.comparing(SupplierDelayTestSupport::sentAt));
    for (MimeMessage m : messages) {
      if (m.getSubject() != null && m.getSubject().contains(orderId) && seen.add(m.getMessageID())) {
        out.add(new Mail(Arrays.stream(m.getAllRecipients()).map(Address::toString).sorted().toList(), m.getSubject(),
            body(m)));
      }
    }
    return out;
  }

  private static String sentAt(MimeMessage m) {
    try {
      String[] stamp = m.getHeader(io.perfflow.mail.Mailer.SENT_AT_HEADER);
      return stamp == null ? "" : stamp[0];
    } catch (MessagingException e) {
      return "";
    }
  }

  private static String body(MimeMessage m) throws MessagingException {
    try {
      Object content = m.getContent();
      return (content instanceof String s ? s : GreenMailUtil.getBody(m)).replace("\r\n", "\n");
    } catch (java.io.IOException e) {
      return GreenMailUtil.getBody(m);
    }
  }

  List<Mail> awaitMails(String orderId, int count) {
    return awaitValue(() -> {
      List<Mail> mails = mailsAbout(orderId);
      return mails.size() >= count ? mails : null;
    });
  }

  String email(String employeeId) {
    return jdbc.sql("SELECT email FROM employee WHERE id = ?").param(employeeId).query(String.class).single();
  }

  interface Probe<T> {
    T get() throws Exception;
  }

  static <T> T awaitValue(Probe<T> probe) {
    Object[] holder = new Object[1];
    await().atMost(PATIENCE).until(() -> {
      holder[0] = probe.get();
      return holder[0] != null;
    });
    @SuppressWarnings("unchecked")
    T value = (T) holder[0];
    return value;
  }
}
