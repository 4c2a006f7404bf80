package io.perfflow.wellbeing;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.audit.AuditLog;
import io.perfflow.engine.EngineClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pulse question "how heavy is the pressure of work?" (1 = none, 5 = very heavy: "I can't
 * balance work and life"), answered by employees for themselves, one answer per day (engine
 * clock's date in the company time zone); a later answer the same day replaces it. Only the employee and HR read them.
 */
@Service
public class PulseAnswers {
  static final int MAX_COMMENT = 2000;

  public record PulseAnswer(String employeeId, LocalDate answeredOn, int pressure, String comment, Instant answeredAt) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final EngineClock clock;
  private final io.perfflow.CompanyTime companyTime;

  public PulseAnswers(JdbcClient jdbc, AuditLog audit, EngineClock clock, io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public PulseAnswer answer(String employeeId, Integer pressure, String comment) {
    List<FieldError> errors = new ArrayList<>();
    if (pressure == null || pressure < 1 || pressure > 5) {
      errors.add(new FieldError("pressure", io.perfflow.Msg.of("wellbeing.error.pressure", pressure)));
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      errors.add(new FieldError("comment", io.perfflow.Msg.of("wellbeing.error.commentLong", MAX_COMMENT, comment.length())));
    } else if (comment != null && comment.indexOf('\0') >= 0) {
      errors.add(new FieldError("comment", io.perfflow.Msg.of("wellbeing.error.nul")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = clock.now();
    LocalDate today = companyTime.today(now);
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    jdbc.sql("""
            INSERT INTO pulse_answer (employee_id, answered_on, pressure, comment, answered_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (employee_id, answered_on) DO UPDATE SET pressure = EXCLUDED.pressure, comment = EXCLUDED.comment, answered_at = EXCLUDED.answered_at""")
        .params(employeeId, Date.valueOf(today), pressure, text, Timestamp.from(now))
        .update();
    // The audit says that an answer was given, not what it was (the answer is confidential).
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("answeredOn", today.toString());
    audit.append(employeeId, "PULSE_ANSWERED", null, details);
    return new PulseAnswer(employeeId, today, pressure, text, now);
  }

  /** An employee's answers, newest first. */
  public List<PulseAnswer> of(String employeeId) {
    return jdbc.sql("SELECT * FROM pulse_answer WHERE employee_id = ? ORDER BY answered_on DESC")
        .param(employeeId)
        .query((rs, n) -> new PulseAnswer(rs.getString("employee_id"), rs.getObject("answered_on", LocalDate.class),
            rs.getInt("pressure"), rs.getString("comment"), rs.getObject("answered_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
