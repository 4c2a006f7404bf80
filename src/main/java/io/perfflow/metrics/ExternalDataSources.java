package io.perfflow.metrics;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Named external databases metric queries may read in place (a company's ERP, its data
 * warehouse): {@code perfflow.sources.<name>.url|username|password}. Read-only: the pool's
 * connections are read-only and every query runs in a read-only transaction (MetricQueries).
 * The configuration is read when a datasource is used, so a name added to the environment later
 * is found; a pool (at most 3 connections) is made on first use and remade when its settings change.
 */
@Component
public class ExternalDataSources {
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public record Settings(String url, String username, String password) {}

  private record Pool(Settings settings, HikariDataSource dataSource) {}

  private final ConfigurableEnvironment environment;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();

  public ExternalDataSources(ConfigurableEnvironment environment) {
    this.environment = environment;
  }

  private Map<String, Settings> configured() {
    return Binder.get(environment).bind("perfflow.sources", Bindable.mapOf(String.class, Settings.class)).orElse(Map.of());
  }

  public Set<String> names() {
    return new TreeSet<>(configured().keySet());
  }

  /** The named datasource's pool, or empty when no such name is configured. */
  public Optional<DataSource> get(String name) {
    Settings settings = configured().get(name);
    if (settings == null || settings.url() == null || settings.url().isBlank()) {
      return Optional.empty();
    }
    Pool pool = pools.compute(name, (n, old) -> {
      if (old != null && old.settings().equals(settings)) {
        return old;
      }
      if (old != null) {
        old.dataSource().close();
      }
      HikariDataSource ds = new HikariDataSource();
      ds.setPoolName("perfflow-source-" + n);
      ds.setJdbcUrl(settings.url());
      ds.setUsername(settings.username());
      ds.setPassword(settings.password());
      ds.setReadOnly(true);
      ds.setMaximumPoolSize(3);
      ds.setMinimumIdle(0);
      ds.setConnectionTimeout(5000);
      // Start without connecting: a database that is down is reported when a query uses it.
      ds.setInitializationFailTimeout(-1);
      return new Pool(settings, ds);
    });
    return Optional.of(pool.dataSource());
  }

  @PreDestroy
  void close() {
    pools.values().forEach(p -> p.dataSource().close());
    pools.clear();
  }
}
