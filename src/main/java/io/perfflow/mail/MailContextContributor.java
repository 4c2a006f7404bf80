package io.perfflow.mail;

import java.util.Map;

/**
 * A process family's part of the mail context (contributed as a bean, tried in {@code @Order}):
 * from the mail job's variables, what the family's templates say about its subject.
 */
public interface MailContextContributor {
  /**
   * Returns null when the variables are not about one of this family's subjects; otherwise the
   * context, starting from {@code base} (the variables and {@code baseUrl}).
   */
  MailContext contribute(Map<String, Object> variables, Map<String, Object> base);
}
