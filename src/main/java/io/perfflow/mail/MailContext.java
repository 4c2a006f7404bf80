package io.perfflow.mail;

import io.perfflow.audit.Subject;
import java.util.Map;

/**
 * What a mail template can say ({@code values}), what the mail is about ({@code subject}: its
 * audit event and mail-log row carry it) and what its audit event adds ({@code auditDetails}).
 */
public record MailContext(Subject subject, Map<String, Object> values, Map<String, Object> auditDetails) {
  public MailContext {
    values = Map.copyOf(values);
    auditDetails = Map.copyOf(auditDetails);
  }
}
