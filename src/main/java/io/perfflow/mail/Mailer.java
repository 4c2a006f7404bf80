package io.perfflow.mail;

import io.perfflow.audit.AuditLog;
import io.perfflow.audit.Subject;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends PerfFlow's mails over SMTP from the templates in {@code mail/<feature>/<template>.txt} (first line
 * {@code Subject: …}, then the body; {@code {{name}}} placeholders). Each mail carries a dedupe
 * key (the job it was sent for), so a retried job does not send it twice, and is audited.
 */
@Service
public class Mailer {
  public static final String SENT_AT_HEADER = "X-PerfFlow-Sent-At";
  private static final PathMatchingResourcePatternResolver TEMPLATES = new PathMatchingResourcePatternResolver();
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
  public boolean send(String template, List<String> to, MailContext context, String dedupeKey) {
    Subject subject = context.subject();
    if (to.isEmpty()) {
      throw new IllegalArgumentException("Mail '" + template + "' has no recipient");
    }
    Rendered mail = render(template, context.values());
    // Claim the dedupe key before sending: a job that times out while its worker is still
    // sending (slow SMTP, or the engine clock moved) is activated again, and only one of the
    // two attempts may send. If sending fails, the claim is released so a retry can send.
    int claimed =
        jdbc.sql(
                """
                INSERT INTO mail_log (dedupe_key, template, recipients, subject, subject_type, subject_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(dedupeKey, template, String.join(", ", to), mail.subject(),
                subject == null ? null : subject.type(), subject == null ? null : subject.id())
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
    details.putAll(context.auditDetails());
    audit.append(AuditLog.SYSTEM, "MAIL_SENT", subject, details, "mail:" + dedupeKey);
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

  /**
   * A template lives in its process family's folder, {@code mail/<feature>/<template>.txt}; the
   * model names it without the folder (template names are unique across families).
   */
  private static String load(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("Bad mail template name '" + template + "'");
    }
    Resource[] found;
    try {
      found = TEMPLATES.getResources("classpath*:mail/*/" + template + ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found.length == 0) {
      throw new IllegalStateException("No mail template 'mail/<feature>/" + template + ".txt'");
    }
    if (found.length > 1 && java.util.Arrays.stream(found).map(Mailer::folderOf).distinct().count() > 1) {
      throw new IllegalStateException("Mail template '" + template + "' exists in several feature folders");
    }
    try (InputStream in = found[0].getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String folderOf(Resource resource) {
    try {
      String uri = resource.getURI().toString();
      String parent = uri.substring(0, uri.lastIndexOf('/'));
      return parent.substring(parent.lastIndexOf('/') + 1);
    } catch (IOException e) {
      return resource.getDescription();
    }
  }
}
