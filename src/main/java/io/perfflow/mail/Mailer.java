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
import java.util.ArrayList;
import java.util.Locale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import io.perfflow.CompanyTime;
import io.perfflow.i18n.Formats;
import io.perfflow.i18n.LanguagePreferences;
import io.perfflow.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
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
 * {@code Subject: …}, then the body). A template's texts are message keys {@code #{feature.key}}
 * of the feature's bundle ({@code i18n/<feature>.properties}, {@code _zh_CN}), written in each
 * recipient's language (their profile setting, else {@code perfflow.i18n.default-language}: one
 * mail per language); the texts then hold {@code {{name}}} placeholders, optionally with a format:
 * {@code {{due|when}}} (a time in the company zone), {@code {{day|date}}}, {@code {{total|number}}},
 * {@code {{ratio|percent}}}, {@code {{amount|money:currency}}} (the currency from the variable
 * named), {@code {{rating|msg:review.rating}}} (the message {@code review.rating.<value>}, else
 * the value). Each mail carries a dedupe key (the job it was sent for), so a retried job does not
 * send it twice, and is audited.
 */
@Service
public class Mailer {
  public static final String SENT_AT_HEADER = "X-PerfFlow-Sent-At";
  private static final PathMatchingResourcePatternResolver TEMPLATES = new PathMatchingResourcePatternResolver();
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)(?:\\|([a-z]+)(?::([a-zA-Z0-9_.-]+))?)?\\s*}}");
  private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)}");

  private final JavaMailSender sender;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final String from;
  private final MessageSource messages;
  private final LanguagePreferences languages;
  private final Languages supported;
  private final CompanyTime time;

  public Mailer(JavaMailSender sender, JdbcClient jdbc, AuditLog audit, @Value("${perfflow.mail-from}") String from,
      MessageSource messages, LanguagePreferences languages, Languages supported, CompanyTime time) {
    this.sender = sender;
    this.jdbc = jdbc;
    this.audit = audit;
    this.from = from;
    this.messages = messages;
    this.languages = languages;
    this.supported = supported;
    this.time = time;
  }

  public record Rendered(String subject, String body) {}

  /** Renders a template in the default language. */
  public Rendered render(String template, Map<String, ?> context) {
    return render(template, context, supported.defaultLocale());
  }

  /**
   * Renders a template in {@code locale}; a placeholder with no value or a message key the bundles
   * do not have is an error naming it (never a blank).
   */
  public Rendered render(String template, Map<String, ?> context, Locale locale) {
    String text = translate(template, load(template), locale);
    int newline = text.indexOf('\n');
    if (!text.startsWith("Subject:") || newline < 0) {
      throw new IllegalStateException("Mail template '" + template + "' must start with a 'Subject:' line");
    }
    String subject = fill(template, text.substring("Subject:".length(), newline).trim(), context, locale);
    String body = fill(template, text.substring(newline + 1).stripLeading(), context, locale);
    return new Rendered(subject, body);
  }

  private String translate(String template, String text, Locale locale) {
    Matcher m = MESSAGE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String message;
      try {
        message = messages.getMessage(m.group(1), null, locale);
      } catch (NoSuchMessageException e) {
        throw new IllegalStateException("Mail template '" + template + "' names the message '" + m.group(1) + "', which no bundle has");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(message));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Sends one mail to the given addresses unless a mail with {@code dedupeKey} was sent already.
   * Returns false when it was a duplicate.
   */
  public boolean send(String template, List<String> to, MailContext context, String dedupeKey) {
    if (to.isEmpty()) {
      throw new IllegalArgumentException("Mail '" + template + "' has no recipient");
    }
    // One mail per language, each recipient in theirs; rendered before anything is sent, so a
    // template that cannot be filled sends nothing.
    Map<String, Locale> byAddress = languages.forMailTo(to);
    Map<Locale, List<String>> groups = new LinkedHashMap<>();
    for (String address : to) {
      groups.computeIfAbsent(byAddress.getOrDefault(address, supported.defaultLocale()), l -> new ArrayList<>()).add(address);
    }
    Map<Locale, Rendered> mails = new LinkedHashMap<>();
    groups.keySet().forEach(locale -> mails.put(locale, render(template, context.values(), locale)));
    boolean sent = false;
    for (Map.Entry<Locale, List<String>> group : groups.entrySet()) {
      String key = groups.size() == 1 ? dedupeKey : dedupeKey + "#" + Languages.tag(group.getKey());
      sent |= sendOne(template, group.getValue(), context, key, mails.get(group.getKey()), group.getKey());
    }
    return sent;
  }

  private boolean sendOne(String template, List<String> to, MailContext context, String dedupeKey, Rendered mail, Locale locale) {
    Subject subject = context.subject();
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
    details.put("language", Languages.tag(locale));
    details.putAll(context.auditDetails());
    audit.append(AuditLog.SYSTEM, "MAIL_SENT", subject, details, "mail:" + dedupeKey);
    return true;
  }

  private String fill(String template, String text, Map<String, ?> context, Locale locale) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = lookup(context, m.group(1));
      if (value == null) {
        throw new IllegalStateException("Mail template '" + template + "' needs '" + m.group(1) + "', which is not known here");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(format(template, value, m.group(2), m.group(3), context, locale)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value as {@code {{name|filter:argument}}} asks, in the recipient's language and the company zone. */
  private String format(String template, Object value, String filter, String argument, Map<String, ?> context, Locale locale) {
    if (value instanceof io.perfflow.Localizable l) {
      // a text the Java side assembled as key and arguments (io.perfflow.Msg): in the recipient's language
      value = l.in(locale);
    }
    if (filter == null) {
      return value.toString();
    }
    String text = value.toString();
    try {
      return switch (filter) {
        case "when" -> Formats.when(instant(value), locale, time.zone()) + " " + time.zone().getId();
        case "date" -> Formats.date(date(value), locale);
        case "number" -> Formats.num(decimal(value), locale);
        case "percent" -> Formats.percent(decimal(value), locale);
        case "money" -> Formats.money(decimal(value), argument == null ? null : String.valueOf(lookup(context, argument)), locale);
        case "msg" -> messages.getMessage(argument + "." + text, null, text, locale);
        default -> throw new IllegalStateException("Mail template '" + template + "' uses the unknown format '" + filter + "'");
      };
    } catch (RuntimeException e) {
      if (e instanceof IllegalStateException) {
        throw e;
      }
      return text; // a value that is not what the format expects is shown as it is
    }
  }

  private Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.temporal.TemporalAccessor t && t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    return io.perfflow.engine.EngineTime.parse(value.toString());
  }

  private LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString();
    if (text.length() == 10) {
      return LocalDate.parse(text);
    }
    return time.today(instant(value));
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
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
