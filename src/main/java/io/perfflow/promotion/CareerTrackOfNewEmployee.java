package io.perfflow.promotion;

import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.org.NewEmployee;
import io.perfflow.org.NewEmployeePart;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/employees} with a {@code track}: the employee starts on that career ladder at
 * the given {@code level} (one of the ladder's levels), in it since the hiring date. Without a
 * track nothing happens here (HR may put someone on a ladder later with
 * {@code PUT /api/employees/{id}/track}).
 */
@Component
class CareerTrackOfNewEmployee implements NewEmployeePart {
  private final CareerLadders ladders;
  private final JdbcClient jdbc;

  CareerTrackOfNewEmployee(CareerLadders ladders, JdbcClient jdbc) {
    this.ladders = ladders;
    this.jdbc = jdbc;
  }

  @Override
  public List<FieldError> problems(NewEmployee e) {
    if (e.track() == null) {
      return List.of();
    }
    if (e.track().isBlank() || e.track().length() > 63) {
      return List.of(new FieldError("track", io.perfflow.Msg.of("promotion.error.trackName", io.perfflow.Texts.excerpt(e.track()))));
    }
    return ladders.find(e.track())
        .map(ladder -> ladder.level(e.level()).isPresent() ? List.<FieldError>of()
            : List.of(new FieldError("level", io.perfflow.Msg.of("promotion.error.levelOf", ladder.levels().stream().map(Ladder.Level::code).toList(), e.track(), io.perfflow.Texts.excerpt(e.level())))))
        .orElse(List.of(new FieldError("track", io.perfflow.Msg.of("promotion.error.noLadder", io.perfflow.Texts.excerpt(e.track())))));
  }

  @Override
  public void write(NewEmployee e) {
    if (e.track() != null) {
      jdbc.sql("UPDATE employee SET track = ?, level_since = ? WHERE id = ?").params(e.track(), e.hiredOn(), e.id()).update();
    }
  }
}
