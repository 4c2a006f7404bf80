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

/** Errors as RFC 9457 problem details, each naming what was wrong. */
// Before Spring's own problem-details handler, so that unreadable bodies name the field too.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid input");
    p.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return p;
  }

  @ExceptionHandler(MetricImportException.class)
  ProblemDetail badImport(MetricImportException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.errors().size() + " bad row(s); nothing was imported");
    p.setTitle("Invalid metric import");
    p.setProperty("errors", e.errors().stream()
        .map(r -> Map.of("row", r.row(), "field", r.field(), "message", r.message())).toList());
    return p;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("Not found");
    return p;
  }

  @ExceptionHandler(io.perfflow.NotPermittedException.class)
  ProblemDetail notPermitted(io.perfflow.NotPermittedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    p.setTitle("Not permitted");
    return p;
  }

  @ExceptionHandler(TaskForbiddenException.class)
  ProblemDetail forbidden(TaskForbiddenException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    p.setTitle("Not your task");
    return p;
  }

  @ExceptionHandler(TaskConflictException.class)
  ProblemDetail conflict(TaskConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("Task no longer open");
    return p;
  }

  @ExceptionHandler(io.perfflow.ConflictException.class)
  ProblemDetail writeConflict(io.perfflow.ConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("Conflict");
    return p;
  }

  @ExceptionHandler(io.perfflow.tasks.UserTaskGoneException.class)
  ProblemDetail gone(io.perfflow.tasks.UserTaskGoneException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("Task no longer open");
    return p;
  }

  /** Camunda profile: the cluster did not answer; nothing was changed. */
  @ExceptionHandler(io.camunda.client.api.command.ClientException.class)
  ProblemDetail clusterUnavailable(io.camunda.client.api.command.ClientException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The workflow engine did not answer: " + e.getMessage() + ". Nothing was changed; try again.");
    p.setTitle("Engine unavailable");
    return p;
  }

  @ExceptionHandler(io.perfflow.tasks.EngineBusyException.class)
  ProblemDetail busy(io.perfflow.tasks.EngineBusyException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    p.setTitle("Engine busy");
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.perfflow.config.InputLimitsFilter.BodyTooLargeException tooLarge) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        p.setTitle("Request too large");
        p.setProperty("errors", List.of(Map.of("field", "body", "message", tooLarge.getMessage())));
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
          ? "'" + field + "' " + io.perfflow.config.NoNulStrings.MESSAGE
          : "'" + field + "' has a value of the wrong type or format";
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setTitle("Unreadable request body");
    p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return p;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String detail = "'" + e.getName() + "' must be a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setTitle("Invalid parameter");
    p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", detail)));
    return p;
  }
}
