package io.perfflow.source;

import io.perfflow.NotFoundException;
import io.perfflow.config.InputLimitsFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company systems' data in: {@code POST /api/source/{table}} (HR or a service account in group
 * {@code source-feeds}; SecurityConfiguration) with CSV, a JSON array or NDJSON, and
 * {@code GET /api/source} describing every table. Attendance has its own endpoint (wellbeing).
 */
@RestController
@RequestMapping("/api/source")
public class SourceController {
  public static final String NDJSON = "application/x-ndjson";

  private final SourceIngestion ingestion;

  public SourceController(SourceIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @GetMapping
  public List<Map<String, Object>> tables() {
    return SourceTables.ALL.stream().map(SourceController::describe).toList();
  }

  @PostMapping(value = "/{table}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE, NDJSON})
  public SourceIngestion.Result ingest(@PathVariable String table, HttpServletRequest request, Authentication auth) throws IOException {
    SourceTable t = SourceTables.named(table).orElseThrow(() -> new NotFoundException(
        "No source table '" + io.perfflow.Texts.excerpt(table) + "'; the tables are attendance, "
            + String.join(", ", SourceTables.ALL.stream().map(SourceTable::name).toList())));
    String type = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
    SourceIngestion.Format format = type.startsWith("application/") ? SourceIngestion.Format.JSON : SourceIngestion.Format.CSV;
    try {
      return ingestion.ingest(t, request.getInputStream(), format, auth.getName());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @ExceptionHandler(SourceImportException.class)
  ProblemDetail refused(SourceImportException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, (e.complete()
        ? io.perfflow.Msg.of("errors.import.badRows", e.errors().size())
        : io.perfflow.Msg.of("errors.import.badRowsStopped", e.errors().size(), SourceIngestion.MAX_ERRORS)).current());
    p.setTitle(io.perfflow.Msg.of("errors.title.invalidSourceImport").current());
    p.setProperty("errors", e.errors().stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("row", r.row());
      m.put("field", r.field());
      m.put("message", r.message());
      return m;
    }).toList());
    return p;
  }

  @ExceptionHandler(InputLimitsFilter.BodyTooLargeException.class)
  ProblemDetail tooLarge(InputLimitsFilter.BodyTooLargeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        io.perfflow.Msg.of("errors.import.tooLarge", e.getLocalizedMessage()).current());
    p.setTitle(io.perfflow.Msg.of("errors.title.tooLarge").current());
    p.setProperty("errors", List.of(Map.of("field", "body", "message", e.getLocalizedMessage())));
    return p;
  }

  static Map<String, Object> describe(SourceTable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("table", "source." + t.table());
    m.put("description", t.description());
    m.put("key", t.key());
    m.put("columns", t.columns().stream().map(c -> {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("field", c.field());
      col.put("column", c.column());
      col.put("type", c.type().form());
      col.put("required", c.required());
      col.put("default", c.defaultValue());
      col.put("unit", c.unit());
      col.put("min", c.min());
      col.put("max", c.max());
      col.put("values", c.values().isEmpty() ? null : c.values());
      col.put("maxLength", c.maxLength() == 0 ? null : c.maxLength());
      col.put("references", c.references() == null ? null : "source." + c.references());
      col.put("description", c.description());
      return col;
    }).toList());
    m.put("rules", t.rules().stream().map(SourceTable.RowRule::text).toList());
    return m;
  }
}
