package io.perfflow.cs;

import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.org.PreferencePart;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code dailyFeedback}: whether the agent gets the daily feedback mail (default true). */
@Component
class DailyFeedbackPreference implements PreferencePart {
  private final DailyFeedback daily;

  DailyFeedbackPreference(DailyFeedback daily) {
    this.daily = daily;
  }

  @Override
  public String field() {
    return "dailyFeedback";
  }

  @Override
  public String expected() {
    return "true or false";
  }

  @Override
  public Optional<FieldError> problem(Object value) {
    return value instanceof Boolean ? Optional.empty() : Optional.of(new FieldError("dailyFeedback", io.perfflow.Msg.of("cs.error.dailyFeedback")));
  }

  @Override
  public void write(String employeeId, Object value, String actor) {
    daily.setDailyFeedback(employeeId, (Boolean) value, actor);
  }

  @Override
  public Object read(String employeeId) {
    return daily.wantsMail(employeeId);
  }
}
