package io.perfflow.runtime.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.perfflow.InvalidInputException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Embedded mode only: read and move the engine's clock, and read the mail PerfFlow sent. */
@RestController
@RequestMapping("/api/dev")
@Profile("embedded")
public class DevController {
  private final EmbeddedZeebeEngine engine;
  private final GreenMail mailCapture;

  public DevController(EmbeddedZeebeEngine engine, GreenMail mailCapture) {
    this.engine = engine;
    this.mailCapture = mailCapture;
  }

  public record ClockBody(String advance) {}

  /** {@code {"advance":"P3D"}}: due timers fire as if that much time had passed. */
  @PostMapping("/clock")
  public Map<String, Object> advance(@RequestBody ClockBody body) {
    Duration by;
    try {
      by = Duration.parse(body == null || body.advance() == null ? "" : body.advance());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("advance", "must be an ISO-8601 duration such as P3D or PT12H, got '" + (body == null ? null : body.advance()) + "'");
    }
    if (by.isNegative() || by.isZero()) {
      throw new InvalidInputException("advance", "must be a positive duration");
    }
    engine.increaseTime(by);
    return Map.of("advancedBy", by.toString(), "totalAdvanced", engine.advanced().toString(), "engineTime", engine.now().toString());
  }

  /** The engine's time and how far the clock has been moved, without moving it. */
  @GetMapping("/clock")
  public Map<String, Object> clock() {
    return Map.of("engineTime", engine.now().toString(), "totalAdvanced", engine.advanced().toString());
  }

  /** Captured mail, newest first. */
  @GetMapping("/mailbox")
  public List<Map<String, Object>> mailbox(@RequestParam(required = false) String to) throws MessagingException {
    return CapturedMail.newestFirst(mailCapture, to);
  }
}
