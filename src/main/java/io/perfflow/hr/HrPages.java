package io.perfflow.hr;

import io.perfflow.InvalidInputException;
import io.perfflow.NotPermittedException;
import io.perfflow.metrics.RowError;
import io.perfflow.web.NavLink;
import io.perfflow.web.WebSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.multipart.MultipartFile;

/** The HR pages' menu entries (HR only) and what the pages share. */
@Configuration
public class HrPages {
  @Bean
  NavLink peopleLink() {
    return new NavLink(50, "hr.nav.people", "/people", "people", true);
  }

  @Bean
  NavLink scorecardsLink() {
    return new NavLink(52, "hr.nav.scorecards", "/scorecards", "scorecards", true);
  }

  @Bean
  NavLink metricsLink() {
    return new NavLink(54, "hr.nav.metrics", "/metrics", "metrics", true);
  }

  @Bean
  NavLink importsLink() {
    return new NavLink(56, "hr.nav.imports", "/imports", "imports", true);
  }

  @Bean
  NavLink peakSeasonsLink() {
    return new NavLink(58, "hr.nav.seasons", "/peak-seasons", "peak-seasons", true);
  }

  static void requireHr(Authentication auth, io.perfflow.Msg what) {
    if (!WebSupport.isHr(auth)) {
      throw new NotPermittedException(io.perfflow.Msg.of("hr.error.hrOnly", what));
    }
  }

  /** Field errors by field (several messages for one field joined). */
  static Map<String, String> byField(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
    return errors;
  }

  /** A bad row of a file, as the pages list it. */
  public record BadRow(String row, String field, String message) {}

  private static final Pattern ROW_FIELD = Pattern.compile("row (\\d+)\\.?(.*)");

  static List<BadRow> rows(List<RowError> errors) {
    return errors.stream().map(r -> new BadRow(r.row() == 0 ? "file" : String.valueOf(r.row()), r.field(), r.message())).toList();
  }

  /** Errors whose field is "row 3.email" (the people and attendance imports) as rows. */
  static List<BadRow> rows(InvalidInputException e) {
    List<BadRow> rows = new ArrayList<>();
    for (var f : e.errors()) {
      Matcher m = ROW_FIELD.matcher(f.field());
      rows.add(m.matches() ? new BadRow(m.group(1), m.group(2), f.message()) : new BadRow("file", f.field(), f.message()));
    }
    return rows;
  }

  static String text(MultipartFile file) {
    try {
      return new String(file.getBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON when the file says so (its name or type), else CSV. */
  static boolean isJson(MultipartFile file) {
    String name = String.valueOf(file.getOriginalFilename()).toLowerCase(java.util.Locale.ROOT);
    String type = String.valueOf(file.getContentType()).toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl") || type.contains("json");
  }
}
