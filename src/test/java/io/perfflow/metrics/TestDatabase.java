package io.perfflow.metrics;

import io.perfflow.demo.DemoCompany;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real PostgreSQL for plain JUnit tests: one embedded server per test JVM, a fresh migrated
 * database (with the demo company's employees) per call of {@link #fresh()}.
 */
public final class TestDatabase {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final TransactionTemplate transaction;

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public static synchronized TestDatabase fresh() {
    String name = "perfflow_test_" + DATABASES.incrementAndGet();
    JdbcClient.create(server().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
    DataSource dataSource = server().getDatabase("postgres", name);
    Flyway.configure().dataSource(dataSource).schemas("perfflow", "demo").defaultSchema("perfflow").load().migrate();
    TestDatabase db = new TestDatabase(dataSource);
    db.insertDemoEmployees();
    return db;
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  // Managers come before their reports in the roster, so the manager_id references resolve.
  private void insertDemoEmployees() {
    for (DemoCompany.DemoEmployee e : DemoCompany.EMPLOYEES) {
      jdbc.sql("""
              INSERT INTO perfflow.employee (id, name, email, role, team, manager_id, store_id, hired_on, level, base_pay, password_hash)
              VALUES (:id, :name, :email, :role, :team, :manager, :store, :hired, :level, :pay, 'test')""")
          .param("id", e.id()).param("name", e.name()).param("email", e.email()).param("role", e.role())
          .param("team", e.team()).param("manager", e.managerId()).param("store", e.storeId())
          .param("hired", e.hiredOn()).param("level", e.level()).param("pay", e.basePay())
          .update();
    }
  }
}
