package io.perfflow.web;

import io.perfflow.NotFoundException;
import io.perfflow.mail.Mailbox;
import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The captured mail of the embedded runtime (newest first). Under the {@code camunda} profile
 * there is no capture (mail goes to a real SMTP server) and the page is a 404.
 */
@PageController
public class MailboxPage {
  private final ObjectProvider<Mailbox> mailbox;

  public MailboxPage(ObjectProvider<Mailbox> mailbox) {
    this.mailbox = mailbox;
  }

  @GetMapping("/mailbox")
  String mailbox(Model model) throws MessagingException {
    Mailbox captured = mailbox.getIfAvailable();
    if (captured == null) {
      throw new NotFoundException("The mailbox exists only in the embedded runtime; mail goes to the SMTP server.");
    }
    model.addAttribute("mails", captured.newestFirst(null));
    return "mailbox";
  }
}
