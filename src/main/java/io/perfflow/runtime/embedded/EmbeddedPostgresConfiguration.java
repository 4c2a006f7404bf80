package io.perfflow.runtime.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.util.StringUtils;

/**
 * A real PostgreSQL (zonky's embedded binaries) for the embedded runtime, used unless
 * {@code spring.datasource.url} points at a server.
 *
 * <p>Its data lives under {@code perfflow.embedded.postgres.data-dir} (default {@code
 * ./data/postgres}) so business data survives a restart; an empty value gives a throw-away
 * database in a temporary folder (the tests use that).
 *
 * <p>zonky's builder starts PostgreSQL with test settings: {@code -F} (fsync off) on the command
 * line and {@code synchronous_commit=off}. A kept data folder is the company's only copy of its
 * reviews, so it runs with PostgreSQL's safe settings instead: the {@code -c} options follow
 * {@code -F} on the command line, and the later setting wins. A throw-away database keeps the
 * fast test settings: there is nothing to protect in a folder deleted at exit.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
// matchIfMissing: this configuration applies exactly when no datasource URL is configured.
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPostgresConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  /**
   * The PostgreSQL {@link EmbeddedRuntimeStarter} started in the background when the context was
   * created (it stops it with the context); started here only if it did not.
   */
  @Bean(destroyMethod = "")
  EmbeddedPostgres embeddedPostgres(
      @Qualifier(EmbeddedRuntimeStarter.STARTUP_BEAN) ObjectProvider<EmbeddedRuntimeStarter.Startup> startup,
      @Value("${perfflow.embedded.postgres.data-dir:}") String dataDir, ConfigurableBeanFactory beans) throws IOException {
    EmbeddedRuntimeStarter.Startup started = startup.getIfAvailable();
    EmbeddedPostgres postgres = started == null ? null : started.postgres();
    if (postgres == null) {
      EmbeddedPostgres own = start(dataDir);
      ((org.springframework.beans.factory.support.DefaultSingletonBeanRegistry) beans)
          .registerDisposableBean("embeddedPostgresOwnStart", own::close);
      return own;
    }
    return postgres;
  }

  /** Starts the embedded PostgreSQL on loopback; durable settings when it keeps a data folder. */
  public static EmbeddedPostgres start(String dataDir) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
            // zonky waits 10 s by default; a start after a crash (WAL recovery) or on a busy
            // machine can take longer.
            .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (StringUtils.hasText(dataDir)) {
      Path dir = Path.of(dataDir).toAbsolutePath();
      Files.createDirectories(dir);
      builder.setDataDirectory(dir).setCleanDataDirectory(false)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
      LOG.info("Embedded PostgreSQL keeps its data in {} (fsync, synchronous_commit and full_page_writes on)", dir);
    }
    return builder.start();
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    pool.setUsername("postgres");
    pool.setPoolName("perfflow-embedded");
    pool.setSchema("perfflow");
    pool.setMaximumPoolSize(10);
    return pool;
  }
}
