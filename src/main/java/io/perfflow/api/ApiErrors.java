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
    String field = "body";
    io.perfflow.Msg text;
    com.fasterxml.jackson.databind.JsonMappingException mapping = cause(e, com.fasterxml.jackson.databind.JsonMappingException.class);
    com.fasterxml.jackson.core.JsonProcessingException parse = cause(e, com.fasterxml.jackson.core.JsonProcessingException.class);
    if (mapping != null && !mapping.getPath().isEmpty()) {
      field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
      text = mapping.getOriginalMessage() != null && mapping.getOriginalMessage().contains(io.perfflow.config.NoNulStrings.MESSAGE)
          ? io.perfflow.Msg.of("errors.body.nul", field)
          : io.perfflow.Msg.of("errors.body.wrongType", field);
    } else if (mapping != null) {
      // The body as a whole is not what the endpoint reads (an array for an object, a number …).
      text = io.perfflow.Msg.of("errors.body.shape", String.valueOf(mapping.getOriginalMessage()));
    } else if (parse != null) {
      // Not JSON: where (line, column and the field being read), Jackson's own text as the detail.
      field = parsedField(parse);
      com.fasterxml.jackson.core.JsonLocation at = parse.getLocation();
      text = at != null && at.getLineNr() > 0
          ? io.perfflow.Msg.of("errors.body.json", at.getLineNr(), at.getColumnNr(), String.valueOf(parse.getOriginalMessage()))
          : io.perfflow.Msg.of("errors.body.jsonSomewhere", String.valueOf(parse.getOriginalMessage()));
    } else if (String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
      text = io.perfflow.Msg.of("errors.body.missing");
    } else {
      text = io.perfflow.Msg.of("errors.body.unreadable", String.valueOf(e.getMostSpecificCause().getMessage()));
    }
    String detail = text.current();
    // The wrong-type texts name their field themselves; the others have it in front.
    boolean named = mapping != null && !mapping.getPath().isEmpty();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, named ? detail : field + ": " + detail);
    p.setTitle(text("errors.title.unreadable"));
    p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return p;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The field the parser was in when the text stopped being JSON ({@code items[2].kpi}), else {@code body}. */
  private static String parsedField(com.fasterxml.jackson.core.JsonProcessingException e) {
    if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)) {
      return "body";
    }
    StringBuilder path = new StringBuilder();
    try {
      com.fasterxml.jackson.core.JsonStreamContext innermost = parser.getParsingContext();
      for (com.fasterxml.jackson.core.JsonStreamContext c = innermost; c != null && !c.inRoot(); c = c.getParent()) {
        if (c == innermost && (c.inArray() || parser.currentToken() != com.fasterxml.jackson.core.JsonToken.FIELD_NAME)) {
          // Inside the innermost object or array, but not reading a field's value (a missing
          // comma or bracket): the container is named, not the field or element read last.
          continue;
        }
        if (c.inArray()) {
          path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
        } else if (c.getCurrentName() != null) {
          path.insert(0, (path.length() == 0 || path.charAt(0) == '[' ? "" : ".")).insert(0, c.getCurrentName());
        }
      }
    } catch (RuntimeException closed) {
      return "body";
    }
    return path.length() == 0 ? "body" : path.toString();
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
