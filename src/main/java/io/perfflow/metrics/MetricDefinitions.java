package io.perfflow.metrics;

import io.perfflow.InvalidInputException;
import io.perfflow.InvalidInputException.FieldError;
import io.perfflow.NotFoundException;
import io.perfflow.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metrics KPIs read, as HR defines them ({@code PUT /api/metrics/{code}}): a metric with a
 * query is computed from the company's data (checked when saved: it runs, read-only, with the
 * named parameters for last month and every active employee, and must return
 * {@code employee_id, value}); one without a query is imported only.
 */
@Service
public class MetricDefinitions {
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(10);

  public record Definition(
      String code, String name, String unit, String description, String query, String datasource,
      BigDecimal min, BigDecimal max, Instant updatedAt, String updatedBy) {
    public String kind() {
      return query == null ? "IMPORTED" : "QUERY";
    }
  }

  public record Change(String name, String unit, String description, String query, String datasource, BigDecimal min, BigDecimal max) {}

  public record Usage(String role, String profile, String kpi) {}

  private final JdbcClient jdbc;
  private final MetricQueries queries;
  private final ExternalDataSources external;
  private final AuditLog audit;

  private final io.perfflow.CompanyTime companyTime;
  private final io.perfflow.engine.EngineClock clock;

  public MetricDefinitions(JdbcClient jdbc, MetricQueries queries, ExternalDataSources external, AuditLog audit,
      io.perfflow.CompanyTime companyTime, io.perfflow.engine.EngineClock clock) {
    this.companyTime = companyTime;
    this.clock = clock;
    this.jdbc = jdbc;
    this.queries = queries;
    this.external = external;
    this.audit = audit;
  }

  private static final String SELECT = "SELECT code, name, unit, description, query, datasource, min_value, max_value, updated_at, updated_by FROM metric_definition";

  private static Definition map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    java.sql.Timestamp at = rs.getTimestamp("updated_at");
    return new Definition(rs.getString("code"), rs.getString("name"), rs.getString("unit"), rs.getString("description"),
        rs.getString("query"), rs.getString("datasource"), strip(rs.getBigDecimal("min_value")), strip(rs.getBigDecimal("max_value")),
        at == null ? null : at.toInstant(), rs.getString("updated_by"));
  }

  private static BigDecimal strip(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }

  public List<Definition> all() {
    return jdbc.sql(SELECT + " ORDER BY code").query(MetricDefinitions::map).list();
  }

  public Optional<Definition> find(String code) {
    return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(MetricDefinitions::map).optional();
  }

  public Definition get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException(io.perfflow.Msg.of("metrics.error.noMetric", io.perfflow.Texts.excerpt(code))));
  }

  /** The scorecard KPIs that read the metric. */
  public List<Usage> usedBy(String code) {
    return jdbc.sql("SELECT role, profile, code FROM scorecard_kpi WHERE metric = ? ORDER BY role, profile, position")
        .param(code).query((rs, n) -> new Usage(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  /** Creates or replaces a definition after checking it (its query runs once, read-only); true when it was created. */
  @Transactional
  public boolean save(String code, Change change, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || code.length() > 100 || !CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", io.perfflow.Msg.of("metrics.error.code")));
    }
    if (change == null) {
      throw new InvalidInputException("body", io.perfflow.Msg.of("metrics.error.body"));
    }
    text("name", change.name(), 200, errors);
    text("unit", change.unit(), 50, errors);
    text("description", change.description(), 2000, errors);
    String query = change.query() == null || change.query().isBlank() ? null : MetricQueries.strip(change.query());
    if (query != null && query.length() > 20_000) {
      errors.add(new FieldError("query", io.perfflow.Msg.of("metrics.error.long", query.length(), 20000)));
    }
    String datasource = change.datasource() == null || change.datasource().isBlank() ? null : change.datasource().strip();
    if (datasource != null) {
      if (query == null) {
        errors.add(new FieldError("datasource", io.perfflow.Msg.of("metrics.error.datasourceWithoutQuery")));
      } else if (!ExternalDataSources.NAME.matcher(datasource).matches() || !external.names().contains(datasource)) {
        errors.add(new FieldError("datasource", io.perfflow.Msg.of("metrics.error.noDatasource", io.perfflow.Texts.excerpt(datasource), external.names())));
      }
    }
    bound("min", change.min(), errors);
    bound("max", change.max(), errors);
    if (change.min() != null && change.max() != null && change.min().compareTo(change.max()) > 0) {
      errors.add(new FieldError("max", io.perfflow.Msg.of("metrics.error.maxBelowMin", change.min().toPlainString())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (query != null) {
      String[] employees = jdbc.sql("SELECT id FROM employee WHERE active ORDER BY id").query(String.class).list().toArray(String[]::new);
      YearMonth lastMonth = companyTime.period(clock.now()).minusMonths(1);
      try {
        queries.check(query, datasource, employees, lastMonth);
      } catch (MetricQueries.QueryProblem e) {
        throw new InvalidInputException("query", io.perfflow.Msg.of("metrics.error.queryChecked", e.text(), lastMonth, employees.length));
      }
    }
    boolean created = find(code).isEmpty();
    jdbc.sql("""
            INSERT INTO metric_definition (code, name, unit, description, query, datasource, min_value, max_value, updated_at, updated_by)
            VALUES (:code, :name, :unit, :description, :query, :datasource, :min, :max, now(), :actor)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit = excluded.unit, description = excluded.description,
              query = excluded.query, datasource = excluded.datasource, min_value = excluded.min_value, max_value = excluded.max_value,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .param("code", code).param("name", change.name().strip()).param("unit", change.unit().strip())
        .param("description", change.description().strip()).param("query", query).param("datasource", datasource)
        .param("min", change.min()).param("max", change.max()).param("actor", actor)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("code", code);
    details.put("created", created);
    details.put("kind", query == null ? "IMPORTED" : "QUERY");
    if (datasource != null) details.put("datasource", datasource);
    audit.append(actor, "METRIC_DEFINED", null, details);
    return created;
  }

  private static void text(String field, String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("errors.required")));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, io.perfflow.Msg.of("metrics.error.long", value.length(), max)));
    }
  }

  private static void bound(String field, BigDecimal value, List<FieldError> errors) {
    if (value != null) {
      io.perfflow.Numbers.problem(value, LIMIT.negate(), LIMIT, 4).ifPresent(p -> errors.add(new FieldError(field, p)));
    }
  }
}
