package io.perfflow.api;

import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.metrics.MetricImportException;
import io.perfflow.tasks.TaskConflictException;
import io.perfflow.tasks.TaskForbiddenException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors as RFC 9457 problem details, each naming what was wrong: title and detail in the
 * language of the request ({@link io.perfflow.Msg}: the person's profile, else cookie, else
 * Accept-Language), the {@code field} and {@code row} of each error machine values.
 */
// Before Spring's own problem-details handler, so that unreadable bodies name the field too.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {
  /** A text of the errors bundle in the language of the request being answered. */
  static String text(String key, Object... args) {
    return io.perfflow.Msg.of(key, args).current();
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getLocalizedMessage());
    p.setTitle(text("errors.title.invalidInput"));
    p.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return p;
  }

  @ExceptionHandler(MetricImportException.class)
  ProblemDetail badImport(MetricImportException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        text("errors.import.badRows", e.errors().size()));
    p.setTitle(text("errors.title.invalidMetricImport"));
    p.setProperty("errors", e.errors().stream()
        .map(r -> Map.of("row", r.row(), "field", r.field(), "message", r.message())).toList());
    return p;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getLocalizedMessage());
    p.setTitle(text("errors.title.notFound"));
    return p;
  }

  @ExceptionHandler(io.perfflow.NotPermittedException.class)
  ProblemDetail notPermitted(io.perfflow.NotPermittedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getLocalizedMessage());
    p.setTitle(text("errors.title.notPermitted"));
    return p;
  }

  @ExceptionHandler(TaskForbiddenException.class)
  ProblemDetail forbidden(TaskForbiddenException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getLocalizedMessage());
    p.setTitle(text("errors.title.notYourTask"));
    return p;
  }

  @ExceptionHandler(TaskConflictException.class)
  ProblemDetail conflict(TaskConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getLocalizedMessage());
    p.setTitle(text("errors.title.taskNotOpen"));
    return p;
  }

  @ExceptionHandler(io.perfflow.ConflictException.class)
  ProblemDetail writeConflict(io.perfflow.ConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getLocalizedMessage());
    p.setTitle(text("errors.title.conflict"));
    return p;
  }

  @ExceptionHandler(io.perfflow.tasks.UserTaskGoneException.class)
  ProblemDetail gone(io.perfflow.tasks.UserTaskGoneException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getLocalizedMessage());
    p.setTitle(text("errors.title.taskNotOpen"));
    return p;
  }

  /** Camunda profile: the cluster did not answer; nothing was changed. */
  @ExceptionHandler(io.camunda.client.api.command.ClientException.class)
  ProblemDetail clusterUnavailable(io.camunda.client.api.command.ClientException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        text("errors.engine.noAnswer", e.getMessage()));
    p.setTitle(text("errors.title.engineUnavailable"));
    return p;
  }

  @ExceptionHandler(io.perfflow.tasks.EngineBusyException.class)
  ProblemDetail busy(io.perfflow.tasks.EngineBusyException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getLocalizedMessage());
    p.setTitle(text("errors.title.engineBusy"));
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.perfflow.config.InputLimitsFilter.BodyTooLargeException tooLarge) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getLocalizedMessage());
        p.setTitle(text("errors.title.tooLarge"));
        p.setProperty("errors", List.of(Map.of("field", "body", "message", tooLarge.getLocalizedMessage())));
        return p;
      }
    }
    String detail = e.getMostSpecificCause().getMessage();
    String field = "body";
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
      cause = cause.getCause();
    }
    if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
      detail = m.getOriginalMessage() != null && m.getOriginalMessage().contains(io.perfflow.config.NoNulStrings.MESSAGE)
          ? text("errors.body.nul", field)
          : text("errors.body.wrongType", field);
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setTitle(text("errors.title.unreadable"));
    p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return p;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String detail = e.getRequiredType() == null ? text("errors.param.invalid", e.getName())
        : text("errors.param.type", e.getName(), e.getRequiredType().getSimpleName());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setTitle(text("errors.title.invalidParameter"));
    p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", detail)));
    return p;
  }
}
