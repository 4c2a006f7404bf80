package io.perfflow.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds what a mail template can say: the process variables and {@code baseUrl}, plus what the
 * first process family that recognises the variables contributes ({@link MailContextContributor}).
 */
@Component
public class MailContexts {
  private final List<MailContextContributor> contributors;
  private final String baseUrl;

  public MailContexts(List<MailContextContributor> contributors, @Value("${perfflow.base-url}") String baseUrl) {
    this.contributors = List.copyOf(contributors);
    this.baseUrl = baseUrl;
  }

  public MailContext build(Map<String, Object> variables) {
    Map<String, Object> base = new HashMap<>();
    variables.forEach((k, v) -> { if (v != null) base.put(k, v); });
    base.put("baseUrl", baseUrl);
    for (MailContextContributor contributor : contributors) {
      MailContext context = contributor.contribute(variables, Map.copyOf(base));
      if (context != null) {
        return context;
      }
    }
    return new MailContext(null, base, Map.of());
  }
}
