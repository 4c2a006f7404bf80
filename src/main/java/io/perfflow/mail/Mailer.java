package io.perfflow.mail;

import io.perfflow.audit.AuditLog;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends PerfFlow's mails over SMTP from the templates in {@code mail/<template>.txt} (first line
 * {@code Subject: …}, then the body; {@code {{name}}} placeholders). Each mail carries a dedupe
 * key (the job it was sent for), so a retried job does not send it twice, and is audited.
 */
@Service
public class Mailer {
  public static final String SENT_AT_HEADER = "X-PerfFlow-Sent-At";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*}}");

  private final JavaMailSender sender;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final String from;

  public Mailer(JavaMailSender sender, JdbcClient jdbc, AuditLog audit, @Value("${perfflow.mail-from}") String from) {
    this.sender = sender;
    this.jdbc = jdbc;
    this.audit = audit;
    this.from = from;
  }

  public record Rendered(String subject, String body) {}

  /** Renders a template; a placeholder with no value is an error naming it (never a blank). */
  public Rendered render(String template, Map<String, ?> context) {
    String text = load(template);
    int newline = text.indexOf('\n');
    if (!text.startsWith("Subject:") || newline < 0) {
      throw new IllegalStateException("Mail template '" + template + "' must start with a 'Subject:' line");
    }
    String subject = fill(template, text.substring("Subject:".length(), newline).trim(), context);
    String body = fill(template, text.substring(newline + 1).stripLeading(), context);
    return new Rendered(subject, body);
  }

  /**
   * Sends one mail to the given addresses unless a mail with {@code dedupeKey} was sent already.
   * Returns false when it was a duplicate.
   */
  public boolean send(String template, List<String> to, Map<String, ?> context, String dedupeKey, Long reviewId, Long cycleId) {
    if (to.isEmpty()) {
      throw new IllegalArgumentException("Mail '" + template + "' has no recipient");
    }
    Rendered mail = render(template, context);
    // Claim the dedupe key before sending: a job that times out while its worker is still
    // sending (slow SMTP, or the engine clock moved) is activated again, and only one of the
    // two attempts may send. If sending fails, the claim is released so a retry can send.
    int claimed =
        jdbc.sql(
                "INSERT INTO mail_log (dedupe_key, template, recipients, subject, review_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(dedupeKey, template, String.join(", ", to), mail.subject(), reviewId)
            .update();
    if (claimed == 0) {
      return false;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body());
      // The Date header has one-second resolution; this orders mails exactly (the mailbox uses it).
      message.setHeader(SENT_AT_HEADER, java.time.Instant.now().toString());
      sender.send(message);
    } catch (MessagingException | RuntimeException e) {
      jdbc.sql("DELETE FROM mail_log WHERE dedupe_key = ?").param(dedupeKey).update();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Could not build mail '" + template + "': " + e.getMessage(), e);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("template", template);
    details.put("to", to);
    details.put("subject", mail.subject());
    if (reviewId == null && context.get("caseId") instanceof Number caseId) {
      // A supplier-delay case's mail: its timeline reads the audit events carrying its id.
      details.put("caseId", caseId.longValue());
      if (context.get("level") instanceof Number level) {
        details.put("level", level.intValue());
      }
    }
    audit.append("perfflow", "MAIL_SENT", reviewId, cycleId, details, "mail:" + dedupeKey);
    return true;
  }

  private static String fill(String template, String text, Map<String, ?> context) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = lookup(context, m.group(1));
      if (value == null) {
        throw new IllegalStateException("Mail template '" + template + "' needs '" + m.group(1) + "', which is not known here");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object lookup(Map<String, ?> context, String path) {
    Object current = context;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static String load(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("Bad mail template name '" + template + "'");
    }
    ClassPathResource resource = new ClassPathResource("mail/" + template + ".txt");
    if (!resource.exists()) {
      throw new IllegalStateException("No mail template 'mail/" + template + ".txt'");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
