package io.perfflow.web;

import io.perfflow.NotFoundException;
import io.perfflow.runtime.embedded.DevController;
import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The captured mail of the embedded runtime (newest first). Under the {@code camunda} profile
 * there is no capture (mail goes to a real SMTP server) and the page is a 404.
 */
@Controller
public class MailboxPage {
  private final ObjectProvider<DevController> dev;

  public MailboxPage(ObjectProvider<DevController> dev) {
    this.dev = dev;
  }

  @GetMapping("/mailbox")
  String mailbox(Model model) throws MessagingException {
    DevController controller = dev.getIfAvailable();
    if (controller == null) {
      throw new NotFoundException("The mailbox exists only in the embedded runtime; mail goes to the SMTP server.");
    }
    model.addAttribute("mails", controller.mailbox(null));
    return "mailbox";
  }
}
