package io.perfflow.runtime.embedded;

import com.icegreen.greenmail.util.GreenMail;
import io.perfflow.mail.Mailbox;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The embedded runtime's in-process SMTP capture, as the UI's mailbox reads it. */
@Component
@Profile("embedded")
class EmbeddedMailbox implements Mailbox {
  private final GreenMail capture;

  EmbeddedMailbox(GreenMail capture) {
    this.capture = capture;
  }

  @Override
  public List<Map<String, Object>> newestFirst(String to) {
    try {
      return CapturedMail.newestFirst(capture, to);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read the captured mail: " + e.getMessage(), e);
    }
  }
}
