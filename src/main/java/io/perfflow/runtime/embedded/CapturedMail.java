package io.perfflow.runtime.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.perfflow.mail.Mailer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mail an SMTP capture received, as the mailbox shows it: {to, subject, body, sentAt}. */
public final class CapturedMail {
  private CapturedMail() {}

  /** Newest first; optionally only mail to one address. A mail to several people is listed once. */
  public static List<Map<String, Object>> newestFirst(GreenMail capture, String to) throws MessagingException {
    List<Map<String, Object>> mails = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MimeMessage m : capture.getReceivedMessages()) {
      // The capture keeps one copy per recipient.
      if (m.getMessageID() != null && !seen.add(m.getMessageID())) {
        continue;
      }
      List<String> recipients =
          Arrays.stream(m.getAllRecipients() == null ? new Address[0] : m.getAllRecipients()).map(Address::toString).toList();
      if (to != null && !recipients.contains(to)) {
        continue;
      }
      Map<String, Object> mail = new LinkedHashMap<>();
      mail.put("to", recipients);
      mail.put("subject", m.getSubject());
      mail.put("body", GreenMailUtil.getBody(m).replace("\r\n", "\n"));
      String[] stamp = m.getHeader(Mailer.SENT_AT_HEADER);
      java.time.Instant sentAt = stamp != null && stamp.length > 0 ? java.time.Instant.parse(stamp[0])
          : m.getSentDate() == null ? java.time.Instant.EPOCH : m.getSentDate().toInstant();
      mail.put("sentAt", sentAt);
      mails.add(mail);
    }
    // The capture groups messages by recipient mailbox: order them by when they were sent.
    mails.sort(java.util.Comparator.comparing((Map<String, Object> mail) -> (java.time.Instant) mail.get("sentAt")).reversed());
    return mails;
  }
}
