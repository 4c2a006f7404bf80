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

  /** Why a query cannot be used, with where (line and text) when PostgreSQL says so. */
  public static class QueryProblem extends RuntimeException {
    QueryProblem(String message) {
      super(message);
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
        "no datasource '" + datasource + "' is configured (perfflow.sources." + datasource + ".url); configured: " + external.names()));
  }

  private List<MetricValue> execute(String code, String query, String datasource, String[] employeeIds, MetricWindow window, Duration timeout) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("employeeIds", employeeIds)
        .addValue("periodStart", window.start())
        .addValue("periodEnd", window.end())
        // where the period's days begin and end, for timestamptz columns (perfflow.company.time-zone)
        .addValue("companyTimeZone", companyTimeZone);
    String sql = strip(query);
    ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
    String jdbcSql;
    Object[] args;
    try {
      jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, params);
      args = NamedParameterUtils.buildValueArray(parsed, params, null);
    } catch (InvalidDataAccessApiUsageException e) {
      throw new QueryProblem(e.getMessage().replace("No value supplied for the SQL parameter", "unknown parameter")
          + "; a metric query may use only :" + String.join(", :", PARAMETERS));
    }
    try (Connection c = dataSource(datasource).getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION READ ONLY");
          s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
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
        c.rollback();
      }
    } catch (SQLException e) {
      throw new QueryProblem(explain(e, jdbcSql, timeout));
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
      throw new QueryProblem("the query must return the columns employee_id and value; it returns " + String.join(", ", names));
    }
    int type = meta.getColumnType(value);
    if (!Set.of(Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DOUBLE, Types.REAL, Types.FLOAT).contains(type)) {
      throw new QueryProblem("the column value must be a number; it is " + meta.getColumnTypeName(value));
    }
    List<MetricValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (rs.next()) {
      String id = rs.getString(employee);
      if (id == null) {
        throw new QueryProblem("the query returns a row without employee_id");
      }
      if (!seen.add(id)) {
        throw new QueryProblem("the query returns employee '" + io.perfflow.Texts.excerpt(id) + "' more than once (one row per employee)");
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

  private static String explain(SQLException e, String jdbcSql, Duration timeout) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("57014")) {
      return "the query ran longer than " + timeout.toSeconds() + " s (statement timeout) and was cancelled";
    }
    if (state.equals("25006")) {
      return "the query tries to write (" + e.getMessage().replace("ERROR: ", "") + "); metric queries run read-only";
    }
    StringBuilder m = new StringBuilder(e.getMessage().replace("ERROR: ", ""));
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      m.setLength(0);
      m.append(server.getMessage());
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
        int at = Math.min(server.getPosition() - 1, seen.length());
        int line = 1;
        for (int i = 0; i < at; i++) {
          if (seen.charAt(i) == '\n') line++;
        }
        String near = seen.substring(at, Math.min(seen.length(), at + 30)).replaceAll("\\s+", " ").strip();
        m.append(" (at line ").append(line).append(near.isEmpty() ? "" : ", near '" + near + "'").append(")");
      }
      if (server.getHint() != null) {
        m.append("; hint: ").append(server.getHint());
      }
    }
    return m.toString();
  }
}
