package io.perfflow.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * Runs a metric's query the one way it may run: in a read-only transaction with a statement
 * timeout ({@code perfflow.metrics.query-timeout}, 60 s; the check when a query is saved
 * {@code perfflow.metrics.check-timeout}, 5 s), on PerfFlow's database or on the external
 * datasource it names, with the named parameters {@code :employeeIds} (text[]),
 * {@code :periodStart} (date, inclusive) and {@code :periodEnd} (date, exclusive); it must return
 * the columns {@code employee_id} and {@code value} (a number), at most one row per employee.
 */
@Component
public class MetricQueries {
  public static final List<String> PARAMETERS = List.of("employeeIds", "periodStart", "periodEnd");
  /**
   * The PostgreSQL role a query on PerfFlow's own database runs as (V90): it reads schema
   * {@code source} and the non-confidential PerfFlow tables and columns metrics need, nothing else.
   */
  public static final String READER_ROLE = "perfflow_metric_reader";
  /** What a query is run inside of: a single SELECT (no second statement can follow it). */
  private static final String WRAP_START = "SELECT * FROM (";
  private static final String WRAP_END = "\n) AS metric_query";
  /**
   * Functions that change the role or run SQL given as text (which would then run with another
   * role's rights): refused in a metric query before it runs.
   */
  private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile(
      "(?i)\\b(set_config|query_to_xml|query_to_xml_and_xmlschema|query_to_xmlschema|cursor_to_xml|cursor_to_xmlschema|"
          + "table_to_xml|table_to_xml_and_xmlschema|schema_to_xml|schema_to_xml_and_xmlschema|database_to_xml|"
          + "database_to_xml_and_xmlschema|dblink\\w*|lo_\\w+|pg_read_\\w+|pg_ls_\\w+)\\b|\\bu&[\"']");

  /**
   * Why a query cannot be used, with where (line and text) when PostgreSQL says so: a {@link
   * io.perfflow.Msg} of the metrics bundle ({@code metrics.error.query.*}), the database's own
   * message an argument; {@link #getMessage()} its English text (logs, incidents).
   */
  public static class QueryProblem extends io.perfflow.LocalizedException {
    QueryProblem(io.perfflow.Msg text) {
      super(text);
    }
  }

  private final DataSource main;
  private final ExternalDataSources external;
  private final Duration runTimeout;
  private final Duration checkTimeout;
  private final String companyTimeZone;

  @org.springframework.beans.factory.annotation.Autowired
  public MetricQueries(
      DataSource main,
      ExternalDataSources external,
      @Value("${perfflow.metrics.query-timeout:PT60S}") Duration runTimeout,
      @Value("${perfflow.metrics.check-timeout:PT5S}") Duration checkTimeout,
      io.perfflow.CompanyTime companyTime) {
    this.main = main;
    this.external = external;
    this.runTimeout = runTimeout;
    this.checkTimeout = checkTimeout;
    this.companyTimeZone = companyTime.zone().getId();
  }

  public MetricQueries(DataSource main, ExternalDataSources external, Duration runTimeout, Duration checkTimeout) {
    this(main, external, runTimeout, checkTimeout, new io.perfflow.CompanyTime(io.perfflow.CompanyTime.DEFAULT_ZONE));
  }

  /** Queries on {@code dataSource} alone (no external datasources), with the default timeouts: for tests and tools. */
  public static MetricQueries on(DataSource dataSource) {
    return new MetricQueries(dataSource, new ExternalDataSources(new org.springframework.core.env.StandardEnvironment()),
        Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  /** The values of {@code code} for the employees and window of days; fails with a readable QueryProblem. */
  public List<MetricValue> run(String code, String query, String datasource, String[] employeeIds, MetricWindow window) {
    return execute(code, query, datasource, employeeIds, window, runTimeout);
  }

  /** Runs {@code query} as a cycle would (same parameters, read-only, the check timeout) and answers how many rows it gave. */
  public int check(String query, String datasource, String[] employeeIds, YearMonth period) {
    return execute("(check)", query, datasource, employeeIds, MetricWindow.month(period), checkTimeout).size();
  }

  private DataSource dataSource(String datasource) {
    if (datasource == null) {
      return main;
    }
    return external.get(datasource).orElseThrow(() -> new QueryProblem(
        io.perfflow.Msg.of("metrics.error.query.noDatasource", datasource, external.names())));
  }

  private List<MetricValue> execute(String code, String query, String datasource, String[] employeeIds, MetricWindow window, Duration timeout) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("employeeIds", employeeIds)
        .addValue("periodStart", window.start())
        .addValue("periodEnd", window.end())
        // where the period's days begin and end, for timestamptz columns (perfflow.company.time-zone)
        .addValue("companyTimeZone", companyTimeZone);
    String sql = strip(query);
    java.util.regex.Matcher refused = REFUSED.matcher(sql);
    if (refused.find()) {
      throw new QueryProblem(io.perfflow.Msg.of("metrics.error.query.refused", refused.group().strip()));
    }
    boolean restricted = datasource == null;
    if (restricted) {
      // One SELECT only: "x; RESET ROLE; SELECT ..." becomes a syntax error instead of three statements.
      sql = WRAP_START + sql + WRAP_END;
    }
    int offset = restricted ? WRAP_START.length() : 0;
    ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
    String jdbcSql;
    Object[] args;
    try {
      jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, params);
      args = NamedParameterUtils.buildValueArray(parsed, params, null);
    } catch (InvalidDataAccessApiUsageException e) {
      java.util.regex.Matcher name = java.util.regex.Pattern.compile("SQL parameter '([^']*)'").matcher(String.valueOf(e.getMessage()));
      String allowed = ":" + String.join(", :", PARAMETERS);
      throw new QueryProblem(name.find()
          ? io.perfflow.Msg.of("metrics.error.query.parameter", name.group(1), allowed)
          : io.perfflow.Msg.of("metrics.error.query.parameterOther", String.valueOf(e.getMessage()), allowed));
    }
    try (Connection c = dataSource(datasource).getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION READ ONLY");
          s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
          if (restricted) {
            s.execute("SET LOCAL ROLE " + READER_ROLE);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(jdbcSql)) {
          for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof String[] ids) {
              ps.setArray(i + 1, c.createArrayOf("text", ids));
            } else if (a instanceof LocalDate d) {
              ps.setObject(i + 1, d);
            } else {
              ps.setObject(i + 1, a);
            }
          }
          try (ResultSet rs = ps.executeQuery()) {
            return read(code, rs);
          }
        }
      } finally {
        try {
          c.rollback();
        } catch (SQLException closed) {
          // The pool closes a connection after some errors (HikariCP: SQLState 0A000, e.g. a
          // data-modifying WITH inside the wrapping SELECT); the query's own error is the one to report.
        }
      }
    } catch (SQLException e) {
      throw new QueryProblem(explain(e, jdbcSql, offset, timeout));
    }
  }

  private static List<MetricValue> read(String code, ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int employee = -1;
    int value = -1;
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      names.add(name);
      if (name.equals("employee_id")) employee = i;
      if (name.equals("value")) value = i;
    }
    if (employee < 0 || value < 0) {
      throw new QueryProblem(io.perfflow.Msg.of("metrics.error.query.columns", String.join(", ", names)));
    }
    int type = meta.getColumnType(value);
    if (!Set.of(Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DOUBLE, Types.REAL, Types.FLOAT).contains(type)) {
      throw new QueryProblem(io.perfflow.Msg.of("metrics.error.query.valueType", meta.getColumnTypeName(value)));
    }
    List<MetricValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (rs.next()) {
      String id = rs.getString(employee);
      if (id == null) {
        throw new QueryProblem(io.perfflow.Msg.of("metrics.error.query.noEmployee"));
      }
      if (!seen.add(id)) {
        throw new QueryProblem(io.perfflow.Msg.of("metrics.error.query.twice", io.perfflow.Texts.excerpt(id)));
      }
      BigDecimal v = rs.getBigDecimal(value);
      values.add(new MetricValue(id, code, v, SqlMetricSource.SOURCE_PREFIX + code));
    }
    return values;
  }

  /** A query without trailing whitespace and semicolons. */
  static String strip(String query) {
    String q = query.strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    return q;
  }

  /** The database's refusal as a text for a person: what it means for a metric query, PostgreSQL's own message an argument. */
  private static io.perfflow.Msg explain(SQLException e, String jdbcSql, int offset, Duration timeout) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String database = String.valueOf(e.getMessage()).replace("ERROR: ", "");
    if (state.equals("42501")) {
      return io.perfflow.Msg.of("metrics.error.query.notReadable", database.replaceAll("\\s+Position: \\d+", ""), READER_ROLE);
    }
    if ((state.equals("0A000") && database.contains("data-modifying")) || state.equals("25006")) {
      return io.perfflow.Msg.of("metrics.error.query.writes", database);
    }
    if (state.equals("57014")) {
      return io.perfflow.Msg.of("metrics.error.query.timeout", timeout.toSeconds());
    }
    if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
      return io.perfflow.Msg.of("metrics.error.query.database", database);
    }
    ServerErrorMessage server = p.getServerErrorMessage();
    io.perfflow.Msg m = io.perfflow.Msg.of("metrics.error.query.database", String.valueOf(server.getMessage()));
    if (server.getPosition() > 0) {
      // The text PostgreSQL saw: the query with ? as $1, $2 … (lines are the query's own).
      StringBuilder seen = new StringBuilder();
      int n = 0;
      for (char ch : jdbcSql.toCharArray()) {
        if (ch == '?') {
          seen.append('$').append(++n);
        } else {
          seen.append(ch);
        }
      }
      int at = Math.max(offset, Math.min(server.getPosition() - 1, seen.length()));
      int line = 1;
      for (int i = offset; i < at; i++) {
        if (seen.charAt(i) == '\n') line++;
      }
      int end = offset > 0 ? Math.max(at, seen.length() - WRAP_END.length()) : seen.length();
      String near = seen.substring(at, Math.min(end, at + 30)).replaceAll("\\s+", " ").strip();
      m = near.isEmpty() ? io.perfflow.Msg.of("metrics.error.query.atLine", m, line)
          : io.perfflow.Msg.of("metrics.error.query.atLineNear", m, line, near);
    }
    if (server.getHint() != null) {
      m = io.perfflow.Msg.of("metrics.error.query.hint", m, server.getHint());
    }
    return m;
  }

}
